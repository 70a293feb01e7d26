using Integritas.Domain.Readiness;

namespace Integritas.Analytics.Tests;

public class TrendTests
{
    [Fact]
    public void UnitTrend_AcrossTheRuleChange_MarksItAndComparesAreasInPercent()
    {
        var history = Units.History([Units.Year("U", 2021, 80m), Units.Year("U", 2022, 85m)]);

        var trend = TrendAnalysis.UnitTrendOf(history, "U");

        var y2022 = trend.In(2022)!;
        Assert.True(y2022.RuleChanged);
        Assert.Equal("90/2021", y2022.RuleVersion);
        Assert.Equal(5m, y2022.Areas.Single(a => a.Area == "MP").PercentChange);
        // Totals are out of 100 under both rules: 48 + 40 → 51 + 40.
        Assert.Equal(3m, y2022.TotalChange);
    }

    [Fact]
    public void Build_GroupsCountReadinessAndSummariseTotals()
    {
        var history = Units.History([
            Units.Year("A", 2023, 80m, instansi: "X"), Units.Year("B", 2023, 50m, instansi: "X"), Units.Year("C", 2023, 70m, instansi: "Y"),
        ]);

        var report = TrendAnalysis.Build(history, 2023);

        var all = report.Groups.Single(g => g.Group == TrendAnalysis.AllUnits);
        Assert.Equal((3, 2, 1), (all.Totals.Count, all.Wbk + all.Wbbm, all.Belum));
        Assert.Equal(82m, all.Totals.Median);
        Assert.Equal(["X", "Y"], report.Groups.Where(g => g.Group != TrendAnalysis.AllUnits).Select(g => g.Group));
    }

    [Fact]
    public void Build_AreaFallingBelowItsMinimum_IsALostCriterionAndHoldsTheUnitBack()
    {
        var history = Units.History([
            Units.Year("U", 2022, 80m), Units.Year("U", 2023, 80m, areas: new Dictionary<string, decimal> { ["PW"] = 55m }),
        ]);

        var report = TrendAnalysis.Build(history, 2023);

        var lost = Assert.Single(report.Lost);
        Assert.Equal(("WBK", "area.PW", 80m, 55m), (lost.Level, lost.Criterion, lost.PreviousActual!.Value, lost.Actual!.Value));
        Assert.Equal(CriterionKind.Percent, lost.Kind);
        Assert.Equal("PW", report.Holdbacks[0].Area);
        Assert.Equal(1, report.Holdbacks[0].UnitsHeldBack);
        Assert.Equal(-3.75m, Assert.Single(report.Declined).Change);
    }
}
