using Integritas.Domain.Readiness;

namespace Integritas.Domain.Tests;

public class ReadinessEvaluatorTests
{
    private static ReadinessResult Evaluate(Domain.Scoring.ScoreCard card, params HeldPredicate[] held) =>
        ReadinessEvaluator.Evaluate(card, 2024, held);

    [Fact]
    public void Evaluate_TotalOf74_995_RoundsTo75AndMeetsWbk()
    {
        var card = Cards.AtWbkMinimums();
        Assert.Equal(74.995m, card.Total);

        var result = Evaluate(card);

        Assert.Equal("WBK", result.Verdict);
        Assert.Equal(75.00m, result.For("WBK").Single(c => c.Criterion == "total").Actual);
    }

    [Fact]
    public void Evaluate_TotalOf74_994_RoundsTo74_99AndFailsOnlyTheTotal()
    {
        var areas = new Dictionary<string, decimal>(Cards.WbkAreas) { ["PW"] = 10.644m };

        var result = Evaluate(Cards.AtWbkMinimums(areas));

        Assert.Equal("BELUM", result.Verdict);
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal(("total", 74.99m, 75m), (shortfall.Criterion, shortfall.Actual!.Value, shortfall.Required!.Value));
    }

    [Theory]
    [InlineData("pengungkit")]
    [InlineData("area.PW")]
    [InlineData("hasil.IPAK")]
    [InlineData("hasil.CAPAIAN")]
    [InlineData("hasil.IPKP")]
    public void Evaluate_EachWbkCriterionFailingAlone_IsTheOnlyShortfall(string criterion)
    {
        var card = criterion switch
        {
            // Pengungkit 39.99 with every area still ≥ 60% and the total kept ≥ 75 by full hasil.
            "pengungkit" => Cards.With(areaShare: 39.99m / 60m),
            "area.PW" => Cards.With(areas: new Dictionary<string, decimal> { ["PW"] = 8.99m }),
            "hasil.IPAK" => Cards.With(ipak: 15.74m),
            // Capaian D (1.25) with IPAK full keeps bersih (18.75) above its minimum.
            "hasil.CAPAIAN" => Cards.With(capaian: 1.25m),
            _ => Cards.With(ipkp: 13.99m),
        };

        var result = Evaluate(card);

        Assert.Equal("BELUM", result.Verdict);
        Assert.Equal([criterion], result.Shortfalls.Select(s => s.Criterion));
    }

    [Fact]
    public void Evaluate_BersihBelowMinimum_FailsWithThePartBelowItsOwn()
    {
        // Bersih = IPAK + capaian; their minimums (15.75 + 2.5) add up to its 18.25, so bersih never fails alone.
        var result = Evaluate(Cards.With(ipak: 15.76m, capaian: 2.48m));

        Assert.Equal(["group.BERSIH", "hasil.CAPAIAN"], result.Shortfalls.Select(s => s.Criterion).Order());
        Assert.Equal(18.24m, result.Shortfalls.Single(s => s.Criterion == "group.BERSIH").Actual);
    }

    [Fact]
    public void Evaluate_AreaExactlyAt60Percent_IsMet()
    {
        var result = Evaluate(Cards.With(areas: new Dictionary<string, decimal> { ["PW"] = 9m }));

        var pw = result.For("WBK").Single(c => c.Criterion == "area.PW");
        Assert.Equal((CriterionStatus.Met, 60m), (pw.Status, pw.Actual!.Value));
    }

    [Fact]
    public void Evaluate_IncompleteLke_IsNeverReady()
    {
        var result = Evaluate(Cards.With(blank: 2));

        Assert.Equal("BELUM", result.Verdict);
        var blank = Assert.Single(result.Shortfalls);
        Assert.Equal((ReadinessEvaluator.CompleteCriterion, 2m, 0m), (blank.Criterion, blank.Actual!.Value, blank.Required!.Value));
    }

    [Fact]
    public void Evaluate_WbbmScoresWithoutPriorWbk_IsWbkWithThePredicateAsShortfall()
    {
        var result = Evaluate(Cards.With());

        Assert.Equal("WBK", result.Verdict);
        Assert.Equal("WBBM", result.NextLevel);
        Assert.Equal(["predikat.WBK"], result.Shortfalls.Select(s => s.Criterion));
    }

    [Fact]
    public void Evaluate_WbbmScoresWithWbkFromAnEarlierYear_IsWbbm()
    {
        Assert.Equal("WBBM", Evaluate(Cards.With(), new HeldPredicate("WBK", 2023)).Verdict);
    }

    [Fact]
    public void Evaluate_WbkAwardedInTheSameYear_DoesNotYetCountForWbbm()
    {
        Assert.Equal("WBK", Evaluate(Cards.With(), new HeldPredicate("WBK", 2024)).Verdict);
    }

    [Fact]
    public void Evaluate_WbbmHeldEarlier_ImpliesTheWbkPrerequisite()
    {
        Assert.Equal("WBBM", Evaluate(Cards.With(), new HeldPredicate("WBBM", 2022)).Verdict);
    }

    [Fact]
    public void Evaluate_MissingHasil_IsUnknownNeverMet()
    {
        var full = Cards.With();
        var card = full with { HasilParts = [.. full.HasilParts.Select(p => p.Code == "IPKP" ? p with { Value = null } : p)] };

        var result = Evaluate(card);

        Assert.Equal("BELUM", result.Verdict);
        Assert.Contains(result.Shortfalls, s => s.Criterion == "hasil.IPKP" && s.Status == CriterionStatus.Unknown);
        Assert.Contains(result.Shortfalls, s => s.Criterion == "total" && s.Status == CriterionStatus.Unknown);
    }

    [Fact]
    public void Evaluate_WbkHolderBelowWbkCriteria_AimsAtWbbmAndIsFlaggedBelowWbk()
    {
        var result = Evaluate(Cards.With(areas: new Dictionary<string, decimal> { ["PW"] = 8.99m }), new HeldPredicate("WBK", 2022));

        Assert.Equal("BELUM", result.Verdict);
        Assert.Equal(("WBBM", "WBK"), (result.NextLevel, result.HeldBelow));
        Assert.Equal(["area.PW"], result.HeldShortfalls.Select(s => s.Criterion));
        Assert.Equal(0.01m, result.HeldBelowPoints!.Total);
        Assert.Equal("WBBM", result.NextLevelPoints!.Predicate);
    }

    [Fact]
    public void Evaluate_WbkHolderMeetingWbk_IsNotBelowWhatItHolds()
    {
        var result = Evaluate(Cards.AtWbkMinimums(), new HeldPredicate("WBK", 2022));

        Assert.Equal(("WBK", "WBBM", null), (result.Verdict, result.NextLevel, result.HeldBelow));
        Assert.Empty(result.HeldShortfalls);
    }
}
