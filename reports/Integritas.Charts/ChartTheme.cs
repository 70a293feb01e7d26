using ScottPlot;
using SkiaSharp;

namespace Integritas.Charts;

/// <summary>
/// The one look every chart shares: the embedded DejaVu Sans (so a machine without fonts draws the same
/// picture), a restrained palette, and print resolution (drawn at twice the screen scale).
/// </summary>
/// <remarks>
/// Print contract: a chart is laid out <see cref="PrintWidth"/> layout units wide and meant to be placed
/// <see cref="PrintWidthCm"/> cm wide in a Word report, so text sizes are chosen in points at that size
/// (<see cref="Points"/>) and no text is under 10 pt. A caller asking for another width gets the same
/// layout at another resolution (<see cref="Png"/>), so the text stays 10 pt at 16 cm whatever the width.
/// </remarks>
public static class ChartTheme
{
    public const string FontName = "DejaVu Sans";

    /// <summary>Pixels of the PNG per layout unit at <see cref="PrintWidth"/>; 2 gives about 250 dpi at 16 cm wide.</summary>
    public const double Scale = 2;

    /// <summary>Layout units across a chart: the default width of every recipe.</summary>
    public const int PrintWidth = 800;

    /// <summary>How wide a chart is placed in a report (A4 with 2.5 cm margins leaves 16 cm).</summary>
    public const double PrintWidthCm = 16;

    /// <summary>The smallest text in any chart, in points at <see cref="PrintWidthCm"/>.</summary>
    public const double MinimumTextPoints = 10;

    public static readonly Color Ink = Color.FromHex("#1F2933");
    public static readonly Color Muted = Color.FromHex("#7B8794");
    public static readonly Color Grid = Color.FromHex("#E4E7EB");
    public static readonly Color Primary = Color.FromHex("#1F5F8B");
    public static readonly Color Secondary = Color.FromHex("#9FB3C8");
    public static readonly Color Wbk = Color.FromHex("#D97706");
    public static readonly Color Wbbm = Color.FromHex("#15803D");
    public static readonly Color Alert = Color.FromHex("#B91C1C");

    /// <summary>
    /// Series colours in order, distinguishable in print and kept clear of the WBK orange, WBBM green and
    /// alert red, which always mean a threshold or a shortfall.
    /// </summary>
    public static readonly Color[] Series =
    [
        Color.FromHex("#1F5F8B"), Color.FromHex("#7C3AED"), Color.FromHex("#0E7490"), Color.FromHex("#BE185D"),
        Color.FromHex("#8B5E34"), Color.FromHex("#4B5563"), Color.FromHex("#60A5FA"), Color.FromHex("#C084FC"),
    ];

    /// <summary>Marker shapes in the order of <see cref="Series"/>, so series stay apart in black and white.</summary>
    public static readonly MarkerShape[] SeriesMarkers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond,
    ];

    /// <summary>Tick labels, value labels and legends.</summary>
    public static readonly float TextSize = Points(MinimumTextPoints);

    /// <summary>Axis titles.</summary>
    public static readonly float AxisLabelSize = Points(10.5);

    /// <summary>The chart's title.</summary>
    public static readonly float TitleSize = Points(12);

    /// <summary>About as many 12 pt bold characters as fit across the figure.</summary>
    private const int TitleChars = 58;

    private static readonly Lock Gate = new();
    private static bool _fontsRegistered;

    /// <summary>Layout units for a text size in points when the chart is placed <see cref="PrintWidthCm"/> cm wide.</summary>
    public static float Points(double points) => (float)(points * PrintWidth / (PrintWidthCm / 2.54 * 72));

    /// <summary>A new plot in the house style.</summary>
    public static Plot NewPlot()
    {
        RegisterFonts();
        var plot = new Plot { ScaleFactor = Scale };
        plot.Font.Set(FontName);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Color(Ink);
        plot.Grid.MajorLineColor = Grid;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        // Room for half of a tick label centred on the plot's right edge ("100%"), which is otherwise cut.
        plot.Axes.Right.MinimumSize = 24;
        plot.Axes.Title.FullFigureCenter = true;
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.ForeColor = Ink;
        Bold(plot.Axes.Title.Label);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Ink;
            axis.TickLabelStyle.FontSize = TextSize;
            axis.TickLabelStyle.ForeColor = Ink;
        }
        return plot;
    }

    /// <summary>
    /// Renders to PNG bytes <paramref name="width"/> × <paramref name="height"/> times <see cref="Scale"/> pixels.
    /// The plot is always laid out <see cref="PrintWidth"/> units wide (and height in proportion): a wider
    /// picture is the same chart at a higher resolution, so its text keeps its size in print.
    /// </summary>
    public static byte[] Png(Plot plot, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        plot.ScaleFactor = Scale * width / PrintWidth;
        return plot.GetImageBytes((int)(width * Scale), (int)(height * Scale), ImageFormat.Png);
    }

    /// <summary>The title, centred on the figure and wrapped when longer than one line at 12 pt.</summary>
    internal static void Title(Plot plot, string text) => plot.Title(Wrap(text, TitleChars));

    /// <summary>The colour a threshold is drawn in, and what reaching it is coloured in.</summary>
    public static Color ThresholdColor(ThresholdStyle style) => style switch
    {
        ThresholdStyle.Wbk => Wbk,
        ThresholdStyle.Wbbm => Wbbm,
        _ => Muted,
    };

    /// <summary>
    /// Bold text in the embedded font. ScottPlot draws a label in its typeface when one is set (the plot's
    /// font sets it to the regular one), ignoring <see cref="LabelStyle.Bold"/>; so the bold face is set too.
    /// </summary>
    internal static void Bold(LabelStyle label)
    {
        RegisterFonts();
        label.Bold = true;
        label.FontName = FontName;
        label.Font = Fonts.GetTypeface(FontName, bold: true, italic: false);
    }

    /// <summary>A dashed line across the plot at each threshold, in its colour, named in the legend.</summary>
    internal static void AddThresholds(Plot plot, IEnumerable<ThresholdLine> thresholds, bool vertical)
    {
        foreach (var threshold in thresholds)
        {
            var color = ThresholdColor(threshold.Style);
            ScottPlot.Plottables.AxisLine line = vertical
                ? plot.Add.VerticalLine(threshold.Value, 2, color, LinePattern.Dashed)
                : plot.Add.HorizontalLine(threshold.Value, 2, color, LinePattern.Dashed);
            line.LegendText = threshold.Label;
        }
    }

    /// <summary>
    /// The legend under the plot, in as many columns as fit (see <see cref="LegendGridPanel"/>): the given
    /// items in order, or else those of the plottables in drawing order.
    /// </summary>
    internal static void LegendBelow(Plot plot, IReadOnlyList<LegendItem>? items = null)
    {
        plot.Legend.IsVisible = false;
        plot.Axes.AddPanel(new LegendGridPanel(plot, items));
    }

    /// <summary>A legend item for a line (its pattern shown) with an optional marker and fill.</summary>
    internal static LegendItem LegendLine(string label, Color color, float width = 2, LinePattern? pattern = null, MarkerShape marker = MarkerShape.None, Color? fill = null) => new()
    {
        LabelText = label,
        LineStyle = new LineStyle(width, color, pattern ?? LinePattern.Solid),
        MarkerStyle = marker == MarkerShape.None ? MarkerStyle.None : new MarkerStyle(marker, 9, color),
        FillStyle = new FillStyle { Color = fill ?? Colors.Transparent },
    };

    /// <summary>A legend item for a filled bar or cell.</summary>
    internal static LegendItem LegendBox(string label, Color color) => new()
    {
        LabelText = label,
        LineStyle = new LineStyle(0, Colors.Transparent),
        MarkerStyle = MarkerStyle.None,
        FillStyle = new FillStyle { Color = color },
    };

    /// <summary>
    /// Breaks a long label into lines of at most <paramref name="maxChars"/> characters at spaces (a single
    /// longer word stays whole), so category names fit beside a plot at a legible size.
    /// </summary>
    public static string Wrap(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }

    /// <summary>The width in layout units of <paramref name="text"/> (its longest line) at <paramref name="size"/>.</summary>
    internal static float TextWidth(string text, float size)
    {
        RegisterFonts();
        var label = new LabelStyle { FontName = FontName, FontSize = size };
        using var paint = Paint.NewDisposablePaint();
        return label.Measure(text, paint).Width;
    }

    /// <summary>
    /// The value-axis maximum of a horizontal bar chart that leaves room right of the longest bar for its
    /// value label: the plot's width is what is left of <see cref="PrintWidth"/> after the category labels.
    /// </summary>
    internal static double BarAxisMax(double largest, IEnumerable<string> categoryLabels, IEnumerable<string> valueLabels)
    {
        const float Margins = 60;
        var categories = categoryLabels.Select(l => TextWidth(l, TextSize)).DefaultIfEmpty(0).Max();
        var values = valueLabels.Select(l => TextWidth(l, TextSize)).DefaultIfEmpty(0).Max() + 16;
        var plotWidth = Math.Max(PrintWidth / 3f, PrintWidth - categories - Margins);
        // The label room is a share of the plot: the axis is stretched so that share is left over.
        return largest / Math.Max(0.2, 1 - values / plotWidth);
    }

    /// <summary>Cuts a label to <paramref name="maxChars"/> characters with an ellipsis, for rows too many to wrap.</summary>
    public static string Shorten(string text, int maxChars) =>
        text.Length <= maxChars ? text : text[..(maxChars - 1)].TrimEnd() + "\u2026";

    private static void RegisterFonts()
    {
        lock (Gate)
        {
            if (_fontsRegistered)
            {
                return;
            }
            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            Fonts.Default = FontName;
            Fonts.Sans = FontName;
            _fontsRegistered = true;
        }
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private readonly SKTypeface _regular = Load("fonts/DejaVuSans.ttf");
        private readonly SKTypeface _bold = Load("fonts/DejaVuSans-Bold.ttf");

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, FontName, StringComparison.OrdinalIgnoreCase) ? (bold ? _bold : _regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        private static SKTypeface Load(string resource)
        {
            using var stream = typeof(ChartTheme).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded font {resource} is missing.");
            var data = SKData.Create(stream);
            return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Embedded font {resource} cannot be read.");
        }
    }
}
