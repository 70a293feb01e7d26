namespace Integritas.Analytics;

/// <summary>Summary statistics of a set of scores: count, mean, median, spread (sample standard deviation), range.</summary>
public sealed record Summary(int Count, decimal? Mean, decimal? Median, decimal? StdDev, decimal? Min, decimal? Max)
{
    public static Summary Of(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return new Summary(0, null, null, null, null, null);
        }
        var mean = sorted.Sum() / sorted.Count;
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        decimal? sd = null;
        if (sorted.Count > 1)
        {
            var variance = sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Count - 1);
            sd = (decimal)Math.Sqrt((double)variance);
        }
        return new Summary(sorted.Count, mean, median, sd, sorted[0], sorted[^1]);
    }
}
