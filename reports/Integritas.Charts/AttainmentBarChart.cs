using ScottPlot;

namespace Integritas.Charts;

/// <summary>
/// Horizontal bars of a percentage per category (e.g. each area's score as % of its weight) against
/// threshold lines (60% WBK, 75% WBBM), with each bar's value written at its end.
/// </summary>
public static class AttainmentBarChart
{
    public sealed record Data(string Title, string AxisLabel, IReadOnlyList<LabeledValue> Bars, IReadOnlyList<ThresholdLine> Thresholds, Func<double, string> FormatValue);

    public static byte[] Render(Data data, int width = 800, int height = 420)
    {
        using var plot = ChartTheme.NewPlot();
        var count = data.Bars.Count;
        var bars = new List<Bar>();
        for (var i = 0; i < count; i++)
        {
            var item = data.Bars[i];
            // Top to bottom in the order given.
            var position = count - 1 - i;
            var color = data.Thresholds.Count > 0 && item.Value < data.Thresholds.Min(t => t.Value) ? ChartTheme.Alert : ChartTheme.Primary;
            bars.Add(new Bar
            {
                Position = position,
                Value = item.Value,
                FillColor = color,
                LineWidth = 0,
                Size = 0.62,
                Label = data.FormatValue(item.Value),
                CenterLabel = true,
                Orientation = Orientation.Horizontal,
            });
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 11;
        plottable.ValueLabelStyle.Bold = true;
        plottable.ValueLabelStyle.ForeColor = Colors.White;
        plottable.ValueLabelStyle.FontName = ChartTheme.FontName;

        foreach (var threshold in data.Thresholds)
        {
            var line = plot.Add.VerticalLine(threshold.Value, 2, Color(threshold.Style), LinePattern.Dashed);
            line.LegendText = threshold.Label;
        }

        var ticks = Enumerable.Range(0, count).Select(i => new Tick(count - 1 - i, data.Bars[i].Label)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = data.AxisLabel;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = data.FormatValue };
        plot.Title(data.Title);
        if (data.Thresholds.Count > 0)
        {
            plot.Legend.FontSize = 10;
            plot.Legend.OutlineColor = ChartTheme.Grid;
            plot.ShowLegend(Edge.Bottom);
        }
        plot.Grid.YAxisStyle.IsVisible = false;
        var max = Math.Max(100, data.Bars.Count == 0 ? 100 : data.Bars.Max(b => b.Value) * 1.12);
        plot.Axes.SetLimits(0, max, -0.6, count - 0.4);
        return ChartTheme.Png(plot, width, height);
    }

    private static Color Color(ThresholdStyle style) => style switch
    {
        ThresholdStyle.Wbk => ChartTheme.Wbk,
        ThresholdStyle.Wbbm => ChartTheme.Wbbm,
        _ => ChartTheme.Muted,
    };
}
