namespace Integritas.Domain.Readiness;

public enum CriterionStatus
{
    Met,
    Unmet,
    /// <summary>A fact is missing or the year's rule does not define the criterion: never counted as met.</summary>
    Unknown,
}

public enum CriterionKind
{
    /// <summary>A score in points, compared after rounding to 2 decimals.</summary>
    Points,
    /// <summary>An area's score as % of its weight, compared after rounding to 2 decimals.</summary>
    Percent,
    /// <summary>The count of unanswered questions; must be 0.</summary>
    BlankQuestions,
    /// <summary>A predicate the unit must already hold: 1 when held, 0 when not.</summary>
    Held,
}

/// <summary>One criterion of one predicate level, as checked for one unit-year.</summary>
public sealed record CriterionResult(
    string Predicate,
    string Criterion,
    string Label,
    string ShortLabel,
    CriterionKind Kind,
    CriterionStatus Status,
    decimal? Actual,
    decimal? Required,
    string? Confidence)
{
    public bool IsMet => Status == CriterionStatus.Met;
}

/// <summary>
/// A unit-year's readiness (decision 6): the highest predicate whose every criterion is met, or
/// <see cref="Belum"/>; every criterion of every level with its status; and the shortfalls toward the next
/// level with the minimum points needed to reach it.
/// </summary>
public sealed record ReadinessResult(string Verdict, string? NextLevel, IReadOnlyList<CriterionResult> Criteria, PointsNeeded? NextLevelPoints)
{
    public const string Belum = "BELUM";

    public IEnumerable<CriterionResult> For(string predicate) => Criteria.Where(c => c.Predicate == predicate);

    /// <summary>The criteria of the next level that are not met (unmet or unknown).</summary>
    public IReadOnlyList<CriterionResult> Shortfalls =>
        NextLevel is null ? [] : [.. Criteria.Where(c => c.Predicate == NextLevel && !c.IsMet)];
}

/// <summary>A predicate the unit was awarded, by evaluation year.</summary>
public sealed record HeldPredicate(string Predicate, int Year);

/// <summary>
/// The fewest score points that would meet every score criterion of a level: per area (or hasil part)
/// the points it lacks, and in total the points the unit must add, where a higher criterion (pengungkit,
/// total) can demand more than its parts do. Null entries are unknown (a missing score).
/// </summary>
public sealed record PointsNeeded(string Predicate, IReadOnlyDictionary<string, decimal> ByArea, IReadOnlyDictionary<string, decimal> ByHasilPart, decimal? Total)
{
    public static IReadOnlyDictionary<string, decimal> None { get; } = new Dictionary<string, decimal>();
}
