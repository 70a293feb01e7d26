using ScottPlot;

namespace Integritas.Charts;

/// <summary>
/// One unit's areas (% of weight) as a filled polygon on a radar, against reference polygons at the WBK
/// and WBBM minimums, optionally with a comparison outline (e.g. last year). Each axis is labelled with its
/// short name and the first series' value, so the numbers can be read in print.
/// </summary>
public static class AreaRadarChart
{
    /// <param name="Title">The chart's title.</param>
    /// <param name="Axes">Short category names clockwise from the top (e.g. "MP", "TT", …).</param>
    /// <param name="Series">The first is filled and its values are written by the axes; later ones are outlines. Each has one value per axis; an empty one is left out.</param>
    /// <param name="References">Drawn as dashed polygons at their value on every axis, named in the legend.</param>
    /// <param name="FormatValue">Writes the first series' value under each axis name (e.g. "81,2%").</param>
    /// <param name="FormatTick">Writes the rings, at multiples of 20 (e.g. "80%").</param>
    public sealed record Data(
        string Title,
        IReadOnlyList<string> Axes,
        IReadOnlyList<ValueSeries> Series,
        IReadOnlyList<ThresholdLine> References,
        Func<double, string> FormatValue,
        Func<double, string> FormatTick);

    /// <summary>Values are drawn on a radius of 100 (a full area); a value over 100 stretches the scale.</summary>
    private const double FullScale = 100;

    /// <summary>Axis labels sit this far out, as a fraction of the full radius.</summary>
    private const double LabelRadius = 1.1;

    public static byte[] Render(Data data, int width = ChartTheme.PrintWidth, int height = 680)
    {
        var count = data.Axes.Count;
        var series = data.Series.Where(s => s.Values.Count > 0).ToList();
        foreach (var s in series.Where(s => s.Values.Count != count))
        {
            throw new ArgumentException($"Series '{s.Label}' has {s.Values.Count} values for {count} axes.", nameof(data));
        }
        using var plot = ChartTheme.NewPlot();
        var scale = Math.Max(FullScale, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());

        Coordinates At(int axis, double value)
        {
            // Clockwise from the top, as a reader goes round a clock face.
            var angle = Math.PI / 2 - 2 * Math.PI * axis / Math.Max(count, 1);
            var r = Math.Max(0, value) / scale;
            return new Coordinates(r * Math.Cos(angle), r * Math.Sin(angle));
        }
        Coordinates[] Ring(Func<int, double> value) => Enumerable.Range(0, count).Select(i => At(i, value(i))).ToArray();

        DrawGrid(plot, count, scale, At, Ring);

        foreach (var reference in data.References)
        {
            var polygon = plot.Add.Polygon(Ring(_ => reference.Value));
            polygon.FillStyle.Color = Colors.Transparent;
            polygon.LineStyle = new LineStyle(2, ChartTheme.ThresholdColor(reference.Style), LinePattern.Dashed);
        }

        for (var s = series.Count - 1; s >= 0; s--)
        {
            // Drawn last to first so the main series lies on top.
            var color = SeriesColor(s);
            var polygon = plot.Add.Polygon(Ring(i => series[s].Values[i]));
            polygon.FillStyle.Color = s == 0 ? color.WithAlpha(0.22) : Colors.Transparent;
            polygon.LineStyle = new LineStyle(s == 0 ? 3 : 2, color);
            polygon.MarkerStyle = new MarkerStyle(SeriesMarker(s), 9, color);
        }

        WriteRings(plot, data, scale, At);

        for (var i = 0; i < count; i++)
        {
            var text = series.Count > 0 ? data.Axes[i] + "\n" + data.FormatValue(series[0].Values[i]) : data.Axes[i];
            var label = plot.Add.Text(text, At(i, scale * LabelRadius));
            label.LabelFontSize = ChartTheme.TextSize;
            label.LabelFontColor = ChartTheme.Ink;
            label.LabelAlignment = LabelAlignment(At(i, scale));
            ChartTheme.Bold(label.LabelStyle);
        }

        ChartTheme.Title(plot, data.Title);
        // Series first, in the order given, then the references: drawing order is the other way round.
        ChartTheme.LegendBelow(plot, [
            .. series.Select((s, i) => ChartTheme.LegendLine(s.Label, SeriesColor(i), i == 0 ? 3 : 2, marker: SeriesMarker(i), fill: i == 0 ? SeriesColor(i).WithAlpha(0.22) : null)),
            .. data.References.Select(r => ChartTheme.LegendLine(r.Label, ChartTheme.ThresholdColor(r.Style), pattern: LinePattern.Dashed)),
        ]);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.IsVisible = false;
        }
        plot.HideGrid();
        // Room above and below for the two-line labels at the top and bottom axes.
        plot.Axes.SetLimits(-1.5, 1.5, -1.4, 1.48);
        plot.Axes.SquareUnits();
        return ChartTheme.Png(plot, width, height);
    }

    /// <summary>Spokes and rings every 20.</summary>
    private static void DrawGrid(Plot plot, int count, double scale, Func<int, double, Coordinates> at, Func<Func<int, double>, Coordinates[]> ring)
    {
        for (var i = 0; i < count; i++)
        {
            var spoke = plot.Add.Line(new Coordinates(0, 0), at(i, scale));
            spoke.LineStyle = new LineStyle(1, ChartTheme.Grid);
        }
        for (var value = 20.0; value <= scale; value += 20)
        {
            var v = value;
            var polygon = plot.Add.Polygon(ring(_ => v));
            polygon.FillStyle.Color = Colors.Transparent;
            polygon.LineStyle = new LineStyle(1, ChartTheme.Grid);
        }
    }

    /// <summary>Each ring's value on the spoke at the top, over the series.</summary>
    private static void WriteRings(Plot plot, Data data, double scale, Func<int, double, Coordinates> at)
    {
        for (var value = 20.0; value <= scale; value += 20)
        {
            var tick = plot.Add.Text(data.FormatTick(value), at(0, value));
            tick.LabelFontSize = ChartTheme.TextSize;
            tick.LabelFontColor = ChartTheme.Muted;
            // Left of the top spoke, on a veil of white so a series line passing behind does not hide it.
            tick.LabelAlignment = Alignment.LowerRight;
            tick.LabelOffsetX = -4;
            tick.LabelBackgroundColor = Colors.White.WithAlpha(0.75);
        }
    }

    private static Color SeriesColor(int index) => ChartTheme.Series[index % ChartTheme.Series.Length];

    private static MarkerShape SeriesMarker(int index) => ChartTheme.SeriesMarkers[index % ChartTheme.SeriesMarkers.Length];

    /// <summary>Labels right of the centre hang to the right, left ones to the left, top and bottom ones centred.</summary>
    private static Alignment LabelAlignment(Coordinates tip) =>
        (Math.Abs(tip.X) < 0.05, tip.X > 0, tip.Y > 0) switch
        {
            (true, _, true) => Alignment.LowerCenter,
            (true, _, false) => Alignment.UpperCenter,
            (false, true, _) => Alignment.MiddleLeft,
            (false, false, _) => Alignment.MiddleRight,
        };
}
