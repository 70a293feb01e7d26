using System.Text;
using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>A tag found in a paragraph and isolated into a run of its own.</summary>
internal sealed record TagRun(XElement Run, string Inner);

/// <summary>
/// Finds <c>{{…}}</c> tags in a paragraph's text even when Word has split them across runs (spell-check
/// marks, formatting changes, revision ids), and rewrites the paragraph so each tag sits alone in one run
/// carrying the formatting of the run where the tag began.
/// </summary>
internal static class TagRuns
{
    private sealed record Segment(XElement Text, int Start);

    /// <summary>The runs that belong to this paragraph (not to a text box nested in it), in document order.</summary>
    private static IEnumerable<XElement> OwnRuns(XElement paragraph) =>
        paragraph.Descendants(W.R_).Where(r => r.Ancestors(W.P).First() == paragraph);

    /// <summary>
    /// Isolates every complete tag of the paragraph, in document order; reports each <c>{{</c> without its
    /// <c>}}</c> and each <c>}}</c> without its <c>{{</c> through <paramref name="issue"/> (message, snippet).
    /// </summary>
    public static List<TagRun> Isolate(XElement paragraph, Action<string, string> issue)
    {
        var (segments, text) = Segments(paragraph);
        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("}}", StringComparison.Ordinal))
        {
            return [];
        }
        if (UnwrapObsoleteMarkup(paragraph))
        {
            (segments, text) = Segments(paragraph);
        }
        var ranges = new List<(int Start, int End)>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf("{{", at, StringComparison.Ordinal);
            var close = text.IndexOf("}}", at, StringComparison.Ordinal);
            if (close >= 0 && (open < 0 || close < open))
            {
                issue("'}}' closes no tag (a '{{' is missing)", Around(text, close));
                at = close + 2;
                continue;
            }
            if (open < 0)
            {
                break;
            }
            close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var nested = text.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (nested >= 0 && nested < close))
            {
                issue("'{{' is never closed with '}}'", close < 0 ? From(text, open) : Shorten(text[open..nested]));
                if (close < 0)
                {
                    break;
                }
                at = nested;
                continue;
            }
            ranges.Add((open, close + 2));
            at = close + 2;
        }

        // Later tags first: isolating one only shortens text after its start, so earlier offsets stay valid.
        var found = new List<TagRun>();
        for (var i = ranges.Count - 1; i >= 0; i--)
        {
            found.Add(IsolateRange(segments, ranges[i].Start, ranges[i].End));
        }
        found.Reverse();
        if (found.Count > 0)
        {
            // Spelling marks around a tag mean nothing once it is filled, and would dangle when it is removed.
            foreach (var mark in paragraph.Descendants(W.ProofErr).Where(e => e.Ancestors(W.P).First() == paragraph).ToList())
            {
                mark.Remove();
            }
        }
        return found;
    }

    /// <summary>
    /// Smart tags and run-level custom XML are gone from Word since 2010 (Word drops them on opening, and they
    /// no longer validate); around a tag they would only be cut in pieces, so their content takes their place.
    /// </summary>
    private static bool UnwrapObsoleteMarkup(XElement paragraph)
    {
        var wrappers = paragraph.Descendants().Where(e => (e.Name == W.SmartTag || e.Name == W.CustomXml) && e.Ancestors(W.P).First() == paragraph).ToList();
        foreach (var wrapper in wrappers.AsEnumerable().Reverse())
        {
            var content = wrapper.Nodes().Where(n => n is not XElement e || (e.Name != W.Ns + "smartTagPr" && e.Name != W.Ns + "customXmlPr")).ToList();
            foreach (var node in content)
            {
                node.Remove();
            }
            wrapper.ReplaceWith(content);
        }
        return wrappers.Count > 0;
    }

    private static string From(string text, int start) => Shorten(text[start..Math.Min(text.Length, start + 40)]);

    private static string Around(string text, int close)
    {
        var start = Math.Max(0, close - 30);
        return Shorten(text[start..Math.Min(text.Length, close + 2)]);
    }

    private static string Shorten(string text) => text.Replace('\n', ' ').Trim();

    private static (List<Segment> Segments, string Text) Segments(XElement paragraph)
    {
        var segments = new List<Segment>();
        var sb = new StringBuilder();
        foreach (var run in OwnRuns(paragraph))
        {
            foreach (var t in run.Elements(W.T))
            {
                segments.Add(new Segment(t, sb.Length));
                sb.Append(t.Value);
            }
        }
        return (segments, sb.ToString());
    }

    private static TagRun IsolateRange(List<Segment> segments, int start, int end)
    {
        var tagText = new StringBuilder();
        Segment? first = null;
        foreach (var segment in segments)
        {
            var value = segment.Text.Value;
            var segStart = segment.Start;
            var segEnd = segStart + value.Length;
            if (segEnd <= start || segStart >= end)
            {
                continue;
            }
            var from = Math.Max(start, segStart) - segStart;
            var to = Math.Min(end, segEnd) - segStart;
            tagText.Append(value, from, to - from);
            if (first is null)
            {
                first = segment;
                // Keep the text before the tag here; the text after it (same segment) moves to a new run below.
                continue;
            }
            segment.Text.Value = value[to..];
        }
        var firstText = first!.Text;
        var firstValue = firstText.Value;
        var offset = start - first.Start;
        var tagEndInFirst = Math.Min(end - first.Start, firstValue.Length);
        var before = firstValue[..offset];
        var after = firstValue[tagEndInFirst..];
        var run = firstText.Parent!;

        // Split the run: [children before the text + text before] [tag] [text after + children after].
        var rPr = run.Element(W.RPr);
        var tagRun = new XElement(W.R_, new XAttribute(Zi.Tag, "1"), rPr is null ? null : new XElement(rPr),
            new XElement(W.T, new XAttribute(W.Space, "preserve"), tagText.ToString()));
        var trailing = firstText.NodesAfterSelf().ToList();
        foreach (var node in trailing)
        {
            node.Remove();
        }
        var afterRun = new XElement(W.R_, rPr is null ? null : new XElement(rPr));
        if (after.Length > 0)
        {
            afterRun.Add(new XElement(W.T, new XAttribute(W.Space, "preserve"), after));
        }
        afterRun.Add(trailing);
        if (before.Length > 0)
        {
            firstText.Value = before;
            firstText.SetAttributeValue(W.Space, "preserve");
        }
        else
        {
            firstText.Remove();
        }
        run.AddAfterSelf(tagRun);
        if (afterRun.Elements().Any(e => e.Name != W.RPr))
        {
            tagRun.AddAfterSelf(afterRun);
        }
        RemoveIfEmpty(run);
        foreach (var segment in segments)
        {
            if (segment.Text.Parent is { } parent && segment.Text.Value.Length == 0 && segment.Text != firstText)
            {
                segment.Text.Remove();
                RemoveIfEmpty(parent);
            }
        }
        return new TagRun(tagRun, tagText.ToString(2, tagText.Length - 4));
    }

    /// <summary>Removes a run left with nothing but its properties.</summary>
    private static void RemoveIfEmpty(XElement run)
    {
        if (run.Name == W.R_ && run.Parent is not null && !run.Elements().Any(e => e.Name != W.RPr))
        {
            run.Remove();
        }
    }
}
