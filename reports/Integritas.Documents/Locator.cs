using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>
/// Names where a paragraph stands, the way an author finds it again: "paragraph 12", "table 2, row 3, cell 1",
/// "text box 1, paragraph 2" (1-based, in the part's reading order; paragraphs counted outside tables).
/// Built on the template as written, before the compiler splits or moves anything. The second copy of a
/// text box that Word keeps for old readers (<c>mc:Fallback</c>) is not counted: it is the same text.
/// </summary>
internal sealed class Locator
{
    private readonly Dictionary<XElement, string> _paragraphs = [];
    private readonly HashSet<XElement> _fallback = [];
    private readonly Dictionary<XElement, int> _tables = [];
    private readonly Dictionary<XElement, int> _textBoxes = [];
    private readonly Dictionary<XElement, int> _paragraphCounts = [];

    public Locator(XElement root)
    {
        Walk(root, textBox: null, inFallback: false);
    }

    /// <summary>The location of a paragraph of the original template (or of the one an element stands in).</summary>
    public string Of(XElement element)
    {
        var paragraph = element.AncestorsAndSelf(W.P).FirstOrDefault();
        return paragraph is not null && _paragraphs.TryGetValue(paragraph, out var location) ? location : "the part";
    }

    /// <summary>Whether the element is in Word's fallback copy of a text box (its defects are reported once, from the first copy).</summary>
    public bool InFallback(XElement element) => element.AncestorsAndSelf(W.P).FirstOrDefault() is { } p && _fallback.Contains(p);

    private void Walk(XElement element, XElement? textBox, bool inFallback)
    {
        foreach (var child in element.Elements())
        {
            var fallback = inFallback || child.Name == W.Fallback;
            if (child.Name == W.Tbl && !fallback)
            {
                _tables[child] = _tables.Count + 1;
            }
            if (child.Name == W.TxbxContent)
            {
                if (!fallback)
                {
                    _textBoxes[child] = _textBoxes.Count + 1;
                }
                Walk(child, child, fallback);
                continue;
            }
            if (child.Name == W.P)
            {
                _paragraphs[child] = fallback ? "" : Describe(child, textBox);
                if (fallback)
                {
                    _fallback.Add(child);
                }
            }
            Walk(child, textBox, fallback);
        }
    }

    private string Describe(XElement paragraph, XElement? textBox)
    {
        var prefix = textBox is not null && _textBoxes.TryGetValue(textBox, out var box) ? $"text box {box}, " : "";
        var cell = paragraph.Ancestors().TakeWhile(a => a != textBox).FirstOrDefault(a => a.Name == W.Tc);
        var row = cell?.Ancestors(W.Tr).FirstOrDefault();
        var table = row?.Ancestors(W.Tbl).FirstOrDefault();
        if (cell is not null && row is not null && table is not null && _tables.TryGetValue(table, out var tableNo))
        {
            var rowNo = table.Descendants(W.Tr).Where(r => r.Ancestors(W.Tbl).First() == table).TakeWhile(r => r != row).Count() + 1;
            var cellNo = row.Descendants(W.Tc).Where(c => c.Ancestors(W.Tr).First() == row).TakeWhile(c => c != cell).Count() + 1;
            return $"{prefix}table {tableNo}, row {rowNo}, cell {cellNo}";
        }
        var scope = textBox ?? paragraph.Document!.Root!;
        var count = _paragraphCounts.GetValueOrDefault(scope) + 1;
        _paragraphCounts[scope] = count;
        return $"{prefix}paragraph {count}";
    }
}
