using DuckDB.NET.Data;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;

namespace Integritas.Store.Queries;

public sealed record UnitInfo(string UnitId, string UnitName, string Instansi);

/// <summary>
/// One unit-year as scored: which LKE version and review layer, its scores, its readiness, and the
/// predicates the unit holds after that year's awards (<see cref="Held"/>, oldest first).
/// </summary>
public sealed record UnitYearScore(UnitInfo Unit, int Year, Reviewer Layer, int Version, ScoreCard Card, ReadinessResult Readiness, IReadOnlyList<HeldPredicate> Held)
{
    /// <summary>The highest predicate held after the year's awards (by the rule's order), or null.</summary>
    public HeldPredicate? Highest => Held.OrderByDescending(h => Card.Rule.Predicates.ToList().FindIndex(p => p.Code == h.Predicate)).ThenBy(h => h.Year).FirstOrDefault();
}

/// <summary>
/// Which unit-years to score, and from which review layer (null: the most senior present). With a
/// <see cref="SubmissionId"/>, exactly that stored version, current or not.
/// </summary>
public sealed record ScoreFilter(int? Year = null, string? UnitId = null, Reviewer? Layer = null, long? SubmissionId = null);

/// <summary>
/// Scores stored LKEs: the database sums each indicator's answered values, the domain scorer does the
/// rest in decimal exactly as the workbook does, and readiness is checked against the predicate history.
/// </summary>
public sealed class ScoreQueries(RuleCatalog rules)
{
    public static IReadOnlyList<int> Years(DuckDBConnection connection) =>
        [.. connection.Query("SELECT DISTINCT year FROM submission WHERE is_current ORDER BY year").Select(r => r.GetInt32(0))];

    public ILookup<string, HeldPredicate> Predicates(DuckDBConnection connection) =>
        connection.Query("SELECT unit_id, year, predicate FROM predicate ORDER BY unit_id, year")
            .Select(r => (Unit: r.GetString(0), Held: new HeldPredicate(r.GetString(2), r.GetInt32(1))))
            .ToList()
            .ToLookup(x => x.Unit, x => x.Held, StringComparer.Ordinal);

    public IReadOnlyList<UnitYearScore> Load(DuckDBConnection connection, ScoreFilter filter)
    {
        var held = Predicates(connection);
        var facts = FactQueries.Load(connection);
        var reference = rules.Latest;
        var results = new List<UnitYearScore>();
        RuleSet RuleOf(Head head) =>
            rules.Find(head.Rule, head.Year) ?? throw new InvalidOperationException($"The database holds rule version {head.Rule}, which this program does not know.");
        UnitYearScore Scored(Head head, ScoreCard card)
        {
            var unitHeld = held[head.Unit.UnitId].ToList();
            var readiness = ReadinessEvaluator.Evaluate(card, head.Year, unitHeld, facts.For(head.Unit.UnitId, head.Unit.Instansi, head.Year), reference);
            return new UnitYearScore(head.Unit, head.Year, head.Layer, head.Version, card, readiness, [.. unitHeld.Where(h => h.Year <= head.Year)]);
        }
        UnitYearScore Finish(Head head, List<IndicatorTally> tallies) => Scored(head, LkeScorer.Score(RuleOf(head), tallies));

        Head? current = null;
        var currentTallies = new List<IndicatorTally>();
        var parameters = new[] { ("year", (object?)filter.Year), ("unit", filter.UnitId), ("layer", filter.Layer?.ToCode()), ("sid", filter.SubmissionId) };
        foreach (var r in connection.Query(ChosenSubmissions + """
            SELECT c.submission_id, c.unit_id, c.unit_name, c.instansi, c.year, c.reviewer, c.version, c.rule_version,
                   a.area, a.part, a.indicator, min(a.indicator_weight), coalesce(sum(a.value), 0), count(a.value), count(*) - count(a.value)
            FROM chosen c JOIN answer a USING (submission_id)
            WHERE c.source_kind = 'items'
            GROUP BY ALL
            ORDER BY c.unit_id, c.year, a.area, a.part, a.indicator
            """, parameters))
        {
            var id = r.GetInt64(0);
            if (current is null || current.SubmissionId != id)
            {
                if (current is not null)
                {
                    results.Add(Finish(current, currentTallies));
                    currentTallies = [];
                }
                current = ReadHead(r);
            }
            LkeCodes.TryParsePart(r.GetString(9), out var part);
            currentTallies.Add(new IndicatorTally(r.GetString(8), part, r.GetString(10), r.GetDecimal(11), r.GetDecimal(12),
                (int)r.GetInt64(13), (int)r.GetInt64(14)));
        }
        if (current is not null)
        {
            results.Add(Finish(current, currentTallies));
        }
        foreach (var recap in connection.Query(ChosenSubmissions + """
                SELECT c.submission_id, c.unit_id, c.unit_name, c.instansi, c.year, c.reviewer, c.version, c.rule_version, r.metric, r.value
                FROM chosen c JOIN recap_value r USING (submission_id)
                WHERE c.source_kind = 'recap'
                ORDER BY c.unit_id, c.year
                """, parameters)
            .Select(r => (Head: ReadHead(r), Metric: r.GetString(8), Value: r.GetDecimal(9)))
            .ToList()
            .GroupBy(x => x.Head.SubmissionId))
        {
            var head = recap.First().Head;
            results.Add(Scored(head, RecapCard(RuleOf(head), recap.ToDictionary(x => x.Metric, x => x.Value))));
        }
        return [.. results.OrderBy(r => r.Unit.UnitId, StringComparer.Ordinal).ThenBy(r => r.Year)];
    }

    /// <summary>The current submission of each unit-year in the filter, from the chosen or most senior layer.</summary>
    private const string ChosenSubmissions = """
        WITH chosen AS (
            SELECT * FROM submission
            WHERE (CASE WHEN $sid IS NULL THEN is_current ELSE submission_id = $sid END)
              AND ($year IS NULL OR year = $year)
              AND ($unit IS NULL OR unit_id = $unit)
              AND ($layer IS NULL OR reviewer = $layer)
            QUALIFY row_number() OVER (
                PARTITION BY unit_id, year
                ORDER BY CASE reviewer WHEN 'tpn' THEN 4 WHEN 'tpi_itjen' THEN 3 WHEN 'tpi_unit' THEN 2 ELSE 1 END DESC) = 1)

        """;

    private static Head ReadHead(System.Data.IDataRecord r)
    {
        LkeCodes.TryParseReviewer(r.GetString(5), out var layer);
        return new Head(r.GetInt64(0), new UnitInfo(r.GetString(1), r.GetString(2), r.GetString(3)), r.GetInt32(4), layer, r.GetInt32(6), r.GetString(7));
    }

    /// <summary>A score card from a recap sheet's metrics; parts it does not give are unknown.</summary>
    public static ScoreCard RecapCard(RuleSet rule, IReadOnlyDictionary<string, decimal> metrics)
    {
        var areas = rule.Areas.Select(a => new AreaScore(a,
            metrics.TryGetValue($"area:{a.Code}:pemenuhan", out var p) ? p : null,
            metrics.TryGetValue($"area:{a.Code}:reform", out var r) ? r : null,
            metrics.GetValueOrDefault($"area:{a.Code}"))).ToList();
        var parts = rule.HasilParts.Select(p => new HasilPartScore(p, metrics.TryGetValue($"part:{p.Code}", out var v) ? v : null)).ToList();
        return new ScoreCard(rule, areas, parts, 0, 0)
        {
            Source = ScoreSource.Recap,
            HasilGiven = metrics.TryGetValue("hasil", out var hasil) ? hasil : null,
        };
    }

    private sealed record Head(long SubmissionId, UnitInfo Unit, int Year, Reviewer Layer, int Version, string Rule);
}
