namespace Integritas.Analytics;

/// <summary>The projection's error on one measure (an area in % of its weight, or the total in points), beside the naive "same as last year".</summary>
public sealed record BacktestError(string Measure, string Label, int Count, decimal MaeProjection, decimal MaeLastYear, decimal Bias);

/// <summary>
/// How well the projection would have done: for each unit with history, the projection of <see cref="Year"/>
/// made from the years before it, against what the unit then scored.
/// </summary>
public sealed record BacktestResult(int Year, int Units, IReadOnlyList<BacktestError> Areas, BacktestError? Total);

public static class Backtest
{
    /// <summary>Backtests the projection of <paramref name="year"/>; the result has no rows when no unit has an earlier year.</summary>
    public static BacktestResult For(ScoreHistory history, int year)
    {
        var pairs = new List<(Store.Queries.UnitYearScore Actual, ProjectedScores Projected, Store.Queries.UnitYearScore Last)>();
        foreach (var actual in history.InYear(year))
        {
            var past = history.Of(actual.Unit.UnitId).Where(s => s.Year < year).ToList();
            if (past.Count == 0 || Projection.Project(past, year, actual.Card.Rule) is not { } projected)
            {
                continue;
            }
            pairs.Add((actual, projected, past[^1]));
        }
        var rule = history.InYear(year).FirstOrDefault()?.Card.Rule;
        var areas = new List<BacktestError>();
        foreach (var area in rule?.Areas ?? [])
        {
            var rows = pairs.Select(p => (Actual: p.Actual.Card.Area(area.Code)?.Percent, Projected: (decimal?)p.Projected.AreaPercent[area.Code], Last: p.Last.Card.Area(area.Code)?.Percent))
                .Where(r => r.Actual is not null && r.Last is not null).Select(r => (r.Actual!.Value, r.Projected!.Value, r.Last!.Value)).ToList();
            if (rows.Count > 0)
            {
                areas.Add(Error(area.Code, area.ShortName + " (% bobot)", rows));
            }
        }
        var totals = pairs.Select(p => (Actual: p.Actual.Card.Total, Projected: p.Projected.Total, Last: p.Last.Card.Total))
            .Where(r => r.Actual is not null && r.Projected is not null && r.Last is not null)
            .Select(r => (r.Actual!.Value, r.Projected!.Value, r.Last!.Value)).ToList();
        return new BacktestResult(year, pairs.Count, areas, totals.Count == 0 ? null : Error("total", "Nilai total (poin)", totals));
    }

    private static BacktestError Error(string measure, string label, List<(decimal Actual, decimal Projected, decimal Last)> rows) => new(
        measure, label, rows.Count,
        rows.Average(r => Math.Abs(r.Projected - r.Actual)),
        rows.Average(r => Math.Abs(r.Last - r.Actual)),
        rows.Average(r => r.Projected - r.Actual));
}
