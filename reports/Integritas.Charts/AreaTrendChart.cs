using System.Globalization;
using ScottPlot;

namespace Integritas.Charts;

/// <summary>
/// Lines across evaluation years, one per series (an area, a unit, an instansi), against dashed threshold
/// lines. Each series has its own colour and marker shape, so the lines stay apart in black and white.
/// </summary>
public static class AreaTrendChart
{
    /// <param name="Title">The chart's title.</param>
    /// <param name="AxisLabel">Beside the value axis (e.g. "% bobot area").</param>
    /// <param name="Series">In legend order. A series with no points is left out; a missing year breaks its line.</param>
    /// <param name="Thresholds">Dashed lines named in the legend.</param>
    /// <param name="FormatTick">Writes the value ticks, which fall on multiples of 10 (e.g. "80%").</param>
    public sealed record Data(
        string Title,
        string AxisLabel,
        IReadOnlyList<TrendSeries> Series,
        IReadOnlyList<ThresholdLine> Thresholds,
        Func<double, string> FormatTick);

    public static byte[] Render(Data data, int width = ChartTheme.PrintWidth, int height = 600)
    {
        using var plot = ChartTheme.NewPlot();
        var drawn = data.Series.Where(s => s.Points.Count > 0).ToList();
        for (var i = 0; i < drawn.Count; i++)
        {
            AddSeries(plot, drawn[i], ChartTheme.Series[i % ChartTheme.Series.Length], ChartTheme.SeriesMarkers[i % ChartTheme.SeriesMarkers.Length]);
        }
        ChartTheme.AddThresholds(plot, data.Thresholds, vertical: false);

        var years = drawn.SelectMany(s => s.Points).Select(p => p.Year).ToList();
        var first = years.Count == 0 ? 0 : years.Min();
        var last = years.Count == 0 ? 0 : years.Max();
        // Every year gets a tick, written as a plain integer: a year is a name, not a quantity (no "2.025").
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            years.Count == 0 ? [] : Enumerable.Range(first, last - first + 1).Select(y => new Tick(y, y.ToString(CultureInfo.InvariantCulture))).ToArray());
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;

        var values = drawn.SelectMany(s => s.Points).Select(p => p.Value).Concat(data.Thresholds.Select(t => t.Value)).ToList();
        // The value axis starts on a multiple of 10 a little under the lowest value or threshold, not at 0: the
        // story is around the thresholds, and a line chart does not need a zero baseline the way a bar does.
        var bottom = values.Count == 0 ? 0 : Math.Max(0, Math.Floor((values.Min() - 3) / 10) * 10);
        var top = Math.Max(100, values.Count == 0 ? 100 : Math.Ceiling(values.Max() / 10) * 10);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, (int)((top - bottom) / 10) + 1).Select(i => bottom + i * 10).Select(v => new Tick(v, data.FormatTick(v))).ToArray());
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = data.AxisLabel;

        ChartTheme.Title(plot, data.Title);
        if (drawn.Count + data.Thresholds.Count > 0)
        {
            ChartTheme.LegendBelow(plot);
        }
        plot.Axes.SetLimits(first - 0.4, last + 0.4, bottom, top + 2);
        return ChartTheme.Png(plot, width, height);
    }

    /// <summary>One scatter per run of consecutive years, so a missing year is a gap; only the first run is named in the legend.</summary>
    private static void AddSeries(Plot plot, TrendSeries series, Color color, MarkerShape marker)
    {
        var points = series.Points.OrderBy(p => p.Year).ToList();
        var runStart = 0;
        var named = false;
        for (var i = 1; i <= points.Count; i++)
        {
            if (i < points.Count && points[i].Year == points[i - 1].Year + 1)
            {
                continue;
            }
            var run = points.GetRange(runStart, i - runStart);
            var scatter = plot.Add.Scatter(run.Select(p => (double)p.Year).ToArray(), run.Select(p => p.Value).ToArray(), color);
            scatter.LineWidth = 2.5f;
            scatter.MarkerShape = marker;
            scatter.MarkerSize = 9;
            scatter.MarkerLineWidth = 2;
            if (!named)
            {
                scatter.LegendText = series.Label;
                named = true;
            }
            runStart = i;
        }
    }
}
