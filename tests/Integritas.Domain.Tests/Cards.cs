using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;

namespace Integritas.Domain.Tests;

/// <summary>Score cards built from chosen area totals and hasil parts, for readiness tests.</summary>
internal static class Cards
{
    /// <summary>
    /// 90/2021 with its score criteria only: these cards test the scores, so the rule's own proposal prerequisites
    /// (Tabel 5, which need facts) are left out here; <see cref="PrerequisiteTests"/> covers them.
    /// </summary>
    public static readonly RuleSet Rule = RuleCatalog.Default.Find("90/2021")! with { Prerequisites = [] };

    /// <summary>
    /// A card with every area at <paramref name="areaShare"/> of its weight unless given in
    /// <paramref name="areas"/>, and the hasil parts as given (points, not indexes).
    /// </summary>
    public static ScoreCard With(decimal areaShare = 1m, decimal ipak = 17.5m, decimal capaian = 5m, decimal ipkp = 17.5m, int blank = 0,
        IReadOnlyDictionary<string, decimal>? areas = null)
    {
        var areaScores = Rule.Areas.Select(a =>
        {
            var total = areas is not null && areas.TryGetValue(a.Code, out var t) ? t : a.Weight * areaShare;
            return new AreaScore(a, total / 2, total / 2, total);
        }).ToList();
        var parts = new Dictionary<string, decimal> { ["IPAK"] = ipak, ["CAPAIAN"] = capaian, ["IPKP"] = ipkp };
        return new ScoreCard(Rule, areaScores, [.. Rule.HasilParts.Select(p => new HasilPartScore(p, parts[p.Code]))], 113, blank);
    }

    /// <summary>A card with hasil parts exactly at their WBK minimums (bersih 18.25) and the given areas.</summary>
    public static ScoreCard AtWbkMinimums(IReadOnlyDictionary<string, decimal>? areas = null) =>
        With(areas: areas ?? WbkAreas, ipak: 15.75m, capaian: 2.5m, ipkp: 14m);

    /// <summary>Areas summing to 42.745 (each 70–72% of its weight): with hasil 32.25 the total is 74.995.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> WbkAreas = new Dictionary<string, decimal>
    {
        ["MP"] = 5.7m, ["TT"] = 5m, ["SDM"] = 7.2m, ["AK"] = 7.2m, ["PW"] = 10.645m, ["PP"] = 7m,
    };
}
