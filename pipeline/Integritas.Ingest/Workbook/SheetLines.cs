using System.Text.RegularExpressions;
using Integritas.Spreadsheets;

namespace Integritas.Ingest.Workbook;

/// <summary>What one row of an LKE sheet is, read from what real copies keep reliably: a weight, an answer kind, and where its text sits.</summary>
internal enum LineKind
{
    /// <summary>A weighted row labelled in B–F: component, part, area, indicator, sub-indicator or hasil item.</summary>
    Node,

    /// <summary>A question: an answer kind (other than "Jumlah") with its text in G, or with no weight.</summary>
    Question,

    /// <summary>A "Jumlah" row of a percentage item.</summary>
    Count,

    /// <summary>Text with no weight and no answer kind: a note, a second header line, a label.</summary>
    Note,

    /// <summary>TOTAL PENGUNGKIT, TOTAL HASIL, NILAI EVALUASI ZONA INTEGRITAS.</summary>
    Total,
}

/// <summary>
/// One classified row. <see cref="Label"/> is the upper-cased text of B–F (numbering included), <see cref="Text"/>
/// the question text (G, or the label when G is empty), <see cref="Kind"/> the answer-kind cell as read.
/// </summary>
internal sealed record SheetLine(Row Row, LineKind Line, string Label, string Text, decimal? Weight, KindCell Kind, string KindText)
{
    public int Index => Row.Index;

    /// <summary>The label without its leading numbering ("A.", "II.", "5.", "iii.", "a", "-"): what names a row.</summary>
    public string Name => SheetLines.StripNumbering(Label);
}

/// <summary>Classifies the rows of an LKE sheet after its header row (<see cref="SheetLayout"/>).</summary>
internal static partial class SheetLines
{
    public static SheetLine? Classify(Row row, SheetLayout layout)
    {
        var label = SheetLayout.Normalize(string.Join(' ', Enumerable.Range(SheetLayout.Component, SheetLayout.Question - SheetLayout.Component).Select(row.Text)));
        var question = row.Text(SheetLayout.Question);
        var kindText = row.Text(layout.Kind);
        if (label.Length == 0 && question.Length == 0 && kindText.Length == 0)
        {
            return null;
        }
        var all = SheetLayout.Normalize(label + " " + question);
        var kind = AnswerKindCell.Parse(kindText);
        var weight = Weight(row, layout);
        var text = question.Length > 0 ? question : label;
        LineKind line;
        if (TotalRow().IsMatch(StripNumbering(all)))
        {
            line = LineKind.Total;
        }
        else if (kind.IsCount)
        {
            line = LineKind.Count;
        }
        else if (weight is not null && question.Length == 0)
        {
            line = LineKind.Node;
        }
        else if (!kind.IsEmpty || (question.Length > 0 && layout.Layers.Any(l => row.Text(l.Answer).Length > 0)))
        {
            // A question: an answer kind, or question text with an answer but its kind cell left empty.
            line = LineKind.Question;
        }
        else
        {
            line = LineKind.Note;
        }
        return new SheetLine(row, line, label, text, weight, kind, kindText);
    }

    /// <summary>Which total a total row holds: pengungkit, hasil or the evaluation's total.</summary>
    public static string TotalLevel(SheetLine line)
    {
        var text = SheetLayout.Normalize(line.Label + " " + line.Row.Text(SheetLayout.Question));
        return text.Contains("PENGUNGKIT", StringComparison.Ordinal) ? "pengungkit" : text.Contains("TOTAL HASIL", StringComparison.Ordinal) ? "hasil" : "total";
    }

    public static string StripNumbering(string label)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var skip = 0;
        while (skip < words.Length && Numbering().IsMatch(words[skip]))
        {
            skip++;
        }
        return string.Join(' ', words.Skip(skip));
    }

    private static decimal? Weight(Row row, SheetLayout layout) =>
        row[layout.Weight] is { } cell && cell.Value.Trim().Length > 0
            ? cell.Number ?? (Domain.Lke.LkeNumber.TryParse(cell.Value, out var w) ? w : null)
            : null;

    [GeneratedRegex(@"^(TOTAL (PENGUNGKIT|HASIL)|NILAI .*(ZONA INTEGRITAS|EVALUASI|REFORMASI BIROKRASI))")]
    private static partial Regex TotalRow();

    [GeneratedRegex(@"^(-|[A-H]|[IVX]{1,4}|\d{1,2})[.)]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbering();
}
