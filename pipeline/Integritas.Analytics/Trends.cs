using Integritas.Domain.Readiness;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Analytics;

/// <summary>One area of one unit-year: points, weight, % of the weight and the change in % from the unit's previous year.</summary>
public sealed record AreaTrendPoint(string Area, decimal Score, decimal Weight, decimal Percent, decimal? PercentChange);

/// <summary>
/// One unit-year in a unit's trend. Totals are out of 100 under every rule, so they compare directly; areas
/// compare as % of their weight (weights changed with 90/2021). <see cref="RuleChanged"/> marks a year scored
/// under a different rule than the year before.
/// </summary>
public sealed record UnitYearTrend(int Year, string RuleVersion, bool RuleChanged, decimal? Total, decimal? TotalChange, IReadOnlyList<AreaTrendPoint> Areas, string Verdict, string ScoreVerdict, int BlankQuestions);

public sealed record UnitTrend(UnitInfo Unit, IReadOnlyList<UnitYearTrend> Years)
{
    public UnitYearTrend? In(int year) => Years.FirstOrDefault(y => y.Year == year);
}

/// <summary>A group of units (an instansi, or every unit: <see cref="TrendAnalysis.AllUnits"/>) in one year.</summary>
public sealed record GroupYearStats(
    string Group,
    int Year,
    Summary Totals,
    int Wbbm,
    int Wbk,
    int Belum,
    int ScoreReadyWbk,
    int Incomplete,
    IReadOnlyDictionary<string, decimal> AreaMeanPercent);

/// <summary>
/// An area that holds units back in the year: how many units have it among the unmet criteria toward their next
/// level, how many are below the WBK minimum for it, and its mean % of weight with the change since last year.
/// </summary>
public sealed record AreaHoldback(string Area, string Name, int UnitsHeldBack, int BelowWbkMinimum, decimal MeanPercent, decimal? MeanPercentChange);

/// <summary>A unit whose total moved between two years.</summary>
public sealed record Mover(UnitInfo Unit, int FromYear, decimal FromTotal, decimal ToTotal, string FromVerdict, string ToVerdict, bool RuleChanged)
{
    /// <summary>The difference of the two totals as shown (2 decimals each).</summary>
    public decimal Change => Score.Change(ToTotal, FromTotal)!.Value;
}

/// <summary>A criterion a unit met last year and no longer meets (binding both years, same level).</summary>
public sealed record LostCriterion(UnitInfo Unit, string Level, string Criterion, string Label, string ShortLabel, CriterionKind Kind, decimal? PreviousActual, decimal? Actual, decimal? Required, string? PreviousActualText, string? ActualText, string? RequiredText);

public sealed record TrendReport(
    int Year,
    int? PreviousYear,
    IReadOnlyList<int> Years,
    IReadOnlyList<GroupYearStats> Groups,
    IReadOnlyList<UnitTrend> Units,
    IReadOnlyList<AreaHoldback> Holdbacks,
    IReadOnlyList<Mover> Improved,
    IReadOnlyList<Mover> Declined,
    IReadOnlyList<LostCriterion> Lost);

/// <summary>Year-over-year trends per unit, area, instansi and for all units together.</summary>
public static class TrendAnalysis
{
    /// <summary>The group name for every unit in the database together (the ministry, or the whole set).</summary>
    public const string AllUnits = "Semua unit";

    public static TrendReport Build(ScoreHistory history, int year, int movers = 5, string? instansi = null)
    {
        bool InScope(UnitYearScore s) => instansi is null || string.Equals(s.Unit.Instansi, instansi, StringComparison.OrdinalIgnoreCase);
        var previousYear = history.YearBefore(year);
        var scopedUnits = history.All.Where(InScope).Select(s => s.Unit.UnitId).Distinct().Order(StringComparer.Ordinal).ToList();
        var units = scopedUnits.Select(id => UnitTrendOf(history, id)).ToList();

        var groups = new List<GroupYearStats>();
        foreach (var y in history.Years.Where(y => y <= year))
        {
            var scores = history.InYear(y).Where(InScope).ToList();
            groups.AddRange(scores.GroupBy(s => s.Unit.Instansi).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Stats(g.Key, y, [.. g])));
            // Scoped to one instansi, its own group is the whole: no second row of the same units.
            if (instansi is null)
            {
                groups.Add(Stats(AllUnits, y, scores));
            }
        }

        var current = history.InYear(year).Where(InScope).ToList();
        var holdbacks = Holdbacks(current, previousYear is { } p ? [.. history.InYear(p).Where(InScope)] : []);

        var moves = new List<Mover>();
        var lost = new List<LostCriterion>();
        if (previousYear is { } py)
        {
            foreach (var now in current)
            {
                var before = history.Get(now.Unit.UnitId, py);
                if (before is null)
                {
                    continue;
                }
                if (before.Card.Total is { } from && now.Card.Total is { } to)
                {
                    moves.Add(new Mover(now.Unit, py, from, to, before.Readiness.Verdict, now.Readiness.Verdict, before.Card.Rule.Id != now.Card.Rule.Id));
                }
                lost.AddRange(Lost(history, before, now));
            }
        }
        return new TrendReport(year, previousYear, [.. history.Years.Where(y => y <= year)], groups, units, holdbacks,
            [.. moves.Where(m => m.Change > 0).OrderByDescending(m => m.Change).ThenBy(m => m.Unit.UnitId, StringComparer.Ordinal).Take(movers)],
            [.. moves.Where(m => m.Change < 0).OrderBy(m => m.Change).ThenBy(m => m.Unit.UnitId, StringComparer.Ordinal).Take(movers)],
            lost);
    }

    public static UnitTrend UnitTrendOf(ScoreHistory history, string unitId)
    {
        var years = new List<UnitYearTrend>();
        UnitYearScore? previous = null;
        foreach (var s in history.Of(unitId))
        {
            var areas = s.Card.Areas.Select(a =>
            {
                var before = previous?.Card.Area(a.Code);
                return new AreaTrendPoint(a.Code, a.Total, a.Rule.Weight, a.Percent, Score.Change(a.Percent, before?.Percent));
            }).ToList();
            var change = Score.Change(s.Card.Total, previous?.Card.Total);
            years.Add(new UnitYearTrend(s.Year, s.Card.Rule.Label, previous is not null && previous.Card.Rule.Id != s.Card.Rule.Id, s.Card.Total, change, areas,
                s.Readiness.Verdict, s.Readiness.ScoreVerdict, s.Card.BlankQuestions));
            previous = s;
        }
        var unit = history.Of(unitId).Last().Unit;
        return new UnitTrend(unit, years);
    }

    private static GroupYearStats Stats(string group, int year, IReadOnlyList<UnitYearScore> scores)
    {
        var areaMeans = scores.SelectMany(s => s.Card.Areas).GroupBy(a => a.Code)
            .ToDictionary(g => g.Key, g => g.Average(a => a.Percent));
        return new GroupYearStats(group, year, Summary.Of(scores.Where(s => s.Card.Total is not null).Select(s => s.Card.Total!.Value)),
            scores.Count(s => s.Readiness.Verdict == "WBBM"), scores.Count(s => s.Readiness.Verdict == "WBK"),
            scores.Count(s => s.Readiness.Verdict == ReadinessResult.Belum),
            scores.Count(s => s.Readiness.ScoreVerdict != ReadinessResult.Belum),
            scores.Count(s => !s.Card.IsComplete), areaMeans);
    }

    private static List<AreaHoldback> Holdbacks(List<UnitYearScore> current, List<UnitYearScore> previous)
    {
        var result = new List<AreaHoldback>();
        var rule = current.FirstOrDefault()?.Card.Rule;
        if (rule is null)
        {
            return result;
        }
        foreach (var area in rule.Areas)
        {
            var criterion = $"area.{area.Code}";
            var heldBack = current.Count(s => s.Readiness.Shortfalls.Any(c => c.Criterion == criterion));
            var belowWbk = current.Count(s => s.Readiness.For("WBK").Any(c => c.Criterion == criterion && c.Status == CriterionStatus.Unmet));
            var mean = current.Average(s => s.Card.Area(area.Code)?.Percent ?? 0);
            var before = previous.Select(s => s.Card.Area(area.Code)?.Percent).OfType<decimal>().ToList();
            result.Add(new AreaHoldback(area.Code, area.ShortName, heldBack, belowWbk, mean, before.Count == 0 ? null : Score.Change(mean, before.Average())));
        }
        return [.. result.OrderByDescending(h => h.UnitsHeldBack).ThenBy(h => h.MeanPercent)];
    }

    /// <summary>
    /// Binding criteria the unit met in the earlier year and misses now: for a holder below the criteria of the level
    /// it holds, that level's (what it risks losing); otherwise the level it aims at now.
    /// </summary>
    private static IEnumerable<LostCriterion> Lost(ScoreHistory history, UnitYearScore before, UnitYearScore now)
    {
        var held = history.HeldAfter(now.Unit.UnitId, now.Year - 1);
        var level = now.Readiness.HeldBelow ?? (held.Contains("WBK") || held.Contains("WBBM") ? "WBBM" : "WBK");
        var earlier = before.Readiness.For(level).Where(c => c.Binding).ToDictionary(c => c.Criterion);
        foreach (var c in now.Readiness.For(level).Where(c => c.Binding && c.Status == CriterionStatus.Unmet))
        {
            if (earlier.TryGetValue(c.Criterion, out var then) && then.Status == CriterionStatus.Met)
            {
                yield return new LostCriterion(now.Unit, level, c.Criterion, c.Label, c.ShortLabel, c.Kind, then.Actual, c.Actual, c.Required, then.ActualText, c.ActualText, c.RequiredText);
            }
        }
    }
}
