using Integritas.Domain.Lke;
using Integritas.Spreadsheets;

namespace Integritas.Ingest.Workbook;

/// <summary>The answer, value and note columns of one review layer.</summary>
internal sealed record LayerColumns(Reviewer Reviewer, int Answer, int? Value, int? Note);

/// <summary>
/// Where things are in an LKE sheet, found from its header row: the hierarchy in B–G (fixed by the official
/// layout), the weight and answer-kind columns, and one set of answer/value/note columns per review layer —
/// "Jawaban" (the official LKE ZI), or "Jawaban Unit", "Jawaban TPI", "Jawaban TPI &lt;instansi&gt;" (the
/// Itjen's TPI template).
/// </summary>
internal sealed record SheetLayout(int HeaderRow, int Weight, int Kind, IReadOnlyList<LayerColumns> Layers)
{
    public const int Component = 2;   // B
    public const int Part = 3;        // C
    public const int Area = 4;        // D
    public const int Indicator = 5;   // E
    public const int QuestionNo = 6;  // F
    public const int Question = 7;    // G

    public static SheetLayout? Detect(Row row)
    {
        int? weight = null, kind = null;
        var layers = new List<LayerColumns>();
        (Reviewer Reviewer, int Answer, int? Value, int? Note)? open = null;
        void Close()
        {
            if (open is { } o)
            {
                layers.Add(new LayerColumns(o.Reviewer, o.Answer, o.Value, o.Note));
            }
            open = null;
        }
        foreach (var cell in row.Cells.OrderBy(c => c.Column))
        {
            var text = Normalize(cell.Value);
            if (text == "BOBOT")
            {
                weight = cell.Column;
            }
            else if (text.StartsWith("PILIHAN JAWABAN", StringComparison.Ordinal))
            {
                kind = cell.Column;
            }
            else if (text.StartsWith("JAWABAN", StringComparison.Ordinal))
            {
                Close();
                open = (ReviewerOf(text), cell.Column, null, null);
            }
            else if (open is { } o && text.StartsWith("NILAI", StringComparison.Ordinal) && o.Value is null)
            {
                open = o with { Value = cell.Column };
            }
            else if (open is { } n && text.StartsWith("CATATAN", StringComparison.Ordinal) && n.Note is null)
            {
                open = n with { Note = cell.Column };
            }
        }
        Close();
        return weight is { } w && kind is { } k && layers.Count > 0 && layers.Select(l => l.Reviewer).Distinct().Count() == layers.Count
            ? new SheetLayout(row.Index, w, k, layers)
            : null;
    }

    private static Reviewer ReviewerOf(string header)
    {
        var rest = header["JAWABAN".Length..].Trim();
        return rest switch
        {
            "" or "UNIT" or "UNIT KERJA" => Reviewer.Unit,
            "TPI" or "TPI UNIT" => Reviewer.TpiUnit,
            var r when r.StartsWith("TPN", StringComparison.Ordinal) => Reviewer.Tpn,
            var r when r.StartsWith("TPI", StringComparison.Ordinal) => Reviewer.TpiItjen,
            _ => Reviewer.Unit,
        };
    }

    /// <summary>Upper case, single spaces, no line breaks: how header and label cells are compared.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.ToUpperInvariant().Split([' ', '\n', '\r', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}
