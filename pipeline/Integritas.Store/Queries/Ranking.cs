using Integritas.Domain.Readiness;

namespace Integritas.Store.Queries;

/// <summary>One unit's place in a candidate ranking toward a predicate level.</summary>
public sealed record Candidate(
    int Rank,
    UnitYearScore Score,
    string Target,
    bool Ready,
    decimal? PointsNeeded,
    IReadOnlyList<CriterionResult> Shortfalls);

/// <summary>
/// Orders units as next year's candidates for a level: those ready now first, then by the fewest points
/// needed to meet every score criterion, then by fewer blank questions and a higher total.
/// </summary>
public static class Ranking
{
    /// <summary>
    /// Candidates for <paramref name="target"/> among the year's scores: units that do not hold that level
    /// after the year's awards (for WBBM: units that hold WBK but not WBBM).
    /// </summary>
    public static IReadOnlyList<Candidate> For(IReadOnlyList<UnitYearScore> scores, ILookup<string, HeldPredicate> held, string target)
    {
        var candidates = new List<Candidate>();
        foreach (var score in scores)
        {
            var rule = score.Card.Rule;
            var level = rule.FindPredicate(target);
            if (level is null)
            {
                continue;
            }
            var heldNow = held[score.Unit.UnitId].Where(h => h.Year <= score.Year).Select(h => h.Predicate).ToHashSet(StringComparer.Ordinal);
            var targetIndex = rule.Predicates.ToList().IndexOf(level);
            var holdsTargetOrHigher = rule.Predicates.Skip(targetIndex).Any(p => heldNow.Contains(p.Code));
            if (holdsTargetOrHigher || (level.RequiresHeld is { } prior && !heldNow.Contains(prior)))
            {
                continue;
            }
            var criteria = score.Readiness.For(target).ToList();
            var shortfalls = criteria.Where(c => !c.IsMet && c.Kind != CriterionKind.Held).ToList();
            var ready = shortfalls.Count == 0;
            var points = ReadinessEvaluator.Points(score.Card, level).Total;
            candidates.Add(new Candidate(0, score, target, ready, points, shortfalls));
        }
        return [.. candidates
            .OrderByDescending(c => c.Ready)
            .ThenBy(c => c.PointsNeeded ?? decimal.MaxValue)
            .ThenBy(c => c.Score.Card.BlankQuestions)
            .ThenByDescending(c => c.Score.Card.Total ?? 0)
            .ThenBy(c => c.Score.Unit.UnitId, StringComparer.Ordinal)
            .Select((c, i) => c with { Rank = i + 1 })];
    }
}
