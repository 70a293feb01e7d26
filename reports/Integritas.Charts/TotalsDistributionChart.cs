using ScottPlot;

namespace Integritas.Charts;

/// <summary>
/// A histogram of totals (how many units scored in each band of, e.g., 2.5 points) with dashed threshold
/// lines and each bar's count written above it (when every count fits over its bar). Bins are half-open, [75; 77,5): a total of exactly 75 lands
/// right of the 75 line, on the side that meets "≥ 75", when thresholds fall on bin edges.
/// </summary>
public static class TotalsDistributionChart
{
    /// <param name="Title">The chart's title.</param>
    /// <param name="AxisLabel">Under the value axis (e.g. "Nilai total").</param>
    /// <param name="CountAxisLabel">Beside the count axis (e.g. "Jumlah unit").</param>
    /// <param name="Values">The totals; may be empty.</param>
    /// <param name="BinWidth">Width of a bin in value units (e.g. 2.5); bins start on its multiples, so thresholds on those multiples fall on bin edges.</param>
    /// <param name="Thresholds">Dashed lines named in the legend.</param>
    /// <param name="FormatTick">Writes the value ticks (e.g. "75").</param>
    /// <param name="FormatCount">Writes counts on the bars and count axis (e.g. "12", "1.234").</param>
    public sealed record Data(
        string Title,
        string AxisLabel,
        string CountAxisLabel,
        IReadOnlyList<double> Values,
        double BinWidth,
        IReadOnlyList<ThresholdLine> Thresholds,
        Func<double, string> FormatTick,
        Func<double, string> FormatCount);

    /// <summary>Layout units beside the plot: the count axis with its label, and margins.</summary>
    private const int PlotMargins = 110;

    public static byte[] Render(Data data, int width = ChartTheme.PrintWidth, int height = 480)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(data.BinWidth);
        var w = data.BinWidth;
        using var plot = ChartTheme.NewPlot();

        // Bin k holds values in [k·w; (k+1)·w). The value is rounded to 9 decimals first so that, say,
        // 77.49999999999 from floating-point arithmetic on a 77,5 does not fall one bin short.
        var counts = data.Values.GroupBy(v => (long)Math.Floor(Math.Round(v / w, 9))).ToDictionary(g => g.Key, g => g.Count());
        var edges = data.Values.Concat(data.Thresholds.Select(t => t.Value)).ToList();
        // One empty bin of margin each side of the data and the thresholds.
        var first = edges.Count == 0 ? 0 : (long)Math.Floor(Math.Round(edges.Min() / w, 9)) - 1;
        var last = edges.Count == 0 ? 10 : (long)Math.Floor(Math.Round(edges.Max() / w, 9)) + 1;

        ChartTheme.AddThresholds(plot, data.Thresholds, vertical: true);
        var bars = counts.Select(c => new Bar
        {
            Position = (c.Key + 0.5) * w,
            Value = c.Value,
            Size = w * 0.9,
            FillColor = ChartTheme.Primary,
            LineWidth = 0,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.IsVisible = false;

        var left = first * w;
        var right = (last + 1) * w;
        var labels = bars.Select(b => data.FormatCount(b.Value)).ToList();
        // Counts over the bars (and over the threshold lines), when each fits over its bar: with many narrow
        // bins and counts in the thousands they would run into each other, and the count axis must do.
        var binWidth = (ChartTheme.PrintWidth - PlotMargins) * w / (right - left);
        var fits = labels.All(l => ChartTheme.TextWidth(l, ChartTheme.TextSize) + 4 <= binWidth);
        for (var i = 0; i < bars.Count && fits; i++)
        {
            var bar = bars[i];
            var label = plot.Add.Text(labels[i], bar.Position, bar.Value);
            label.LabelFontSize = ChartTheme.TextSize;
            label.LabelFontColor = ChartTheme.Ink;
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelOffsetY = -3;
            label.LabelBackgroundColor = Colors.White;
        }

        var step = TickStep(right - left, w);
        var firstTick = Math.Ceiling(left / step) * step;
        // No tick on the right edge itself, where its label would be cut in half.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, (int)Math.Floor((right - firstTick) / step) + 1).Select(i => firstTick + i * step)
                .Where(v => v < right - w / 2).Select(v => new Tick(v, data.FormatTick(v))).ToArray());
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = data.AxisLabel;

        var most = counts.Count == 0 ? 1 : counts.Values.Max();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = data.FormatCount,
            MinorTickGenerator = new ScottPlot.TickGenerators.EvenlySpacedMinorTickGenerator(1),
        };
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = data.CountAxisLabel;
        plot.Grid.XAxisStyle.IsVisible = false;

        ChartTheme.Title(plot, data.Title);
        if (data.Thresholds.Count > 0)
        {
            ChartTheme.LegendBelow(plot);
        }
        // Headroom over the tallest bar for its count.
        plot.Axes.SetLimits(left, right, 0, Math.Max(most * 1.18, most + 1));
        return ChartTheme.Png(plot, width, height);
    }

    /// <summary>A tick step that is a whole number of bins and a round number, with at most about twelve ticks.</summary>
    private static double TickStep(double span, double binWidth)
    {
        foreach (var bins in new[] { 1, 2, 4, 5, 10, 20, 40, 50, 100 })
        {
            if (span / (bins * binWidth) <= 12)
            {
                return bins * binWidth;
            }
        }
        return span / 10;
    }
}
