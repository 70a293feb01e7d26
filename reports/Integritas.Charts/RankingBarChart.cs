using ScottPlot;

namespace Integritas.Charts;

/// <summary>
/// Many units ranked as horizontal bars (totals, or points still needed), each bar coloured by the unit's
/// readiness and its value written at its end, against dashed threshold lines. The height follows the number
/// of bars so every label stays at 10 pt: up to 45 bars fit an A4 page.
/// </summary>
public static class RankingBarChart
{
    /// <param name="Title">The chart's title.</param>
    /// <param name="AxisLabel">Under the value axis.</param>
    /// <param name="Bars">In any order: they are sorted by value. Labels over 38 characters are shortened with an ellipsis.</param>
    /// <param name="Thresholds">Dashed lines named in the legend (none for points needed).</param>
    /// <param name="StatusLabels">How the legend names each readiness; only those present are listed.</param>
    /// <param name="FormatValue">Writes a bar's value (e.g. "81,25").</param>
    /// <param name="FormatTick">Writes the axis ticks (e.g. "80").</param>
    /// <param name="LargestFirst">Largest value at the top (totals); false puts the smallest first (points needed).</param>
    public sealed record Data(
        string Title,
        string AxisLabel,
        IReadOnlyList<RankedBar> Bars,
        IReadOnlyList<ThresholdLine> Thresholds,
        ReadinessLabels StatusLabels,
        Func<double, string> FormatValue,
        Func<double, string> FormatTick,
        bool LargestFirst = true);

    /// <summary>Layout units per bar: a 10 pt label with a little air.</summary>
    public const int RowHeight = 22;

    /// <summary>Title, axis, legend and margins around the bars.</summary>
    private const int Chrome = 215;

    private const int LabelChars = 38;

    /// <summary>The layout height (at <see cref="ChartTheme.PrintWidth"/>) that gives each of <paramref name="bars"/> bars a row.</summary>
    public static int HeightFor(int bars) => Chrome + Math.Max(bars, 3) * RowHeight;

    /// <summary>
    /// Renders the ranking; <paramref name="height"/> defaults to <see cref="HeightFor"/> the number of bars (in
    /// proportion to <paramref name="width"/>), which keeps every row legible.
    /// </summary>
    public static byte[] Render(Data data, int width = ChartTheme.PrintWidth, int? height = null)
    {
        using var plot = ChartTheme.NewPlot();
        var sorted = data.LargestFirst ? data.Bars.OrderByDescending(b => b.Value).ToList() : data.Bars.OrderBy(b => b.Value).ToList();
        var count = sorted.Count;
        var bars = sorted.Select((b, i) => new Bar
        {
            // The first in order at the top.
            Position = count - 1 - i,
            Value = b.Value,
            FillColor = StatusColor(b.Status),
            LineWidth = 0,
            Size = 0.72,
            Label = data.FormatValue(b.Value),
            Orientation = Orientation.Horizontal,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        // The values are written in a column of their own below.
        plottable.ValueLabelStyle.IsVisible = false;
        plottable.Horizontal = true;
        ChartTheme.AddThresholds(plot, data.Thresholds, vertical: true);

        var labels = sorted.Select(b => ChartTheme.Shorten(b.Label, LabelChars)).ToList();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(labels.Select((l, i) => new Tick(count - 1 - i, l)).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = data.AxisLabel;
        plot.Grid.YAxisStyle.IsVisible = false;

        var largest = sorted.Select(b => b.Value).Concat(data.Thresholds.Select(t => t.Value)).DefaultIfEmpty(1).Max();
        var step = TickStep(largest);
        var lastTick = Math.Ceiling(largest / step) * step;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, (int)Math.Round(lastTick / step) + 1).Select(i => new Tick(i * step, data.FormatTick(i * step))).ToArray());
        plot.Axes.Bottom.MinorTickStyle.Length = 0;

        ChartTheme.Title(plot, data.Title);
        var statuses = new[] { Readiness.Wbbm, Readiness.Wbk, Readiness.NotReady }.Where(s => sorted.Any(b => b.Status == s));
        ChartTheme.LegendBelow(plot, [
            .. statuses.Select(s => ChartTheme.LegendBox(StatusLabel(data.StatusLabels, s), StatusColor(s))),
            .. data.Thresholds.Select(t => ChartTheme.LegendLine(t.Label, ChartTheme.ThresholdColor(t.Style), pattern: LinePattern.Dashed)),
        ]);
        var axisMax = Math.Max(lastTick, ChartTheme.BarAxisMax(largest, labels, bars.Select(b => b.Label)));
        // Values in a right-aligned column at the plot's edge, past every bar and threshold: read like a
        // table's last column, and never crossed by a threshold line however close a value is to it.
        foreach (var bar in bars)
        {
            var text = plot.Add.Text(bar.Label, axisMax, bar.Position);
            text.LabelFontSize = ChartTheme.TextSize;
            text.LabelFontColor = ChartTheme.Ink;
            text.LabelAlignment = Alignment.MiddleRight;
            text.LabelOffsetX = -4;
        }
        plot.Axes.SetLimits(0, axisMax, -0.6, Math.Max(count, 1) - 0.4);
        return ChartTheme.Png(plot, width, height ?? (int)Math.Round((double)HeightFor(count) * width / ChartTheme.PrintWidth));
    }

    public static Color StatusColor(Readiness status) => status switch
    {
        Readiness.Wbbm => ChartTheme.Wbbm,
        Readiness.Wbk => ChartTheme.Wbk,
        _ => ChartTheme.Secondary,
    };

    private static string StatusLabel(ReadinessLabels labels, Readiness status) => status switch
    {
        Readiness.Wbbm => labels.Wbbm,
        Readiness.Wbk => labels.Wbk,
        _ => labels.NotReady,
    };

    /// <summary>A round tick step giving at most six ticks from 0 to <paramref name="largest"/>, as many as fit beside long unit names.</summary>
    private static double TickStep(double largest)
    {
        foreach (var step in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 })
        {
            if (largest / step <= 5)
            {
                return step;
            }
        }
        return Math.Pow(10, Math.Ceiling(Math.Log10(largest / 5)));
    }
}
