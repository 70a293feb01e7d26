using System.Globalization;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Ingest.Workbook;

/// <summary>
/// Reads an LKE sheet in the official 90/2021 layout — the unit's "LKE ZI" sheet, or the "Jawaban" sheet
/// of the Itjen's TPI template with one answer column per review layer — into canonical answer rows per
/// layer. The tree is read from what copies keep reliably (<see cref="SheetLines"/>, <see cref="LkeTreeBuilder"/>):
/// weights, answer kinds and texts, not numbering; rows are named by the catalogue (<see cref="CatalogMatcher"/>).
/// Percentage items are computed from their "Jumlah" rows as the workbook formulas do (<see cref="LayerReader"/>),
/// and every value is recomputed and compared with the workbook's cached one (<see cref="CachedValues"/>);
/// each disagreement becomes a <see cref="Finding"/>. The regulation's own LKE (PermenPANRB 90/2021 Lampiran III)
/// is the layout of reference: sub-indicators numbered "i." and then not at all, "%" on indicator rows,
/// subtotal counts that are formulas.
/// </summary>
public sealed class LkeWorkbookParser(string file, UnitIdentity unit, RuleCatalog rules, LkeCatalog catalog)
{
    /// <summary>The sheets an LKE is read from, in order of preference.</summary>
    public static readonly string[] SheetNames = ["LKE ZI", "Jawaban"];

    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Reads the LKE; row-level problems go to <paramref name="errors"/>; returns the rows of every layer that was filled in.</summary>
    public IReadOnlyList<LkeRow> Read(XlsxWorkbook book, ErrorList errors)
    {
        var sheet = SheetNames.Select(book.FindSheet).FirstOrDefault(s => s is not null && !s.Hidden);
        if (sheet is null)
        {
            errors.Add(new IngestError(file, $"no sheet named {string.Join(" or ", SheetNames.Select(n => $"'{n}'"))} (the workbook has: {string.Join(", ", book.Sheets.Take(10).Select(s => Excerpt.Of(s.Name, 40) + (s.Hidden ? " (hidden)" : "")))})"));
            return [];
        }
        var rule = rules.ForYear(unit.Year);
        if (rule is null || !rule.ItemLevel)
        {
            errors.Add(new IngestError(file, rule is null
                ? $"no rule version applies to evaluation year {unit.Year}"
                : $"evaluation year {unit.Year} falls under rule {rule.Id}, whose LKE has no item-level layout; load that year as a recap sheet"));
            return [];
        }
        var before = errors.Count;
        var (layout, tree) = Parse(book, sheet, rule, errors);
        if (layout is null || tree is null || errors.Count > before)
        {
            return [];
        }
        var leaves = tree.Root.Leaves().Where(l => l.Questions.Count > 0).ToList();
        var rows = new List<LkeRow>();
        var reader = new LayerReader(file, sheet.Name, unit, rule, _findings, errors);
        foreach (var layer in layout.Layers)
        {
            if (!leaves.SelectMany(l => l.Questions).Any(q => HasAnswer(q, layer)))
            {
                continue;
            }
            var layerRows = reader.Rows(layer, leaves);
            rows.AddRange(layerRows);
            if (layer.Value is not null)
            {
                new CachedValues(sheet.Name, rule, layer, _findings).Compare(tree, layerRows);
            }
        }
        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add(new IngestError(file, "no layer of the sheet holds any answer", Sheet: sheet.Name));
        }
        return rows;
    }

    private static bool HasAnswer(LkeQuestion q, LayerColumns layer) =>
        q.Line.Row.Text(layer.Answer).Length > 0 || q.CountLines.Any(c => c.Row.Text(layer.Answer).Length > 0);

    /// <summary>Classifies the rows, builds the tree by weights and names its rows from the catalogue.</summary>
    private (SheetLayout? Layout, LkeTreeBuilder? Tree) Parse(XlsxWorkbook book, SheetInfo sheet, RuleSet rule, ErrorList errors)
    {
        SheetLayout? layout = null;
        void Error(SheetLine line, int column, string message) =>
            errors.Add(new IngestError(file, message, line.Index, Cell.ColumnName(column), line.Row.Text(column), sheet.Name));
        LkeTreeBuilder? tree = null;
        foreach (var row in book.ReadRows(sheet))
        {
            if (layout is null)
            {
                layout = SheetLayout.Detect(row);
                continue;
            }
            tree ??= new LkeTreeBuilder(rule, layout, Error);
            if (SheetLines.Classify(row, layout) is { } line && !tree.Add(line))
            {
                break;
            }
        }
        if (layout is null)
        {
            errors.Add(new IngestError(file, "no header row naming the 'Bobot', 'Pilihan Jawaban' and 'Jawaban' columns", Sheet: sheet.Name));
            return (null, null);
        }
        tree ??= new LkeTreeBuilder(rule, layout, Error);
        tree.Finish();
        var kinds = new Dictionary<int, AnswerKind?>();
        AnswerKind? Kind(SheetLine line)
        {
            if (!kinds.TryGetValue(line.Index, out var kind))
            {
                kinds[line.Index] = kind = ReadKind(line, layout, sheet.Name, errors);
            }
            return kind;
        }
        new CatalogMatcher(rule, catalog, layout, Kind, Error).Match(tree.Root);
        foreach (var (line, under) in tree.Notes)
        {
            _findings.Add(new Finding(Reviewer.Unit, sheet.Name, $"G{line.Index}", Finding.IgnoredRow, under.Code, null, null,
                $"row {line.Index} has text but no answer kind and no answer; read as a note, not a question"));
        }
        return (layout, tree);
    }

    private AnswerKind? ReadKind(SheetLine line, SheetLayout layout, string sheet, ErrorList errors)
    {
        var text = line.KindText;
        if (text.Length == 0)
        {
            return null;
        }
        if (line.Kind.Kind is not { } kind)
        {
            errors.Add(new IngestError(file, "unreadable answer kind (expected Ya/Tidak, A/B/C, A/B/C/D, A/B/C/D/E, %, Jumlah or Nilai (0-4))",
                line.Index, Cell.ColumnName(layout.Kind), text, sheet));
            return null;
        }
        if (!line.Kind.IsExact)
        {
            _findings.Add(new Finding(Reviewer.Unit, sheet, Cell.ColumnName(layout.Kind) + line.Index.ToString(CultureInfo.InvariantCulture), Finding.AnswerKind,
                text, null, null, $"answer kind '{Excerpt.Of(text.ReplaceLineEndings(" "))}' read as {AnswerKindCell.Display(kind)}"));
        }
        return kind;
    }
}
