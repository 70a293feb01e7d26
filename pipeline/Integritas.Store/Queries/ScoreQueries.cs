using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
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
        var units = new Dictionary<UnitInfo, UnitInfo>();
        RuleSet RuleOf(Head head) =>
            rules.Find(head.Rule, head.Year) ?? throw new InvalidOperationException($"The database holds rule version {head.Rule}, which this program does not know.");
        UnitYearScore Scored(Head head, ScoreCard card)
        {
            // Most units hold nothing: they share one empty history.
            IReadOnlyList<HeldPredicate> unitHeld = held.Contains(head.Unit.UnitId) ? [.. held[head.Unit.UnitId]] : [];
            var readiness = ReadinessEvaluator.Evaluate(card, head.Year, unitHeld, facts.For(head.Unit.UnitId, head.Unit.Instansi, head.Year), reference);
            return new UnitYearScore(head.Unit, head.Year, head.Layer, head.Version, card, readiness,
                unitHeld.Count == 0 ? unitHeld : [.. unitHeld.Where(h => h.Year <= head.Year)]);
        }
        var parameters = new[] { ("year", (object?)filter.Year), ("unit", filter.UnitId), ("layer", filter.Layer?.ToCode()), ("sid", filter.SubmissionId) };
        // The chosen item-level submissions once each, with the score card stored when they landed (when its
        // rule is unchanged since): at national scale (200,000 unit-years) reading 200,000 cards instead of
        // aggregating 22.6 million answers is most of the difference between seconds and tens of seconds.
        var heads = new Dictionary<long, Head>();
        var stored = new List<(Head Head, ScoreCard Card)>();
        foreach (var r in connection.Query(ChosenSubmissions + """
            SELECT c.submission_id, c.unit_id, c.unit_name, c.instansi, c.year, c.reviewer, c.version, c.rule_version, k.rule_fingerprint, k.card
            FROM chosen c LEFT JOIN score_card k USING (submission_id)
            WHERE c.source_kind = 'items'
            """, parameters))
        {
            var head = ReadHead(r, units);
            var rule = RuleOf(head);
            if (!r.IsDBNull(8) && r.GetString(8) == rule.Fingerprint && ScoreCards.Read(rule, r.GetString(9)) is { } card)
            {
                stored.Add((head, card));
            }
            else
            {
                heads.Add(head.SubmissionId, head);
            }
        }
        // Those without a usable card (stored before cards were, or under a rule changed since): their answers
        // summed per indicator, in submission order.
        IEnumerable<List<(Head Head, ScoreCard Card)>> Batches()
        {
            if (heads.Count == 0)
            {
                yield break;
            }
            var batch = new List<(Head, ScoreCard)>(BatchSize);
            foreach (var (id, tallies) in Tallies(connection, ChosenSubmissions, $"""
                SELECT submission_id FROM chosen c
                WHERE c.source_kind = 'items'
                  AND NOT EXISTS (SELECT 1 FROM score_card k WHERE k.submission_id = c.submission_id AND k.rule_fingerprint IN ({Fingerprints(rules)}))
                """, parameters))
            {
                if (heads.TryGetValue(id, out var head))
                {
                    batch.Add((head, LkeScorer.Score(RuleOf(head), tallies)));
                }
                if (batch.Count == BatchSize)
                {
                    yield return batch;
                    batch = new List<(Head, ScoreCard)>(BatchSize);
                }
            }
            if (batch.Count > 0)
            {
                yield return batch;
            }
        }

        // Readiness (and scoring where there was no card) runs on every core: each thread takes the next batch in
        // turn (under the partitioner's lock, so the reader is used by one thread at a time) and scores it; the
        // results are put in order at the end.
        var work = stored.Chunk(BatchSize).Select(c => c.ToList()).Concat(Batches());
        try
        {
            Parallel.ForEach(Partitioner.Create(work, EnumerablePartitionerOptions.NoBuffering),
                () => new List<UnitYearScore>(),
                (batch, _, scored) =>
                {
                    foreach (var (head, card) in batch)
                    {
                        scored.Add(Scored(head, card));
                    }
                    return scored;
                },
                scored =>
                {
                    lock (results)
                    {
                        results.AddRange(scored);
                    }
                });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException!);
        }
        foreach (var recap in connection.Query(ChosenSubmissions + """
                SELECT c.submission_id, c.unit_id, c.unit_name, c.instansi, c.year, c.reviewer, c.version, c.rule_version, r.metric, r.value
                FROM chosen c JOIN recap_value r USING (submission_id)
                WHERE c.source_kind = 'recap'
                ORDER BY c.unit_id, c.year
                """, parameters)
            .Select(r => (Head: ReadHead(r, units), Metric: r.GetString(8), Value: r.GetDecimal(9)))
            .ToList()
            .GroupBy(x => x.Head.SubmissionId))
        {
            var head = recap.First().Head;
            results.Add(Scored(head, RecapCard(RuleOf(head), recap.ToDictionary(x => x.Metric, x => x.Value))));
        }
        return [.. results.OrderBy(r => r.Unit.UnitId, StringComparer.Ordinal).ThenBy(r => r.Year)];
    }

    private const int BatchSize = 256;

    /// <summary>
    /// The answers of the submissions <paramref name="submissions"/> selects (a query of submission ids, after the
    /// <paramref name="prefix"/>'s WITH clause) summed per indicator, submission by submission in id order, each
    /// submission's indicators in the order the database sorts area, part and indicator: every sum adds them in
    /// the order it always has (decimal addition rounds at 28 digits, so the order is part of the result).
    /// </summary>
    internal static IEnumerable<(long Id, IndicatorTally[] Tallies)> Tallies(DuckDBConnection connection, string prefix, string submissions,
        IEnumerable<(string Name, object? Value)> parameters)
    {
        long? current = null;
        var rows = new List<TallyRow>();
        foreach (var r in connection.Query(prefix + $"""
            SELECT a.submission_id, a.area, a.part, a.indicator, min(a.indicator_weight), coalesce(sum(a.value), 0), count(a.value), count(*) - count(a.value)
            FROM answer a
            WHERE a.submission_id IN ({submissions})
            GROUP BY ALL
            ORDER BY a.submission_id
            """, [.. parameters]))
        {
            var id = r.GetInt64(0);
            if (current != id)
            {
                if (current is { } done)
                {
                    yield return (done, Ordered(rows));
                    rows.Clear();
                }
                current = id;
            }
            var partCode = r.GetString(2);
            var part = partCode switch
            {
                "pemenuhan" => LkePart.Pemenuhan,
                "reform" => LkePart.Reform,
                "hasil" => LkePart.Hasil,
                _ => LkeCodes.TryParsePart(partCode, out var parsed) ? parsed : default,
            };
            rows.Add(new TallyRow(partCode, new IndicatorTally(r.GetString(1), part, r.GetString(3), r.GetDecimal(4), r.GetDecimal(5), (int)r.GetInt64(6), (int)r.GetInt64(7))));
        }
        if (current is { } last)
        {
            yield return (last, Ordered(rows));
        }
    }

    private static IndicatorTally[] Ordered(List<TallyRow> rows)
    {
        var sorted = rows.ToArray();
        Array.Sort(sorted, TallyRow.Compare);
        var tallies = new IndicatorTally[sorted.Length];
        for (var i = 0; i < tallies.Length; i++)
        {
            tallies[i] = sorted[i].Tally;
        }
        return tallies;
    }

    /// <summary>The fingerprints of the rules this program knows, as a SQL list (hex digits only).</summary>
    private static string Fingerprints(RuleCatalog rules) =>
        string.Join(", ", rules.Rules.Select(r => $"'{r.Fingerprint}'").DefaultIfEmpty("''"));

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

    private static Head ReadHead(System.Data.IDataRecord r, Dictionary<UnitInfo, UnitInfo> units)
    {
        LkeCodes.TryParseReviewer(r.GetString(5), out var layer);
        // One UnitInfo per unit (and name), shared by its years: eight years of 25,000 units hold 25,000, not 200,000.
        var unit = new UnitInfo(r.GetString(1), r.GetString(2), r.GetString(3));
        if (!units.TryGetValue(unit, out var shared))
        {
            units.Add(unit, shared = unit);
        }
        return new Head(r.GetInt64(0), shared, r.GetInt32(4), layer, r.GetInt32(6), r.GetString(7));
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

    /// <summary>An indicator's tally with the part as stored, ordered as DuckDB orders VARCHAR: by UTF-8 bytes.</summary>
    private readonly record struct TallyRow(string Part, IndicatorTally Tally)
    {
        public static int Compare(TallyRow x, TallyRow y)
        {
            var order = Utf8Order(x.Tally.Area, y.Tally.Area);
            order = order != 0 ? order : Utf8Order(x.Part, y.Part);
            return order != 0 ? order : Utf8Order(x.Tally.Indicator, y.Tally.Indicator);
        }

        /// <summary>
        /// UTF-8 byte order, which is code point order: ordinal (UTF-16) order except that surrogate pairs
        /// (code points above U+FFFF) come after U+E000–U+FFFF.
        /// </summary>
        private static int Utf8Order(string x, string y)
        {
            var length = Math.Min(x.Length, y.Length);
            for (var i = 0; i < length; i++)
            {
                if (x[i] != y[i])
                {
                    return Rank(x[i]) - Rank(y[i]);
                }
            }
            return x.Length - y.Length;
        }

        private static int Rank(char c) => c switch
        {
            >= '\uE000' => c - 0x800,
            >= '\uD800' => c + 0x2000,
            _ => c,
        };
    }
}
