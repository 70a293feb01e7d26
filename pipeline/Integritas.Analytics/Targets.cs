using DuckDB.NET.Data;
using Integritas.Domain.Readiness;
using Integritas.Store;

namespace Integritas.Analytics;

/// <summary>
/// An instansi's year: the target it set (null: none), the units its LKEs show ready (every binding criterion,
/// and on the scores alone) among those not yet holding the predicate, and the units awarded that year.
/// <see cref="AwardsKnown"/> is false when no award at all is recorded for the year (not yet announced or not
/// yet loaded): the awarded counts then mean "unknown", not zero.
/// </summary>
public sealed record TargetRow(
    string Instansi,
    int Year,
    int Units,
    int? TargetWbk,
    int? TargetWbbm,
    int ReadyWbk,
    int ReadyWbbm,
    int ScoreReadyWbk,
    int ScoreReadyWbbm,
    int AwardedWbk,
    int AwardedWbbm,
    bool AwardsKnown);

public static class TargetAnalysis
{
    /// <summary>Target vs ready vs awarded per instansi and year (or one year), for every instansi with scores or a target.</summary>
    public static IReadOnlyList<TargetRow> For(DuckDBConnection connection, ScoreHistory history, int? year = null)
    {
        var targets = connection.Query("SELECT instansi, year, target_wbk, target_wbbm FROM target WHERE $y IS NULL OR year = $y", ("y", year))
            .Select(r => (Instansi: r.GetString(0), Year: r.GetInt32(1), Wbk: r.IsDBNull(2) ? (int?)null : r.GetInt32(2), Wbbm: r.IsDBNull(3) ? (int?)null : r.GetInt32(3)))
            .ToDictionary(t => (t.Instansi.ToUpperInvariant(), t.Year));
        var instansiOf = history.All.GroupBy(s => s.Unit.UnitId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Year)!.Unit.Instansi, StringComparer.Ordinal);
        var names = history.All.Select(s => s.Unit.Instansi).Concat(targets.Values.Select(t => t.Instansi))
            .GroupBy(n => n.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First());
        var awards = history.Held.SelectMany(g => g.Select(h => (Unit: g.Key, h.Predicate, h.Year)))
            .Where(a => instansiOf.ContainsKey(a.Unit))
            .ToLookup(a => (instansiOf[a.Unit].ToUpperInvariant(), a.Year));

        var awardYears = history.Held.SelectMany(g => g.Select(h => h.Year)).ToHashSet();
        var keys = history.All.Select(s => (s.Unit.Instansi.ToUpperInvariant(), s.Year)).Concat(targets.Keys)
            .Where(k => year is null || k.Year == year).Distinct()
            .OrderBy(k => k.Year).ThenBy(k => names[k.Item1], StringComparer.Ordinal);
        var rows = new List<TargetRow>();
        foreach (var key in keys)
        {
            var (instansi, y) = (key.Item1, key.Item2);
            var scores = history.InYear(y).Where(s => s.Unit.Instansi.ToUpperInvariant() == instansi).ToList();
            int Ready(string level, Func<ReadinessResult, string> verdict) => scores.Count(s =>
            {
                var heldBefore = history.Held[s.Unit.UnitId].Where(h => h.Year < y).Select(h => h.Predicate).ToHashSet(StringComparer.Ordinal);
                var rule = s.Card.Rule;
                var index = rule.Predicates.ToList().FindIndex(p => p.Code == level);
                var holds = rule.Predicates.Skip(index).Any(p => heldBefore.Contains(p.Code));
                var reached = rule.Predicates.ToList().FindIndex(p => p.Code == verdict(s.Readiness));
                return !holds && index >= 0 && reached >= index;
            });
            targets.TryGetValue(key, out var target);
            rows.Add(new TargetRow(names[instansi], y, scores.Count, target.Wbk, target.Wbbm,
                Ready("WBK", r => r.Verdict), Ready("WBBM", r => r.Verdict), Ready("WBK", r => r.ScoreVerdict), Ready("WBBM", r => r.ScoreVerdict),
                awards[key].Count(a => a.Predicate == "WBK"), awards[key].Count(a => a.Predicate == "WBBM"), awardYears.Contains(y)));
        }
        return rows;
    }
}
