using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.TestSupport;

namespace Integritas.Domain.Tests;

/// <summary>
/// Scoring checked against values worked out by hand from the workbook's formulas (domain reference §2):
/// indicator = AVERAGE(answered values) × weight, areas and components as sums.
/// </summary>
public class LkeScorerTests
{
    private static readonly RuleSet Rule = Cards.Rule;

    /// <summary>Tallies of a full LKE whose answers are the best except the ones given.</summary>
    private static List<IndicatorTally> Tallies(Dictionary<string, string> answers) =>
        [.. LkeCatalog.Lke90.Indicators.Select(indicator =>
        {
            var parsed = indicator.Questions
                .Select(q => AnswerParser.Parse(Rule, q.Kind, answers.TryGetValue(q.Code, out var a) ? a : Some.Best(q.Kind)))
                .ToList();
            Assert.All(parsed, p => Assert.Null(p.Error));
            return new IndicatorTally(indicator.Area, indicator.Part, indicator.Code, indicator.Weight,
                parsed.Sum(p => p.Value ?? 0), parsed.Count(p => p.Value is not null), parsed.Count(p => p.IsBlank));
        })];

    [Fact]
    public void Score_AllBestAnswers_IsOneHundred()
    {
        var card = LkeScorer.Score(Rule, Tallies([]));

        Assert.Equal(60m, card.Pengungkit);
        Assert.Equal(30m, card.Pemenuhan);
        Assert.Equal(40m, card.Hasil);
        Assert.Equal(100m, card.Total);
        Assert.True(card.IsComplete);
    }

    [Fact]
    public void Score_HandWorkedLke_MatchesTheWorkbookFormulas()
    {
        var card = LkeScorer.Score(Rule, Tallies(new()
        {
            // MP-P1 (weight 0.5; YT, ABC): Tidak = 0, B = 0.5 → mean 0.25 × 0.5 = 0.125.
            ["MP-P1-a"] = "Tidak",
            ["MP-P1-b"] = "B",
            // TT-P1 (weight 1; ABCD, ABCDE, ABCDE): 0.67 + 0.5 + 0.25 = 1.42 → mean 0.47333… × 1.
            ["TT-P1-a"] = "B",
            ["TT-P1-b"] = "C",
            ["TT-P1-c"] = "D",
            // MP-R1 (weight 2; two % items): 0.85 and 0.5 → mean 0.675 × 2 = 1.35.
            ["MP-R1-a"] = "85%",
            ["MP-R1-b"] = "0,5",
            // SDM-P3 (weight 1.25; 6 questions): one blank is left out of the mean, the others are A → 1.25.
            ["SDM-P3-c"] = "",
            // Hasil exactly at the WBK minimums: IPAK 3.6/4 × 17.5 = 15.75; capaian C = 0.5 × 5 = 2.5; IPKP 3.2/4 × 17.5 = 14.
            ["IPAK"] = "3,6",
            ["CAPAIAN"] = "C",
            ["IPKP"] = "3.2",
        }));

        Assert.Equal(3.625m, card.Area("MP")!.Pemenuhan);
        Assert.Equal(3.35m, card.Area("MP")!.Reform);
        Assert.Equal(6.975m, card.Area("MP")!.Total);
        Assert.Equal(2.97m, Score.Round2(card.Area("TT")!.Pemenuhan!.Value));
        Assert.Equal(1.42m / 3m + 2.5m, card.Area("TT")!.Pemenuhan);
        Assert.Equal(10m, card.Area("SDM")!.Total);
        Assert.Equal(58.45m, Score.Round2(card.Pengungkit));
        Assert.Equal(15.75m, card.Part("IPAK"));
        Assert.Equal(2.5m, card.Part("CAPAIAN"));
        Assert.Equal(14m, card.Part("IPKP"));
        Assert.Equal(18.25m, card.Group("BERSIH"));
        Assert.Equal(32.25m, card.Hasil);
        Assert.Equal(90.70m, Score.Round2(card.Total!.Value));
        Assert.Equal(1, card.BlankQuestions);
        Assert.False(card.IsComplete);
    }

    [Fact]
    public void Score_HandWorkedLke_IsBelumOnlyBecauseOfTheBlank()
    {
        var answers = new Dictionary<string, string> { ["SDM-P3-c"] = "", ["IPAK"] = "3,6", ["CAPAIAN"] = "C", ["IPKP"] = "3.2" };
        var incomplete = ReadinessEvaluator.Evaluate(LkeScorer.Score(Rule, Tallies(answers)), 2024, []);
        answers.Remove("SDM-P3-c");
        var complete = ReadinessEvaluator.Evaluate(LkeScorer.Score(Rule, Tallies(answers)), 2024, []);

        Assert.Equal("BELUM", incomplete.Verdict);
        Assert.Equal([ReadinessEvaluator.CompleteCriterion], incomplete.Shortfalls.Select(s => s.Criterion));
        Assert.Equal("WBK", complete.Verdict);
    }

    [Fact]
    public void Score_IndicatorWithNoAnswer_ScoresZero()
    {
        var card = LkeScorer.Score(Rule, Tallies(new() { ["SDM-P5-a"] = "" }));

        Assert.Equal(5m - 0.75m, card.Area("SDM")!.Pemenuhan);
        Assert.Equal(1, card.BlankQuestions);
    }
}
