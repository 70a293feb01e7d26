using System.Globalization;
using System.Text.RegularExpressions;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Ingest.Workbook;

/// <summary>
/// Reads an LKE sheet in the official 90/2021 layout — the unit's "LKE ZI" sheet, or the "Jawaban" sheet
/// of the Itjen's TPI template with one answer column per review layer — into canonical answer rows per
/// layer. Percentage items are computed from their "Jumlah" rows as the workbook formulas do. Every value
/// is recomputed from the answers and compared with the workbook's cached value at question, indicator,
/// area, part and total rows; each disagreement becomes a <see cref="Finding"/>.
/// Tolerates what hand-kept copies carry: typos in answer-kind cells, values typed over formulas, skipped
/// or repeated numbering, inserted blank or comment rows, line breaks in cells, hidden sheets and signature
/// rows after the totals.
/// </summary>
public sealed partial class LkeWorkbookParser(string file, UnitIdentity unit, RuleCatalog rules, LkeCatalog catalog)
{
    /// <summary>The sheets an LKE is read from, in order of preference.</summary>
    public static readonly string[] SheetNames = ["LKE ZI", "Jawaban"];

    private const decimal Tolerance = 0.0005m;

    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> Findings => _findings;

    private sealed class Question
    {
        public required string Code { get; init; }
        public required AnswerKind Kind { get; init; }
        public required int Row { get; init; }
        public required Row Cells { get; init; }
        public CatalogQuestion? Catalog { get; init; }
        public List<Row> Counts { get; } = [];
    }

    private sealed class Indicator
    {
        public required string Code { get; init; }
        public required string Area { get; init; }
        public required LkePart Part { get; init; }
        public required decimal Weight { get; init; }
        public required Row Cells { get; init; }
        public List<Question> Questions { get; } = [];
        public List<Indicator> Children { get; } = [];
    }

    /// <summary>A row whose cached value is a sum the parser recomputes: area, part, component, hasil group or total.</summary>
    private sealed record Total(string Level, string Item, Row Cells);

    /// <summary>Reads the LKE; row-level problems go to <paramref name="errors"/>; returns the rows of every layer that was filled in.</summary>
    public IReadOnlyList<LkeRow> Read(XlsxWorkbook book, ErrorList errors)
    {
        var sheet = SheetNames.Select(book.FindSheet).FirstOrDefault(s => s is not null && !s.Hidden);
        if (sheet is null)
        {
            errors.Add(new IngestError(file, $"no sheet named {string.Join(" or ", SheetNames.Select(n => $"'{n}'"))} (the workbook has: {string.Join(", ", book.Sheets.Select(s => s.Name + (s.Hidden ? " (hidden)" : "")))})"));
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
        var (layout, indicators, totals) = Parse(book, sheet, rule, errors);
        if (layout is null)
        {
            return [];
        }
        var rows = new List<LkeRow>();
        foreach (var layer in layout.Layers)
        {
            var answered = indicators.SelectMany(Leaves).SelectMany(i => i.Questions).Any(q => HasAnswer(q, layer));
            if (!answered)
            {
                continue;
            }
            var layerRows = LayerRows(sheet.Name, rule, layer, indicators, errors);
            rows.AddRange(layerRows);
            if (layer.Value is not null)
            {
                CompareCached(sheet.Name, rule, layer, indicators, totals, layerRows);
            }
        }
        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add(new IngestError(file, "no layer of the sheet holds any answer", Sheet: sheet.Name));
        }
        return rows;
    }

    private static IEnumerable<Indicator> Leaves(Indicator indicator) => indicator.Children.Count > 0 ? indicator.Children : [indicator];

    private static bool HasAnswer(Question q, LayerColumns layer) =>
        q.Cells.Text(layer.Answer).Length > 0 || q.Counts.Any(c => c.Text(layer.Answer).Length > 0);

    private (SheetLayout? Layout, List<Indicator> Indicators, List<Total> Totals) Parse(XlsxWorkbook book, SheetInfo sheet, RuleSet rule, ErrorList errors)
    {
        SheetLayout? layout = null;
        var indicators = new List<Indicator>();
        var totals = new List<Total>();
        var component = "";
        var part = LkePart.Pemenuhan;
        string? area = null;
        var hasilGroup = "";
        Indicator? indicator = null;
        Question? percent = null;
        var ordinal = new Dictionary<(string, LkePart), int>();
        void Error(Row row, int column, string message) =>
            errors.Add(new IngestError(file, message, row.Index, Cell.ColumnName(column), row.Text(column), sheet.Name));

        foreach (var row in book.ReadRows(sheet))
        {
            if (layout is null)
            {
                layout = SheetLayout.Detect(row);
                continue;
            }
            string Text(int column) => row.Text(column);
            var label = SheetLayout.Normalize(string.Join(' ', Enumerable.Range(SheetLayout.Component, 6).Select(Text)));
            if (label.Length == 0 && Text(layout.Kind).Length == 0)
            {
                continue;
            }
            if (TotalRow().IsMatch(label))
            {
                var level = label.Contains("PENGUNGKIT", StringComparison.Ordinal) ? "pengungkit" : label.Contains("TOTAL HASIL", StringComparison.Ordinal) ? "hasil" : "total";
                totals.Add(new Total(level, level, row));
                percent = null;
                if (level == "total")
                {
                    // What follows the final total (signatures, notes) is not part of the LKE.
                    break;
                }
                continue;
            }
            var b = SheetLayout.Normalize(Text(SheetLayout.Component));
            var c = Text(SheetLayout.Part);
            var d = Text(SheetLayout.Area);
            var e = Text(SheetLayout.Indicator);
            var kindText = Text(layout.Kind);
            if (Letter().IsMatch(b) && Text(SheetLayout.Part).Length > 0 && !Roman().IsMatch(c))
            {
                component = SheetLayout.Normalize(c).Contains("HASIL", StringComparison.Ordinal) ? "hasil" : "pengungkit";
                totals.Add(new Total(component, component, row));
                indicator = null;
                percent = null;
                continue;
            }
            if (Roman().IsMatch(c) && d.Length > 0)
            {
                var name = SheetLayout.Normalize(d);
                if (component == "hasil")
                {
                    hasilGroup = rule.HasilGroups.FirstOrDefault(g => name.Contains(SheetLayout.Normalize(g.ShortName).Split(' ')[^1], StringComparison.Ordinal))?.Code
                        ?? (c.TrimEnd('.').Equals("I", StringComparison.OrdinalIgnoreCase) ? rule.HasilGroups[0].Code : rule.HasilGroups[^1].Code);
                    totals.Add(new Total("group", hasilGroup, row));
                }
                else
                {
                    part = name.Contains("REFORM", StringComparison.Ordinal) ? LkePart.Reform : LkePart.Pemenuhan;
                    totals.Add(new Total("part", part.ToCode(), row));
                }
                area = null;
                indicator = null;
                percent = null;
                continue;
            }
            if (component == "hasil")
            {
                if ((e.Length > 0 || Text(SheetLayout.Question).Length > 0) && kindText.Length > 0)
                {
                    var kind = ReadKind(row, layout, sheet.Name, errors);
                    var code = HasilPart(rule, SheetLayout.Normalize(e + " " + Text(SheetLayout.Question)), kind, hasilGroup);
                    if (code is null)
                    {
                        Error(row, SheetLayout.Indicator, $"cannot tell which hasil part this row is (expected {string.Join(", ", rule.HasilParts.Select(p => p.Name))})");
                        continue;
                    }
                    var rulePart = rule.FindHasilPart(code)!;
                    var hasil = new Indicator { Code = code, Area = LkeCodes.HasilArea, Part = LkePart.Hasil, Weight = Weight(row, layout) ?? rulePart.Weight, Cells = row };
                    hasil.Questions.Add(new Question { Code = code, Kind = kind ?? rulePart.Kind ?? AnswerKind.INDEKS, Row = row.Index, Cells = row, Catalog = catalog.FindQuestion(code)?.Question });
                    indicators.Add(hasil);
                }
                continue;
            }
            if (Number().IsMatch(d))
            {
                area = AreaOf(rule, SheetLayout.Normalize(e), d);
                if (area is null)
                {
                    Error(row, SheetLayout.Indicator, $"unknown area (expected one of {string.Join(", ", rule.Areas.Select(a => a.Name))})");
                }
                else
                {
                    totals.Add(new Total("area", $"{area}:{part.ToCode()}", row));
                }
                indicator = null;
                percent = null;
                continue;
            }
            if (Roman().IsMatch(e) && Text(SheetLayout.QuestionNo).Length > 0)
            {
                if (area is null)
                {
                    Error(row, SheetLayout.Indicator, "an indicator row before any area row");
                    continue;
                }
                var key = (area, part);
                ordinal[key] = ordinal.GetValueOrDefault(key) + 1;
                indicator = new Indicator
                {
                    Code = $"{area}-{(part == LkePart.Pemenuhan ? "P" : "R")}{ordinal[key]}",
                    Area = area,
                    Part = part,
                    Weight = Weight(row, layout) ?? 0,
                    Cells = row,
                };
                indicators.Add(indicator);
                percent = null;
                continue;
            }
            if (Letter().IsMatch(e) && Text(SheetLayout.QuestionNo).Length > 0 && indicator is not null)
            {
                // A sub-indicator (LHKPN a., non-LHKPN b.): its parent only groups it.
                var parent = indicators.Contains(indicator) ? indicator : indicators.Last(i => i.Children.Contains(indicator));
                var child = new Indicator
                {
                    Code = $"{parent.Code}{(char)('A' + parent.Children.Count)}",
                    Area = parent.Area,
                    Part = parent.Part,
                    Weight = Weight(row, layout) ?? 0,
                    Cells = row,
                };
                parent.Children.Add(child);
                indicator = child;
                percent = null;
                continue;
            }
            var kindCell = AnswerKindCell.Parse(kindText);
            if (kindCell.IsCount)
            {
                if (percent is null)
                {
                    Error(row, layout.Kind, "a 'Jumlah' row that follows no percentage (%) item");
                }
                else
                {
                    percent.Counts.Add(row);
                }
                continue;
            }
            if (Text(SheetLayout.Question).Length == 0 && kindText.Length == 0)
            {
                continue;
            }
            if (indicator is null)
            {
                Error(row, SheetLayout.Question, "a question row before any indicator row");
                continue;
            }
            if (kindText.Length == 0 && layout.Layers.All(l => row.Text(l.Answer).Length == 0))
            {
                _findings.Add(new Finding(Reviewer.Unit, sheet.Name, $"G{row.Index}", Finding.IgnoredRow, indicator.Code, null, null,
                    $"row {row.Index} has text but no answer kind and no answer; read as a note, not a question"));
                continue;
            }
            var questionCode = $"{indicator.Code}-{(char)('a' + indicator.Questions.Count)}";
            var fromCatalog = catalog.FindQuestion(questionCode)?.Question;
            var readKind = ReadKind(row, layout, sheet.Name, errors) ?? fromCatalog?.Kind;
            if (readKind is null)
            {
                Error(row, layout.Kind, "the answer kind is missing and this question is not in the catalogue");
                continue;
            }
            var question = new Question { Code = questionCode, Kind = readKind.Value, Row = row.Index, Cells = row, Catalog = fromCatalog };
            indicator.Questions.Add(question);
            percent = question.Kind == AnswerKind.PERSEN ? question : null;
        }
        if (layout is null)
        {
            errors.Add(new IngestError(file, "no header row naming the 'Bobot', 'Pilihan Jawaban' and 'Jawaban' columns", Sheet: sheet.Name));
        }
        return (layout, indicators, totals);
    }

    private AnswerKind? ReadKind(Row row, SheetLayout layout, string sheet, ErrorList errors)
    {
        var text = row.Text(layout.Kind);
        var kind = AnswerKindCell.Parse(text);
        if (text.Length == 0)
        {
            return null;
        }
        if (kind.Kind is null)
        {
            errors.Add(new IngestError(file, "unreadable answer kind (expected Ya/Tidak, A/B/C, A/B/C/D, A/B/C/D/E, %, Jumlah or Nilai (0-4))",
                row.Index, Cell.ColumnName(layout.Kind), text, sheet));
            return null;
        }
        if (!kind.IsExact)
        {
            _findings.Add(new Finding(Reviewer.Unit, sheet, Cell.ColumnName(layout.Kind) + row.Index.ToString(CultureInfo.InvariantCulture), Finding.AnswerKind,
                text, null, null, $"answer kind '{text.ReplaceLineEndings(" ")}' read as {AnswerKindCell.Display(kind.Kind.Value)}"));
        }
        return kind.Kind;
    }

    private static decimal? Weight(Row row, SheetLayout layout) =>
        row[layout.Weight] is { } cell ? cell.Number ?? (LkeNumber.TryParse(cell.Value, out var w) ? w : null) : null;

    private static string? AreaOf(RuleSet rule, string name, string number)
    {
        var byName = rule.Areas.FirstOrDefault(a => name.Contains(SheetLayout.Normalize(a.ShortName), StringComparison.Ordinal)
                                                    || SheetLayout.Normalize(a.Name) == name);
        if (byName is not null)
        {
            return byName.Code;
        }
        var index = int.TryParse(number.TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : -1;
        return index >= 0 && index < rule.Areas.Count ? rule.Areas[index].Code : null;
    }

    private static string? HasilPart(RuleSet rule, string text, AnswerKind? kind, string group)
    {
        if (text.Contains("KORUPSI", StringComparison.Ordinal) || text.Contains("IPAK", StringComparison.Ordinal))
        {
            return rule.FindHasilPart("IPAK")?.Code;
        }
        if (text.Contains("CAPAIAN", StringComparison.Ordinal))
        {
            return rule.FindHasilPart("CAPAIAN")?.Code;
        }
        if (text.Contains("PELAYANAN", StringComparison.Ordinal) || text.Contains("IPKP", StringComparison.Ordinal))
        {
            return rule.FindHasilPart("IPKP")?.Code;
        }
        return rule.HasilParts.FirstOrDefault(p => p.Group == group && p.Kind == kind)?.Code;
    }

    private List<LkeRow> LayerRows(string sheet, RuleSet rule, LayerColumns layer, List<Indicator> indicators, ErrorList errors)
    {
        var rows = new List<LkeRow>();
        var name = unit.UnitName ?? unit.UnitId;
        var instansi = unit.Instansi ?? "";
        foreach (var indicator in indicators.SelectMany(Leaves))
        {
            foreach (var q in indicator.Questions)
            {
                var answerCell = q.Cells[layer.Answer];
                var reference = Cell.ColumnName(layer.Answer) + q.Row.ToString(CultureInfo.InvariantCulture);
                string answer;
                decimal? value;
                if (q.Kind == AnswerKind.PERSEN)
                {
                    (answer, value) = Percent(sheet, layer, q, errors);
                }
                else
                {
                    var text = answerCell?.Value.Trim() ?? "";
                    if (IsNotFilled(text))
                    {
                        text = "";
                    }
                    var parsed = AnswerParser.Parse(rule, q.Kind, text);
                    if (parsed.Error is not null)
                    {
                        errors.Add(new IngestError(file, $"{parsed.Error} ({q.Code}, layer {layer.Reviewer.ToCode()})", q.Row, Cell.ColumnName(layer.Answer), text, sheet));
                        continue;
                    }
                    (answer, value) = (parsed.Normalized, parsed.Value);
                }
                var note = layer.Note is { } n ? q.Cells.Text(n) : "";
                rows.Add(new LkeRow(q.Row, unit.Year, unit.UnitId, name, instansi, layer.Reviewer, rule.Id, indicator.Area, indicator.Part,
                    indicator.Code, indicator.Weight, q.Code, q.Kind, answer, value, sheet, note.Length == 0 ? null : note, reference));
            }
        }
        return rows;
    }

    private static bool IsNotFilled(string text) =>
        text.Length == 0 || text.StartsWith("BLM", StringComparison.OrdinalIgnoreCase) || text.StartsWith("BELUM", StringComparison.OrdinalIgnoreCase);

    /// <summary>A percentage item from its "Jumlah" rows; a ratio typed over the formula with no counts is taken as typed (and noted).</summary>
    private (string Answer, decimal? Value) Percent(string sheet, LayerColumns layer, Question q, ErrorList errors)
    {
        var reference = Cell.ColumnName(layer.Answer) + q.Row.ToString(CultureInfo.InvariantCulture);
        var counts = q.Counts.Skip(q.Catalog?.Subtotal is not null ? 1 : 0).Select(r => Count(r, layer.Answer)).ToList();
        var typed = q.Cells[layer.Answer];
        if (counts.All(c => c is null) && typed is { HasFormula: false } t && t.Value.Trim().Length > 0 && !IsNotFilled(t.Value))
        {
            var parsed = AnswerParser.Parse(rules.ForYear(unit.Year)!, AnswerKind.PERSEN, t.Value);
            if (parsed.Error is not null)
            {
                errors.Add(new IngestError(file, $"{parsed.Error} ({q.Code})", q.Row, Cell.ColumnName(layer.Answer), t.Value, sheet));
                return ("", null);
            }
            _findings.Add(new Finding(layer.Reviewer, sheet, reference, Finding.TypedOverFormula, q.Code, parsed.Value, null,
                $"{q.Code}: the percentage {LkeNumber.Canonical(parsed.Value!.Value)} is typed over the formula and its 'Jumlah' rows are empty; the typed value is used"));
            return (parsed.Normalized, parsed.Value);
        }
        if (q.Catalog is null)
        {
            errors.Add(new IngestError(file, $"percentage item {q.Code} is not in the catalogue, so its formula is unknown", q.Row, Cell.ColumnName(layer.Answer), null, sheet));
            return ("", null);
        }
        var result = PercentItems.Compute(q.Catalog, counts);
        if (result.Error is not null)
        {
            errors.Add(new IngestError(file, $"{q.Code}: {result.Error}", q.Counts.FirstOrDefault()?.Index ?? q.Row, Cell.ColumnName(layer.Answer), null, sheet));
            return ("", null);
        }
        if (result.Note is not null)
        {
            _findings.Add(new Finding(layer.Reviewer, sheet, reference, Finding.ZeroDenominator, q.Code, typed?.Number, result.Ratio, $"{q.Code}: {result.Note}"));
        }
        if (result.Ratio is { } ratio && typed?.Number is { } cached && Math.Abs(cached - ratio) > Tolerance)
        {
            _findings.Add(new Finding(layer.Reviewer, sheet, reference, Finding.Value, q.Code, cached, ratio,
                $"{q.Code}: the workbook shows {Show(cached)} but its 'Jumlah' rows give {Show(ratio)}{(typed.Value.HasFormula ? "" : " (a value typed over the formula)")}"));
        }
        return (result.Ratio is { } r ? LkeNumber.Canonical(r) : "", result.Ratio);
    }

    private static decimal? Count(Row row, int column)
    {
        var cell = row[column];
        if (cell is null || cell.Value.Value.Trim().Length == 0)
        {
            return null;
        }
        return cell.Value.Number ?? (LkeNumber.TryParse(cell.Value.Value, out var n) ? n : -1);
    }

    /// <summary>Recomputes the layer's values and records each cached value that disagrees.</summary>
    private void CompareCached(string sheet, RuleSet rule, LayerColumns layer, List<Indicator> indicators, List<Total> totals, List<LkeRow> rows)
    {
        var column = layer.Value!.Value;
        var formulas = indicators.SelectMany(i => i.Children.Prepend(i)).Select(i => i.Cells[column]).Count(c => c?.HasFormula == true);
        var tallies = rows.GroupBy(r => (r.Area, r.Part, r.Indicator, r.Weight))
            .Select(g => new IndicatorTally(g.Key.Area, g.Key.Part, g.Key.Indicator, g.Key.Weight, g.Sum(r => r.Value ?? 0), g.Count(r => r.Value is not null), g.Count(r => r.Value is null)))
            .ToList();
        var card = LkeScorer.Score(rule, tallies);
        var byCode = tallies.ToDictionary(t => t.Indicator, t => t.Value);
        var answers = rows.ToDictionary(r => r.Question, r => r.Value);

        void Compare(Row row, string level, string item, decimal? recomputed)
        {
            var cell = row[column];
            if (cell?.Number is not { } cached || recomputed is null || Math.Abs(cached - recomputed.Value) <= Tolerance)
            {
                return;
            }
            var typed = !cell.Value.HasFormula && formulas > 0;
            _findings.Add(new Finding(layer.Reviewer, sheet, cell.Value.Reference(row.Index), Finding.Value, item, cached, recomputed.Value,
                $"{(level == item ? level : $"{level} {item}")}: the workbook shows {Show(cached)}, its answers give {Show(recomputed.Value)}{(typed ? " (a value typed over the formula)" : "")}"));
        }

        foreach (var indicator in indicators)
        {
            foreach (var leaf in Leaves(indicator))
            {
                if (leaf.Part != LkePart.Hasil)
                {
                    foreach (var q in leaf.Questions.Where(q => q.Kind != AnswerKind.PERSEN))
                    {
                        Compare(q.Cells, "question", q.Code, answers.GetValueOrDefault(q.Code));
                    }
                }
                Compare(leaf.Cells, leaf.Part == LkePart.Hasil ? "hasil" : "indicator", leaf.Code, byCode.GetValueOrDefault(leaf.Code));
            }
            if (indicator.Children.Count > 0)
            {
                Compare(indicator.Cells, "indicator", indicator.Code, indicator.Children.Sum(c => byCode.GetValueOrDefault(c.Code)));
            }
        }
        foreach (var total in totals)
        {
            decimal? recomputed = total.Level switch
            {
                "area" => total.Item.Split(':') is [var area, var part] ? (part == "pemenuhan" ? card.Area(area)?.Pemenuhan : card.Area(area)?.Reform) : null,
                "part" => total.Item == "pemenuhan" ? card.Pemenuhan : card.Reform,
                "group" => card.Group(total.Item),
                "pengungkit" => card.Pengungkit,
                "hasil" => card.Hasil,
                "total" => card.Total,
                _ => null,
            };
            Compare(total.Cells, total.Level, total.Item, recomputed);
        }
    }

    private static string Show(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(TOTAL (PENGUNGKIT|HASIL)|NILAI .*(ZONA INTEGRITAS|EVALUASI|REFORMASI BIROKRASI))")]
    private static partial Regex TotalRow();

    [GeneratedRegex(@"^(i|ii|iii|iv|v|vi|vii|viii|ix|x)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Roman();

    [GeneratedRegex(@"^[a-h]\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Letter();

    [GeneratedRegex(@"^\d{1,2}\.?$")]
    private static partial Regex Number();
}
