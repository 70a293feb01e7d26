using Integritas.Domain.Readiness;

namespace Integritas.Analytics.Tests;

public class CandidateTests
{
    [Fact]
    public void For_ReadyFirstThenTheFewestPointsNeeded()
    {
        // 2023: 90/2021 without the 5/2024 prerequisites, so the scores decide.
        var history = Units.History([
            Units.Year("FAR", 2023, 50m), Units.Year("CLOSE", 2023, 70m, areas: new Dictionary<string, decimal> { ["PW"] = 59m }),
            Units.Year("READY", 2023, 70m), Units.Year("HOLDER", 2023, 90m),
        ], ("HOLDER", 2021, "WBK"));

        var candidates = CandidateAnalysisBuilder.For(history, 2023, "WBK");

        Assert.Equal(["READY", "CLOSE", "FAR"], candidates.Select(c => c.Unit.UnitId));
        Assert.True(candidates[0].Ready);
        // PW at 59% of 15 (8.85) needs 0.15 to reach 60%.
        Assert.Equal(0.15m, candidates[1].Needed.Total);
        Assert.Equal(["area.PW"], candidates[1].Shortfalls.Select(s => s.Criterion));
    }

    [Fact]
    public void For_Wbbm_ConsidersWbkHoldersOnly()
    {
        var history = Units.History([Units.Year("HOLDER", 2023, 90m, held: [new HeldPredicate("WBK", 2021)]), Units.Year("OTHER", 2023, 90m),
            Units.Year("TOP", 2023, 95m, held: [new HeldPredicate("WBBM", 2022)])],
            ("HOLDER", 2021, "WBK"), ("TOP", 2022, "WBBM"));

        var candidates = CandidateAnalysisBuilder.For(history, 2023, "WBBM");

        var only = Assert.Single(candidates);
        Assert.Equal(("HOLDER", true), (only.Unit.UnitId, only.Ready));
    }

    [Fact]
    public void For_PrerequisitesUnknown_ReadyOnTheScoresOnly()
    {
        // 2025 falls under 5/2024: without facts, every prerequisite is unknown.
        var history = Units.History([Units.Year("U", 2025, 80m, prerequisitesMet: false)]);

        var candidate = Assert.Single(CandidateAnalysisBuilder.For(history, 2025, "WBK"));

        Assert.Equal((false, true), (candidate.Ready, candidate.ScoreReady));
        Assert.Equal(11, candidate.PrerequisiteShortfalls.Count);
        Assert.All(candidate.PrerequisiteShortfalls, c => Assert.Equal(CriterionStatus.Unknown, c.Status));
    }

    [Fact]
    public void For_ProjectsNextYearUnderItsRule()
    {
        var history = Units.History([Units.Year("U", 2023, 66m), Units.Year("U", 2024, 70m)]);

        var candidate = Assert.Single(CandidateAnalysisBuilder.For(history, 2024, "WBK"));

        Assert.Equal(72m, candidate.Projection!.AreaPercent["SDM"]);
        Assert.Equal(2025, candidate.Projection.Year);
        Assert.True(candidate.ProjectedScoreReady);
    }
}
