using DuckDB.NET.Data;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;
using Integritas.Store.Queries;

namespace Integritas.Analytics;

/// <summary>
/// One unit as a candidate for <see cref="Target"/> next year: whether it is ready now (every binding
/// criterion, prerequisites included) or on the scores alone, the points it needs per area and in total,
/// the prerequisites that hold it back, the projection of its next-year scores, and the questions to improve.
/// </summary>
public sealed record CandidateAnalysis(
    int Rank,
    UnitYearScore Score,
    string Target,
    bool Ready,
    bool ScoreReady,
    PointsNeeded Needed,
    IReadOnlyList<CriterionResult> ScoreShortfalls,
    IReadOnlyList<CriterionResult> PrerequisiteShortfalls,
    ProjectedScores? Projection,
    PointsNeeded? ProjectedNeeded,
    bool? ProjectedScoreReady,
    IReadOnlyList<QuestionGain> TopQuestions)
{
    public UnitInfo Unit => Score.Unit;

    /// <summary>Every binding criterion of the target that holds the unit back now.</summary>
    public IEnumerable<CriterionResult> Shortfalls => ScoreShortfalls.Concat(PrerequisiteShortfalls);
}

/// <summary>
/// Next year's candidates for a predicate level, most likely first: ready now, then ready on the scores
/// (only facts missing or unmet), then the fewest points still needed, then the fewest prerequisites open,
/// then the smallest projected need and the highest total.
/// </summary>
public static class CandidateAnalysisBuilder
{
    public const int TopQuestions = 5;

    /// <summary>
    /// The candidates for <paramref name="target"/> among the units of <paramref name="year"/>, with the question
    /// gains of the year per unit (see <see cref="QuestionGains.For"/>; null leaves them out).
    /// </summary>
    public static IReadOnlyList<CandidateAnalysis> For(ScoreHistory history, int year, string target, ILookup<string, QuestionGain>? gains = null, int topQuestions = TopQuestions)
    {
        var candidates = new List<CandidateAnalysis>();
        foreach (var score in history.InYear(year))
        {
            var rule = score.Card.Rule;
            var level = rule.FindPredicate(target);
            if (level is null || !Eligible(history, score, target))
            {
                continue;
            }
            var criteria = score.Readiness.For(target).ToList();
            var scoreShort = criteria.Where(c => c.Blocks && c.Kind != CriterionKind.Prerequisite).ToList();
            var prerequisiteShort = criteria.Where(c => c.Blocks && c.Kind == CriterionKind.Prerequisite).ToList();
            var needed = ReadinessEvaluator.Points(score.Card, level);

            var nextRule = history.Rules.ForYear(year + 1) ?? rule;
            var projection = Projection.Project(history.Of(score.Unit.UnitId), year + 1, nextRule);
            PointsNeeded? projectedNeeded = null;
            bool? projectedReady = null;
            if (projection is not null && nextRule.FindPredicate(target) is { } nextLevel)
            {
                projectedNeeded = ReadinessEvaluator.Points(projection.Card, nextLevel);
                var projectedReadiness = Projection.Readiness(projection, history.Held[score.Unit.UnitId]);
                projectedReady = Rank(nextRule, projectedReadiness.ScoreVerdict) >= Rank(nextRule, target);
            }
            var questions = gains is null ? [] : Pick(gains[score.Unit.UnitId], scoreShort, topQuestions);
            candidates.Add(new CandidateAnalysis(0, score, target, scoreShort.Count == 0 && prerequisiteShort.Count == 0, scoreShort.Count == 0,
                needed, scoreShort, prerequisiteShort, projection, projectedNeeded, projectedReady, questions));
        }
        return [.. candidates
            .OrderByDescending(c => c.Ready)
            .ThenByDescending(c => c.ScoreReady)
            .ThenBy(c => c.Needed.Total ?? decimal.MaxValue)
            .ThenBy(c => c.PrerequisiteShortfalls.Count)
            .ThenBy(c => c.ProjectedNeeded?.Total ?? decimal.MaxValue)
            .ThenByDescending(c => c.Score.Card.Total ?? 0)
            .ThenBy(c => c.Unit.UnitId, StringComparer.Ordinal)
            .Select((c, i) => c with { Rank = i + 1 })];
    }

    /// <summary>
    /// Candidates of the year with their question gains read from the database (one query for all units).
    /// </summary>
    public static IReadOnlyList<CandidateAnalysis> For(DuckDBConnection connection, ScoreHistory history, int year, string target, Reviewer? layer = null, int topQuestions = TopQuestions) =>
        For(history, year, target, Gains(connection, history, year, layer), topQuestions);

    /// <summary>
    /// The question gains of every unit of the year (one query), for candidates of several levels to share;
    /// null when the year's rule has no item-level LKE (recap years).
    /// </summary>
    public static ILookup<string, QuestionGain>? Gains(DuckDBConnection connection, ScoreHistory history, int year, Reviewer? layer = null)
    {
        var rule = history.InYear(year).FirstOrDefault()?.Card.Rule;
        return rule is null || !rule.ItemLevel ? null : QuestionGains.For(connection, rule, year, layer);
    }

    /// <summary>
    /// Whether a unit is a candidate for <paramref name="target"/> after the year's awards: it does not hold
    /// that level or a higher one, and holds what the level requires (WBBM: WBK).
    /// </summary>
    public static bool Eligible(ScoreHistory history, UnitYearScore score, string target)
    {
        var rule = score.Card.Rule;
        var level = rule.FindPredicate(target);
        if (level is null)
        {
            return false;
        }
        var held = history.HeldAfter(score.Unit.UnitId, score.Year);
        var index = Rank(rule, target);
        if (rule.Predicates.Skip(index).Any(p => held.Contains(p.Code)))
        {
            return false;
        }
        return level.RequiresHeld is not { } required || held.Contains(required);
    }

    private static int Rank(Domain.Rules.RuleSet rule, string verdict) => rule.Predicates.ToList().FindIndex(p => p.Code == verdict);

    /// <summary>Blank questions first; then the biggest gains in the areas that fall short; then the biggest gains anywhere.</summary>
    private static List<QuestionGain> Pick(IEnumerable<QuestionGain> gains, List<CriterionResult> shortfalls, int top)
    {
        var shortAreas = shortfalls.Where(c => c.Criterion.StartsWith("area.", StringComparison.Ordinal)).Select(c => c.Criterion[5..]).ToHashSet(StringComparer.Ordinal);
        var all = gains.ToList();
        return [.. all.Where(g => g.Blank)
            .Concat(all.Where(g => !g.Blank && shortAreas.Contains(g.Area)).OrderByDescending(g => g.Gain))
            .Concat(all.Where(g => !g.Blank && !shortAreas.Contains(g.Area)).OrderByDescending(g => g.Gain))
            .Take(top)];
    }
}
