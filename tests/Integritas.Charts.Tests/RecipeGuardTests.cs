using static Integritas.Charts.Tests.Seeded;

namespace Integritas.Charts.Tests;

/// <summary>What the recipes refuse: data that cannot be drawn truthfully, named in the message.</summary>
public class RecipeGuardTests
{
    [Fact]
    public void AreaRadarChart_SeriesWithTooFewValues_ThrowsNamingTheSeries()
    {
        var data = new AreaRadarChart.Data("Radar", ["MP", "TT", "SDM"], [new("2025", [70, 80])], AreaMinimums, Percent, PercentTick);

        var error = Assert.Throws<ArgumentException>(() => AreaRadarChart.Render(data));

        Assert.Contains("'2025' has 2 values for 3 axes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AreaHeatmapChart_RowWithTooManyValues_ThrowsNamingTheRow()
    {
        var data = new AreaHeatmapChart.Data("Heatmap", ["MP", "TT"], [new("Unit A", [70, 80, 90])], AreaMinimums, "%", Percent, PercentTick);

        var error = Assert.Throws<ArgumentException>(() => AreaHeatmapChart.Render(data));

        Assert.Contains("'Unit A' has 3 values for 2 columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TotalsDistributionChart_ZeroBinWidth_Throws()
    {
        var data = new TotalsDistributionChart.Data("Sebaran", "Nilai", "Unit", [80], 0, TotalMinimums, Score, Score);

        Assert.Throws<ArgumentOutOfRangeException>(() => TotalsDistributionChart.Render(data));
    }

    [Fact]
    public void RankingBarChart_NoHeightGiven_SizesThePictureFromTheBarCount()
    {
        var bars = Units(30).Select(u => new RankedBar(u.Name, u.Total, RankingBarChartSamples.Status(u))).ToList();
        var data = new RankingBarChart.Data("Peringkat", "Nilai", bars, TotalMinimums, RankingBarChartSamples.Labels, Score, Score);

        var bytes = RankingBarChart.Render(data, width: 1200);

        Assert.Equal((2400, (int)Math.Round(RankingBarChart.HeightFor(30) * 1.5) * 2), Png.Size(bytes));
    }
}
