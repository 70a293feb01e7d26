using ScottPlot;

namespace Integritas.Charts;

/// <summary>
/// Horizontal bars of a percentage per category (e.g. each area's score as % of its weight) against
/// threshold lines (60% WBK, 75% WBBM), with each bar's value written at its end. A bar under the lowest
/// threshold is drawn in the alert colour.
/// </summary>
public static class AttainmentBarChart
{
    /// <param name="Title">The chart's title.</param>
    /// <param name="AxisLabel">Under the percentage axis.</param>
    /// <param name="Bars">Top to bottom in this order; labels longer than two dozen characters are wrapped.</param>
    /// <param name="Thresholds">Dashed lines named in the legend; a bar under the lowest is drawn in the alert colour.</param>
    /// <param name="FormatValue">Writes a bar's value (e.g. "81,2%").</param>
    /// <param name="FormatTick">Writes the axis ticks, which fall on multiples of 20 (e.g. "80%"); the value format when not given.</param>
    public sealed record Data(
        string Title,
        string AxisLabel,
        IReadOnlyList<LabeledValue> Bars,
        IReadOnlyList<ThresholdLine> Thresholds,
        Func<double, string> FormatValue,
        Func<double, string>? FormatTick = null);

    /// <summary>Category labels longer than this are wrapped, so the longest area name takes two lines, not half the width.</summary>
    private const int LabelChars = 26;

    public static byte[] Render(Data data, int width = ChartTheme.PrintWidth, int height = 460)
    {
        using var plot = ChartTheme.NewPlot();
        var count = data.Bars.Count;
        var lowest = data.Thresholds.Count > 0 ? data.Thresholds.Min(t => t.Value) : double.NegativeInfinity;
        var bars = new List<Bar>();
        for (var i = 0; i < count; i++)
        {
            var item = data.Bars[i];
            bars.Add(new Bar
            {
                // Top to bottom in the order given.
                Position = count - 1 - i,
                Value = item.Value,
                FillColor = item.Value < lowest ? ChartTheme.Alert : ChartTheme.Primary,
                LineWidth = 0,
                Size = 0.62,
                Label = data.FormatValue(item.Value),
                Orientation = Orientation.Horizontal,
            });
        }
        var plottable = plot.Add.Bars(bars);
        // The bars' labels are written after the thresholds, over both (see AddValueLabels).
        plottable.ValueLabelStyle.IsVisible = false;
        plottable.Horizontal = true;
        ChartTheme.AddThresholds(plot, data.Thresholds, vertical: true);
        AddValueLabels(plot, bars);

        var labels = data.Bars.Select(b => ChartTheme.Wrap(b.Label, LabelChars)).ToList();
        var ticks = labels.Select((l, i) => new Tick(count - 1 - i, l)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = data.AxisLabel;

        var largest = Math.Max(100, count == 0 ? 0 : data.Bars.Max(b => b.Value));
        var max = ChartTheme.BarAxisMax(largest, labels, bars.Select(b => b.Label));
        var formatTick = data.FormatTick ?? data.FormatValue;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, (int)(largest / 20) + 1).Select(i => new Tick(i * 20, formatTick(i * 20))).ToArray());
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        ChartTheme.Title(plot, data.Title);
        if (data.Thresholds.Count > 0)
        {
            ChartTheme.LegendBelow(plot);
        }
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Axes.SetLimits(0, max, -0.6, Math.Max(count, 1) - 0.4);
        return ChartTheme.Png(plot, width, height);
    }

    /// <summary>
    /// Each horizontal bar's label (its value) written just right of its end, on white. Called after the
    /// threshold lines are added (and those after the bars, whose own labels are hidden), so a line shows
    /// across the bars yet never crosses out a number.
    /// </summary>
    private static void AddValueLabels(Plot plot, IEnumerable<Bar> bars)
    {
        foreach (var bar in bars)
        {
            var text = plot.Add.Text(bar.Label, bar.Value, bar.Position);
            text.LabelFontSize = ChartTheme.TextSize;
            text.LabelFontColor = ChartTheme.Ink;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.LabelOffsetX = 4;
            text.LabelBackgroundColor = Colors.White;
            text.LabelPadding = 1;
        }
    }
}
