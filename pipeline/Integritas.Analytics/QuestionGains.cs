using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Store;

namespace Integritas.Analytics;

/// <summary>
/// An answer worth improving: moving it one step up (the next answer option; +10 percentage points for a
/// percentage item) gains <see cref="Gain"/> points = (next value − value) ÷ answered questions of the
/// indicator × the indicator's weight. A blank question (<see cref="Blank"/>) must be answered before the
/// LKE counts as complete; its gain is not known until it is answered.
/// </summary>
public sealed record QuestionGain(string Question, string Indicator, string Area, string Kind, string Answer, string? NextAnswer, decimal? Gain, bool Blank, string Text);

/// <summary>Finds, from the stored item-level answers, the questions whose improvement gains each unit the most points.</summary>
public static class QuestionGains
{
    /// <summary>
    /// For each unit of <paramref name="year"/> (or one unit): its blank questions and, per area, the
    /// <paramref name="perArea"/> answers whose one-step improvement gains the most points. Survey indexes
    /// (IPAK, IPKP) are not questions a unit answers better, so they are left out.
    /// </summary>
    public static ILookup<string, QuestionGain> For(DuckDBConnection connection, RuleSet rule, int year, Reviewer? layer = null, string? unitId = null, int perArea = 3)
    {
        var scale = new StringBuilder();
        foreach (var (kind, options) in rule.Answers.Values)
        {
            foreach (var (_, value) in options)
            {
                scale.Append(scale.Length == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"('{kind}', {value.ToString(CultureInfo.InvariantCulture)})");
            }
        }
        if (scale.Length == 0)
        {
            return Array.Empty<(string, QuestionGain)>().ToLookup(x => x.Item1, x => x.Item2);
        }
        var sql = $"""
            WITH chosen AS (
                SELECT submission_id, unit_id FROM submission
                WHERE is_current AND year = $year AND source_kind = 'items' AND ($layer IS NULL OR reviewer = $layer) AND ($unit IS NULL OR unit_id = $unit)
                QUALIFY row_number() OVER (PARTITION BY unit_id
                    ORDER BY CASE reviewer WHEN 'tpn' THEN 4 WHEN 'tpi_itjen' THEN 3 WHEN 'tpi_unit' THEN 2 ELSE 1 END DESC) = 1),
            scale(kind, value) AS (VALUES {scale}),
            answers AS (
                SELECT c.unit_id, a.area, a.indicator, a.indicator_weight, a.question, a.kind, a.answer, a.value, a.source_line,
                       count(a.value) OVER (PARTITION BY a.submission_id, a.indicator) AS answered
                FROM chosen c JOIN answer a USING (submission_id)
                WHERE a.kind <> 'INDEKS'),
            steps AS (
                SELECT *, CASE WHEN value IS NULL THEN NULL
                               WHEN kind = 'PERSEN' THEN least(1, value + 0.1)
                               ELSE (SELECT min(s.value) FROM scale s WHERE s.kind = answers.kind AND s.value > answers.value) END AS next_value
                FROM answers)
            SELECT unit_id, area, indicator, question, kind, answer, value, next_value, indicator_weight, answered
            FROM steps
            WHERE value IS NULL OR next_value IS NOT NULL
            QUALIFY value IS NULL OR row_number() OVER (PARTITION BY unit_id, area
                ORDER BY (next_value - value)::DOUBLE / answered * indicator_weight DESC, source_line) <= $per_area
            ORDER BY unit_id, source_line
            """;
        var rows = new List<(string Unit, QuestionGain Gain)>();
        foreach (var r in connection.Query(sql, ("year", year), ("layer", layer?.ToCode()), ("unit", unitId), ("per_area", perArea)))
        {
            var question = r.GetString(3);
            var kind = r.GetString(4);
            var text = LkeCatalog.Lke90.FindQuestion(question)?.Question.Text ?? "";
            if (r.IsDBNull(6))
            {
                rows.Add((r.GetString(0), new QuestionGain(question, r.GetString(2), r.GetString(1), kind, "", null, null, true, text)));
                continue;
            }
            var value = r.GetDecimal(6);
            var next = r.GetDecimal(7);
            var gain = (next - value) / r.GetInt64(9) * r.GetDecimal(8);
            rows.Add((r.GetString(0), new QuestionGain(question, r.GetString(2), r.GetString(1), kind, r.GetString(5), NextAnswer(rule, kind, next), gain, false, text)));
        }
        return rows.ToLookup(x => x.Unit, x => x.Gain, StringComparer.Ordinal);
    }

    private static string NextAnswer(RuleSet rule, string kind, decimal next)
    {
        if (LkeCodes.TryParseKind(kind, out var k) && rule.Answers.For(k) is { } options)
        {
            var option = options.FirstOrDefault(o => o.Value == next).Key;
            if (option is not null)
            {
                return k == AnswerKind.YT ? (option == "YA" ? "Ya" : "Tidak") : option;
            }
        }
        return LkeNumber.Canonical(next);
    }
}
