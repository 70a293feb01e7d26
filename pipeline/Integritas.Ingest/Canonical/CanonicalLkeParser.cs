using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Ingest.Csv;
using C = Integritas.Ingest.Canonical.CanonicalColumns;
using Integritas.Spreadsheets;

namespace Integritas.Ingest.Canonical;

/// <summary>
/// Row-level validation of the canonical LKE CSV: every field of every row is checked and every
/// problem reported with line, column and value. What needs the whole unit-year (duplicates, weight
/// consistency, weights summing to the rule's area weight) is <see cref="LkeStructureCheck"/>'s job.
/// </summary>
public sealed class CanonicalLkeParser(string file, HeaderMap header, char delimiter, RuleCatalog rules, string? sheet = null)
{
    private readonly Dictionary<int, RuleSet?> _ruleByYear = [];

    public LkeRow? Parse(CsvRecord record, ErrorList errors)
    {
        var f = record.Fields;
        var line = record.Line;
        if (f.Length != header.Count)
        {
            errors.Add(new IngestError(file, RaggedRow(f.Length, header.Count, delimiter), line, Sheet: sheet));
            return null;
        }
        var before = errors.Count;
        string Get(string column) => f[header[column]].Trim();
        void Fail(string column, string message) => errors.Add(new IngestError(file, message, line, column, Get(column), sheet));

        var unitId = Get(C.KodeUnit);
        if (unitId.Length == 0)
        {
            Fail(C.KodeUnit, "the unit code is required");
        }
        var unitName = Get(C.NamaUnit);
        if (unitName.Length == 0)
        {
            Fail(C.NamaUnit, "the unit name is required");
        }
        var instansi = Get(C.Instansi);
        if (instansi.Length == 0)
        {
            Fail(C.Instansi, "the instansi is required");
        }

        RuleSet? rule = null;
        if (!int.TryParse(Get(C.Tahun), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            Fail(C.Tahun, "the year must be a whole number such as 2024");
        }
        else
        {
            rule = RuleFor(year);
            if (rule is null)
            {
                Fail(C.Tahun, $"no rule version applies to evaluation year {year} (known: {string.Join(", ", rules.Rules.Select(r => $"{r.Id} from {r.FromYear}"))})");
            }
            else if (!rule.ItemLevel)
            {
                Fail(C.Tahun, $"evaluation year {year} falls under rule {rule.Id}, whose LKE has no item-level pemenuhan/reform layout; load that year as a recap sheet");
                rule = null;
            }
        }

        var areaText = Get(C.Area).ToUpperInvariant();
        var partOk = LkeCodes.TryParsePart(Get(C.Bagian), out var part);
        if (!partOk)
        {
            Fail(C.Bagian, "unknown part (expected pemenuhan, reform or hasil)");
        }
        var isHasil = areaText == LkeCodes.HasilArea;
        if (rule is not null && !isHasil && rule.FindArea(areaText) is null)
        {
            Fail(C.Area, $"unknown area (expected {string.Join(", ", rule.Areas.Select(a => a.Code))} or {LkeCodes.HasilArea})");
        }
        else if (partOk && isHasil != (part == LkePart.Hasil))
        {
            Fail(C.Bagian, isHasil ? "area HASIL goes with bagian 'hasil'" : $"area {Excerpt.Of(areaText)} takes bagian 'pemenuhan' or 'reform', not 'hasil'");
        }

        var indicator = Get(C.Indikator);
        if (indicator.Length == 0)
        {
            Fail(C.Indikator, "the indicator code is required");
        }
        var weightOk = LkeNumber.TryParse(Get(C.Bobot), out var weight);
        if (!weightOk || weight <= 0)
        {
            Fail(C.Bobot, "the weight must be a positive number (0.5 or 0,5)");
        }
        var question = Get(C.Soal);
        if (question.Length == 0)
        {
            Fail(C.Soal, "the question code is required");
        }
        var kindOk = LkeCodes.TryParseKind(Get(C.Jenis), out var kind);
        if (!kindOk)
        {
            Fail(C.Jenis, "unknown answer kind (expected YT, ABC, ABCD, ABCDE, PERSEN or INDEKS)");
        }

        if (rule is not null && isHasil && indicator.Length > 0)
        {
            var hasilPart = rule.FindHasilPart(indicator.ToUpperInvariant());
            if (hasilPart is null)
            {
                Fail(C.Indikator, $"unknown hasil indicator (expected {string.Join(", ", rule.HasilParts.Select(p => p.Code))})");
            }
            else
            {
                indicator = hasilPart.Code;
                if (weightOk && weight != hasilPart.Weight)
                {
                    Fail(C.Bobot, $"{hasilPart.Code} weighs {LkeNumber.Canonical(hasilPart.Weight)} under rule {rule.Id}");
                }
                if (kindOk && hasilPart.Kind is { } expectedKind && kind != expectedKind)
                {
                    Fail(C.Jenis, $"{hasilPart.Code} is answered as {expectedKind} under rule {rule.Id}");
                }
            }
        }

        var reviewer = Reviewer.Unit;
        if (header.Find(C.Reviewer) is { } reviewerColumn && f[reviewerColumn].Trim().Length > 0
            && !LkeCodes.TryParseReviewer(f[reviewerColumn], out reviewer))
        {
            Fail(C.Reviewer, "unknown reviewer (expected unit, tpi_unit, tpi_itjen or tpn)");
        }

        ParsedAnswer answer = default;
        if (rule is not null && kindOk)
        {
            answer = AnswerParser.Parse(rule, kind, Get(C.Jawaban));
            if (answer.Error is not null)
            {
                Fail(C.Jawaban, answer.Error);
            }
        }

        if (errors.Count > before || rule is null)
        {
            return null;
        }
        var note = header.Find(C.Catatan) is { } noteColumn ? f[noteColumn].Trim() : null;
        return new LkeRow(line, year, unitId, unitName, instansi, reviewer, rule.Id, areaText, part, indicator, weight, question, kind,
            answer.Normalized, answer.Value, sheet, string.IsNullOrEmpty(note) ? null : note);
    }

    /// <summary>The message for a row whose field count differs from the header's.</summary>
    public static string RaggedRow(int fields, int expected, char delimiter) => delimiter == '\0'
        ? $"the row has a value in column {Spreadsheets.Cell.ColumnName(fields)}, right of the last named column ({Spreadsheets.Cell.ColumnName(expected)})"
        : $"the row has {fields} field{(fields == 1 ? "" : "s")} but the header has {expected}: a missing or extra '{(delimiter == '\t' ? "\\t" : delimiter)}', or a value containing it without quotes";

    private RuleSet? RuleFor(int year)
    {
        if (!_ruleByYear.TryGetValue(year, out var rule))
        {
            rule = rules.ForYear(year);
            _ruleByYear[year] = rule;
        }
        return rule;
    }
}
