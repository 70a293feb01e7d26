namespace Integritas.Charts.Tests;

public class ChartThemeTests
{
    /// <summary>A4 less 2 cm margins top and bottom: the tallest picture a report page holds.</summary>
    private const double A4TextHeightCm = 29.7 - 4;

    private static double HeightCm(int layoutHeight) => layoutHeight * ChartTheme.PrintWidthCm / ChartTheme.PrintWidth;

    [Fact]
    public void Points_TenPointsAtSixteenCentimetres_IsAboutEighteenLayoutUnits()
    {
        // 16 cm is 453.5 pt across 800 layout units.
        Assert.Equal(17.64, ChartTheme.Points(10), 2);
    }

    [Fact]
    public void TextSizes_EveryOne_IsAtLeastTenPointsInPrint()
    {
        Assert.All([ChartTheme.TextSize, ChartTheme.AxisLabelSize, ChartTheme.TitleSize],
            size => Assert.True(size >= ChartTheme.Points(ChartTheme.MinimumTextPoints), $"{size} layout units is under 10 pt."));
    }

    [Fact]
    public void NewPlot_AxisTickLabels_AreAtLeastTenPointsInPrint()
    {
        using var plot = ChartTheme.NewPlot();

        Assert.All(plot.Axes.GetAxes(), axis => Assert.True(axis.TickLabelStyle.FontSize >= ChartTheme.Points(ChartTheme.MinimumTextPoints)));
    }

    [Fact]
    public void Png_TwiceThePrintWidth_IsTheSameLayoutAtTwiceTheResolution()
    {
        using var plot = ChartTheme.NewPlot();

        var bytes = ChartTheme.Png(plot, 2 * ChartTheme.PrintWidth, 600);

        Assert.Equal((4 * ChartTheme.PrintWidth, 1200), Png.Size(bytes));
        Assert.Equal(2 * ChartTheme.Scale, plot.ScaleFactor);
    }

    [Fact]
    public void Wrap_LongestAreaName_BreaksAtASpaceIntoTwoLines()
    {
        Assert.Equal("Penataan Sistem Manajemen\nSDM Aparatur", ChartTheme.Wrap("Penataan Sistem Manajemen SDM Aparatur", 26));
    }

    [Fact]
    public void Wrap_ShortLabel_IsUnchanged()
    {
        Assert.Equal("Manajemen Perubahan", ChartTheme.Wrap("Manajemen Perubahan", 26));
    }

    [Fact]
    public void Shorten_NameOverTheLimit_EndsInAnEllipsisWithinTheLimit()
    {
        var shortened = ChartTheme.Shorten("Balai Pengelolaan Sumber Daya Kalimantan Tengah", 38);

        Assert.Equal(38, shortened.Length);
        Assert.EndsWith("\u2026", shortened, StringComparison.Ordinal);
    }

    [Fact]
    public void RankingBarChart_HeightForFortyFiveBars_FitsAnA4Page()
    {
        var cm = HeightCm(RankingBarChart.HeightFor(45));

        Assert.True(cm <= A4TextHeightCm, $"{cm:0.0} cm");
    }

    [Fact]
    public void AreaHeatmapChart_HeightForFortyFiveRows_FitsAnA4Page()
    {
        var cm = HeightCm(AreaHeatmapChart.HeightFor(45));

        Assert.True(cm <= A4TextHeightCm, $"{cm:0.0} cm");
    }
}
