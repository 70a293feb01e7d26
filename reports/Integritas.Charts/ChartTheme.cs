using ScottPlot;
using SkiaSharp;

namespace Integritas.Charts;

/// <summary>
/// The one look every chart shares: the embedded DejaVu Sans (so a machine without fonts draws the same
/// picture), a restrained palette, and print resolution (drawn at twice the screen scale).
/// </summary>
public static class ChartTheme
{
    public const string FontName = "DejaVu Sans";

    /// <summary>Pixels of the PNG per layout unit; 2 gives about 190 dpi at 16 cm wide.</summary>
    public const double Scale = 2;

    public static readonly Color Ink = Color.FromHex("#1F2933");
    public static readonly Color Muted = Color.FromHex("#7B8794");
    public static readonly Color Grid = Color.FromHex("#E4E7EB");
    public static readonly Color Primary = Color.FromHex("#1F5F8B");
    public static readonly Color Secondary = Color.FromHex("#9FB3C8");
    public static readonly Color Wbk = Color.FromHex("#D97706");
    public static readonly Color Wbbm = Color.FromHex("#15803D");
    public static readonly Color Alert = Color.FromHex("#B91C1C");

    /// <summary>Series colours in order, distinguishable in print.</summary>
    public static readonly Color[] Series =
    [
        Color.FromHex("#1F5F8B"), Color.FromHex("#D97706"), Color.FromHex("#15803D"), Color.FromHex("#7C3AED"),
        Color.FromHex("#B91C1C"), Color.FromHex("#0E7490"), Color.FromHex("#A16207"), Color.FromHex("#4B5563"),
    ];

    private static readonly Lock Gate = new();
    private static bool _fontsRegistered;

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
        plot.Axes.Title.Label.FontSize = 15;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Ink;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = 12;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Ink;
            axis.TickLabelStyle.FontSize = 11;
            axis.TickLabelStyle.ForeColor = Ink;
        }
        return plot;
    }

    /// <summary>Renders to PNG bytes at print resolution; width and height are layout units (pixels at scale 1).</summary>
    public static byte[] Png(Plot plot, int width, int height) =>
        plot.GetImageBytes((int)(width * Scale), (int)(height * Scale), ImageFormat.Png);

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
