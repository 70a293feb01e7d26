namespace Integritas.Analytics.Tests;

public class ProjectionTests
{
    [Fact]
    public void Next_AddsHalfTheMeanYearlyChange()
    {
        Assert.Equal(85m, Projection.Next([(2022, 60m), (2023, 70m), (2024, 80m)], 2025, 100m));
    }

    [Fact]
    public void Next_UsesTheLastThreeChangesOnly()
    {
        // Changes 50, 10, 10, 10: the first is beyond the window.
        Assert.Equal(85m, Projection.Next([(2020, 0m), (2021, 50m), (2022, 60m), (2023, 70m), (2024, 80m)], 2025, 100m));
    }

    [Fact]
    public void Next_AYearMissing_CountsTheChangePerYear()
    {
        Assert.Equal(85m, Projection.Next([(2022, 60m), (2024, 80m)], 2025, 100m));
    }

    [Theory]
    [InlineData(90, 99, 100)]
    [InlineData(10, 1, 0)]
    public void Next_IsCappedAtZeroAndTheWeight(decimal before, decimal last, decimal projected)
    {
        Assert.Equal(projected, Projection.Next([(2023, before), (2024, last)], 2025, 100m));
    }

    [Fact]
    public void Project_AreaNearItsWeight_IsCappedAtTheWeight()
    {
        var history = new[] { Units.Year("U", 2023, 90m), Units.Year("U", 2024, 99m) };

        var projected = Projection.Project(history, 2025, Units.Rules.ForYear(2025)!)!;

        Assert.All(projected.Card.Areas, a => Assert.Equal(a.Rule.Weight, a.Total));
        Assert.Equal(60m, projected.Card.Pengungkit);
    }

    [Fact]
    public void Project_OneYearOfHistory_IsThatYear()
    {
        var projected = Projection.Project([Units.Year("U", 2024, 70m, ipak: 16m)], 2025, Units.Rules.ForYear(2025)!)!;

        Assert.Equal(70m, projected.AreaPercent["PW"]);
        Assert.Equal(16m, projected.Card.Part("IPAK"));
        Assert.Equal((2024, 1), (projected.FromYear, projected.YearsOfHistory));
    }

    [Fact]
    public void Project_AcrossTheRuleChange_ComparesAreasAsPercentOfTheirWeight()
    {
        // MP weighed 5 under 10/2019 and 8 under 90/2021: 80% then 85% projects 87.5%, i.e. 7 of 8 points.
        var history = new[] { Units.Year("U", 2021, 80m), Units.Year("U", 2022, 85m) };

        var projected = Projection.Project(history, 2023, Units.Rules.ForYear(2023)!)!;

        Assert.Equal(87.5m, projected.AreaPercent["MP"]);
        Assert.Equal(7m, projected.Card.Area("MP")!.Total);
    }

    [Fact]
    public void Project_NoEarlierYear_IsNull()
    {
        Assert.Null(Projection.Project([Units.Year("U", 2024, 70m)], 2024, Units.Rules.ForYear(2024)!));
    }

    [Fact]
    public void Backtest_ComparesTheProjectionWithWhatCameAndWithLastYear()
    {
        // Areas 60, 70, 80 then 90%: projected 85% (5 points of % off), "same as last year" 80% (10 off).
        var history = Units.History([Units.Year("U", 2022, 60m), Units.Year("U", 2023, 70m), Units.Year("U", 2024, 80m), Units.Year("U", 2025, 90m)]);

        var backtest = Backtest.For(history, 2025);

        var pw = backtest.Areas.Single(a => a.Measure == "PW");
        Assert.Equal((1, 5m, 10m, -5m), (pw.Count, pw.MaeProjection, pw.MaeLastYear, pw.Bias));
        // Totals: pengungkit 54 actual vs 51 projected; hasil full both years.
        Assert.Equal(3m, backtest.Total!.MaeProjection);
    }
}
