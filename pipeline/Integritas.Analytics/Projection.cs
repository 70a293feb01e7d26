using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Analytics;

/// <summary>
/// A projection of a unit's scores for a later year from its own history: each area as % of its weight and
/// each hasil part in points. <see cref="Card"/> holds the projected scores under the target year's rule.
/// </summary>
public sealed record ProjectedScores(int Year, int FromYear, int YearsOfHistory, ScoreCard Card, IReadOnlyDictionary<string, decimal> AreaPercent)
{
    public decimal? Total => Card.Total;
}

/// <summary>
/// The projection method, kept simple enough to explain in one sentence to a planner:
/// <b>next = last + ½ × the mean yearly change over the last (up to) three changes</b>, per area as % of its
/// weight (so years under different weights compare) and per hasil part in points; capped at 0 and at the
/// weight. With one year of history the projection is that year (no trend). The damping halves the trend
/// because a unit's gains slow as it nears the maximum and a single good year partly reverts.
/// </summary>
public static class Projection
{
    public const decimal Damping = 0.5m;

    public const int Window = 3;

    public const string ShortMethod = "nilai terakhir + ½ × rata-rata perubahan tahunan s.d. 3 tahun, per area, dibatasi bobot";

    public const string Method = "Proyeksi = nilai terakhir + ½ × rata-rata perubahan tahunan (maks. 3 perubahan terakhir), per area dalam % bobot, dibatasi 0–bobot.";

    /// <summary>
    /// Projects <paramref name="year"/> from the unit-years in <paramref name="history"/> before that year,
    /// under <paramref name="rule"/> (the rule of the target year). Null when there is no earlier year.
    /// </summary>
    public static ProjectedScores? Project(IEnumerable<UnitYearScore> history, int year, RuleSet rule)
    {
        var past = history.Where(s => s.Year < year).OrderBy(s => s.Year).ToList();
        if (past.Count == 0)
        {
            return null;
        }
        var last = past[^1];
        var percents = new Dictionary<string, decimal>();
        var areas = new List<AreaScore>();
        foreach (var area in rule.Areas)
        {
            var series = past.Select(s => (s.Year, Value: s.Card.Area(area.Code)?.Percent)).Where(p => p.Value is not null)
                .Select(p => (p.Year, p.Value!.Value)).ToList();
            var percent = series.Count == 0 ? 0 : Next(series, year, 100m);
            percents[area.Code] = percent;
            var total = area.Weight * percent / 100m;
            areas.Add(new AreaScore(area, area.Pemenuhan is null ? null : total / 2, area.Reform is null ? null : total / 2, total));
        }
        var parts = new List<HasilPartScore>();
        foreach (var part in rule.HasilParts)
        {
            var series = past.Where(s => s.Card.Rule.FindHasilPart(part.Code)?.Weight == part.Weight)
                .Select(s => (s.Year, Value: s.Card.Part(part.Code))).Where(p => p.Value is not null)
                .Select(p => (p.Year, p.Value!.Value)).ToList();
            parts.Add(new HasilPartScore(part, series.Count == 0 ? null : Next(series, year, part.Weight)));
        }
        decimal? hasilGiven = null;
        if (parts.Any(p => p.Value is null))
        {
            // History from recap sheets without hasil parts: project the hasil total as one series.
            var series = past.Select(s => (s.Year, Value: s.Card.Hasil)).Where(p => p.Value is not null).Select(p => (p.Year, p.Value!.Value)).ToList();
            hasilGiven = series.Count == 0 ? null : Next(series, year, rule.HasilWeight);
            parts = [.. parts.Select(p => p with { Value = null })];
        }
        var card = new ScoreCard(rule, areas, parts, last.Card.Questions, 0) { Source = ScoreSource.Items, HasilGiven = hasilGiven };
        return new ProjectedScores(year, last.Year, past.Count, card, percents);
    }

    /// <summary>The damped-trend step from a series of (year, value), capped at [0, <paramref name="cap"/>].</summary>
    public static decimal Next(IReadOnlyList<(int Year, decimal Value)> series, int year, decimal cap)
    {
        var last = series[^1];
        var slopes = new List<decimal>();
        for (var i = Math.Max(1, series.Count - Window); i < series.Count; i++)
        {
            slopes.Add((series[i].Value - series[i - 1].Value) / (series[i].Year - series[i - 1].Year));
        }
        var trend = slopes.Count == 0 ? 0 : slopes.Average();
        return Math.Clamp(last.Value + Damping * trend * (year - last.Year), 0, cap);
    }

    /// <summary>The score verdict the projected scores would earn (the prerequisites are judged on today's facts separately).</summary>
    public static ReadinessResult Readiness(ProjectedScores projected, IEnumerable<HeldPredicate> held) =>
        ReadinessEvaluator.Evaluate(projected.Card, projected.Year, held);
}
