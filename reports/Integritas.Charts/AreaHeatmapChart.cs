using ScottPlot;

namespace Integritas.Charts;

/// <summary>
/// Units (rows) by areas (columns), each cell coloured by its value (% of the area weight) and the value
/// written in it. The colour scale is banded by the thresholds: reds under the lowest (an area short of
/// WBK stands out, its value in bold), pale amber up to the next, greens above; a colour bar under the grid
/// explains it.
/// </summary>
public static class AreaHeatmapChart
{
    /// <param name="Title">The chart's title.</param>
    /// <param name="Columns">Short column names (e.g. "MP", "TT", …), written above the grid.</param>
    /// <param name="Rows">Top to bottom in this order, each with one value per column (null when missing, drawn grey with a dash). Labels over 38 characters are shortened.</param>
    /// <param name="Thresholds">Where the colour bands change; marked on the colour bar.</param>
    /// <param name="ScaleLabel">Under the colour bar (e.g. "Nilai area (% bobot)").</param>
    /// <param name="FormatValue">
    /// Writes a cell (e.g. "81,2"; the colour bar's label gives the unit). Cut decimals rather than round them,
    /// or a cell coloured as under a minimum can read as meeting it (59,99 rounded to one decimal is "60,0").
    /// </param>
    /// <param name="FormatTick">Writes the colour bar's ticks (e.g. "60%").</param>
    public sealed record Data(
        string Title,
        IReadOnlyList<string> Columns,
        IReadOnlyList<HeatmapRow> Rows,
        IReadOnlyList<ThresholdLine> Thresholds,
        string ScaleLabel,
        Func<double, string> FormatValue,
        Func<double, string> FormatTick);

    /// <summary>Layout units per row: a 10 pt value with a little air.</summary>
    public const int RowHeight = 22;

    /// <summary>Title, column names, colour bar and margins around the grid.</summary>
    private const int Chrome = 200;

    private const int LabelChars = 38;

    /// <summary>The colour scale runs over a whole area: 0 to 100% of its weight.</summary>
    private const double ScaleMax = 100;

    /// <summary>The layout height (at <see cref="ChartTheme.PrintWidth"/>) that gives each of <paramref name="rows"/> rows its height.</summary>
    public static int HeightFor(int rows) => Chrome + Math.Max(rows, 3) * RowHeight;

    /// <summary>
    /// Renders the grid; <paramref name="height"/> defaults to <see cref="HeightFor"/> the number of rows (in
    /// proportion to <paramref name="width"/>), which keeps every row legible.
    /// </summary>
    public static byte[] Render(Data data, int width = ChartTheme.PrintWidth, int? height = null)
    {
        var columns = data.Columns.Count;
        var rows = data.Rows.Count;
        foreach (var row in data.Rows.Where(r => r.Values.Count != columns))
        {
            throw new ArgumentException($"Row '{row.Label}' has {row.Values.Count} values for {columns} columns.", nameof(data));
        }
        using var plot = ChartTheme.NewPlot();
        var colormap = new BandedColormap(data.Thresholds.Select(t => t.Value).Order().ToArray(), ScaleMax);

        if (rows > 0 && columns > 0)
        {
            var intensities = new double[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    intensities[r, c] = data.Rows[r].Values[c] ?? double.NaN;
                }
            }
            var heatmap = plot.Add.Heatmap(intensities);
            heatmap.Colormap = colormap;
            heatmap.ManualRange = new ScottPlot.Range(0, ScaleMax);
            heatmap.NaNCellColor = Missing;
            // Left at its default place, row 0 of the array is drawn at the top and cell (r, c) is centred on
            // (c, rows - 1 - r). (An explicit extent is one cell short by design and divides by zero for one row.)
            WriteCells(plot, data, colormap);
            AddColorBar(plot, heatmap, data);
        }
        DrawCellBorders(plot, rows, columns);

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            data.Rows.Select((r, i) => new Tick(rows - 1 - i, ChartTheme.Shorten(r.Label, LabelChars))).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.FrameLineStyle.Width = 0;
        // Column names on top, as a table's header.
        plot.Axes.Top.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            data.Columns.Select((c, i) => new Tick(i, c)).ToArray());
        plot.Axes.Top.MajorTickStyle.Length = 0;
        plot.Axes.Top.IsVisible = true;
        ChartTheme.Bold(plot.Axes.Top.TickLabelStyle);
        plot.Axes.Bottom.IsVisible = false;
        // Room for the colour bar's last tick label, centred on the grid's right edge.
        plot.Axes.Right.MinimumSize = 30;
        plot.Axes.Bottom.FrameLineStyle.Width = 0;
        plot.HideGrid();
        ChartTheme.Title(plot, data.Title);
        plot.Axes.SetLimits(-0.5, Math.Max(columns, 1) - 0.5, -0.5, Math.Max(rows, 1) - 0.5);
        // The top axis has a range of its own: give it the grid's, or the column names fall outside it.
        plot.Axes.SetLimitsX(-0.5, Math.Max(columns, 1) - 0.5, plot.Axes.Top);
        return ChartTheme.Png(plot, width, height ?? (int)Math.Round((double)HeightFor(rows) * width / ChartTheme.PrintWidth));
    }

    private static readonly Color Missing = Color.FromHex("#E5E7EB");

    private static void WriteCells(Plot plot, Data data, BandedColormap colormap)
    {
        var rows = data.Rows.Count;
        var lowest = data.Thresholds.Count > 0 ? data.Thresholds.Min(t => t.Value) : double.NegativeInfinity;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < data.Columns.Count; c++)
            {
                var value = data.Rows[r].Values[c];
                var text = plot.Add.Text(value is { } v ? data.FormatValue(v) : "\u2013", c, rows - 1 - r);
                text.LabelFontSize = ChartTheme.TextSize;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = value is { } w && IsDark(colormap.At(w)) ? Colors.White : ChartTheme.Ink;
                if (value < lowest)
                {
                    // Bold too, so a shortfall stands out in a black-and-white print where the red does not.
                    ChartTheme.Bold(text.LabelStyle);
                }
            }
        }
    }

    /// <summary>White lines between the cells, so a row can be followed across the page.</summary>
    private static void DrawCellBorders(Plot plot, int rows, int columns)
    {
        for (var c = 1; c < columns; c++)
        {
            plot.Add.Line(c - 0.5, -0.5, c - 0.5, rows - 0.5).LineStyle = new LineStyle(2, Colors.White);
        }
        for (var r = 1; r < rows; r++)
        {
            plot.Add.Line(-0.5, r - 0.5, columns - 0.5, r - 0.5).LineStyle = new LineStyle(2, Colors.White);
        }
    }

    private static void AddColorBar(Plot plot, ScottPlot.Plottables.Heatmap heatmap, Data data)
    {
        var bar = plot.Add.ColorBar(heatmap, Edge.Bottom);
        bar.Width = 14;
        bar.Label = data.ScaleLabel;
        bar.LabelStyle.FontSize = ChartTheme.TextSize;
        bar.LabelStyle.ForeColor = ChartTheme.Ink;
        var ticks = new[] { 0.0, ScaleMax }.Concat(data.Thresholds.Select(t => t.Value)).Distinct().Order();
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.Select(t => new Tick(t, data.FormatTick(t))).ToArray());
        bar.Axis.TickLabelStyle.FontSize = ChartTheme.TextSize;
        bar.Axis.TickLabelStyle.ForeColor = ChartTheme.Ink;
    }

    /// <summary>Relative luminance under one half: white text reads better on it than ink.</summary>
    private static bool IsDark(Color color) => 0.2126 * color.R + 0.7152 * color.G + 0.0722 * color.B < 140;

    /// <summary>
    /// Colours by band: under the first threshold from dark red (0) to light red, so the worst cells are the
    /// darkest; then pale amber, nearly flat so no cell of it outshines the band above; then pale to stronger
    /// green. Band edges are sharp on purpose: a cell just under a minimum must not look like one just over it.
    /// </summary>
    private sealed class BandedColormap(double[] thresholds, double max) : IColormap
    {
        private static readonly (Color From, Color To)[] Ramps =
        [
            (Color.FromHex("#991B1B"), Color.FromHex("#FCA5A5")),
            (Color.FromHex("#FEF3C7"), Color.FromHex("#FDE68A")),
            (Color.FromHex("#DCFCE7"), Color.FromHex("#4ADE80")),
            (Color.FromHex("#DBEAFE"), Color.FromHex("#60A5FA")),
        ];

        public string Name => "Integritas banded";

        /// <summary>The colour of a value (not a 0–1 position).</summary>
        public Color At(double value) => GetColor(value / max);

        public Color GetColor(double position)
        {
            var value = Math.Clamp(position, 0, 1) * max;
            var edges = thresholds.Prepend(0).Append(max).ToArray();
            var band = Math.Min(Array.FindLastIndex(edges, e => value >= e), edges.Length - 2);
            // Without thresholds the one band is a plain sequential scale.
            var (from, to) = thresholds.Length == 0 ? (Color.FromHex("#DBEAFE"), ChartTheme.Primary) : Ramps[Math.Min(band, Ramps.Length - 1)];
            var fraction = edges[band + 1] > edges[band] ? (value - edges[band]) / (edges[band + 1] - edges[band]) : 0;
            return from.MixedWith(to, fraction);
        }
    }
}
