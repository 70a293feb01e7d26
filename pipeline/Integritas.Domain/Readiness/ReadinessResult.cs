namespace Integritas.Domain.Readiness;

public enum CriterionStatus
{
    Met,
    Unmet,
    /// <summary>A fact is missing or the year's rule does not define the criterion: never counted as met.</summary>
    Unknown,
    /// <summary>A prerequisite not (yet) met that the rule lets the unit complete after proposal (5/2024 affirmation).</summary>
    Waived,
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
    /// <summary>A prerequisite checked against a unit or instansi fact (5/2024 Tabel 5).</summary>
    Prerequisite,
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

    /// <summary>Whether the criterion decides the verdict; false for one the year's rule does not define, shown for reference only.</summary>
    public bool Binding { get; init; } = true;

    /// <summary>Met, or waived by the rule: does not hold the unit back.</summary>
    public bool Passes => Status is CriterionStatus.Met or CriterionStatus.Waived;

    /// <summary>Holds the unit back: binding and neither met nor waived.</summary>
    public bool Blocks => Binding && !Passes;

    /// <summary>The value found as text, for facts that are not numbers (e.g. <c>WDP</c>, <c>ya</c>); null for scores.</summary>
    public string? ActualText { get; init; }

    /// <summary>The requirement as text (e.g. <c>≥ WTP</c>, <c>ya</c>, <c>≥ 1 tahun</c>); null for scores.</summary>
    public string? RequiredText { get; init; }

    /// <summary>Why a criterion is unknown, waived or not binding, or where its fact came from.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// A unit-year's readiness (decision 6): the highest predicate whose every criterion is met, or
/// <see cref="Belum"/>; every criterion of every level with its status; and the shortfalls toward the next
/// level (the one above both the verdict and the predicate held) with the minimum points needed to reach it.
/// </summary>
public sealed record ReadinessResult(string Verdict, string? NextLevel, IReadOnlyList<CriterionResult> Criteria, PointsNeeded? NextLevelPoints)
{
    public const string Belum = "BELUM";

    /// <summary>
    /// The verdict on the scores alone (score criteria, a complete LKE, the predicate held), leaving the
    /// prerequisites aside: what the LKE shows even where the facts are not in yet.
    /// </summary>
    public string ScoreVerdict { get; init; } = Belum;

    /// <summary>
    /// The predicate the unit holds (from an earlier year) whose score criteria it no longer meets, e.g. a WBK
    /// holder whose Pengawasan fell under 60%; null when it holds none or still meets them. Every output flags it
    /// the same way.
    /// </summary>
    public string? HeldBelow { get; init; }

    /// <summary>The fewest points that would bring the unit back to the criteria of <see cref="HeldBelow"/>; null when it is not below.</summary>
    public PointsNeeded? HeldBelowPoints { get; init; }

    /// <summary>The score criteria of the held level that the unit misses (prerequisites aside); empty when it is not below.</summary>
    public IReadOnlyList<CriterionResult> HeldShortfalls =>
        HeldBelow is null ? [] : [.. Criteria.Where(c => c.Predicate == HeldBelow && c.Blocks && c.Kind != CriterionKind.Prerequisite)];

    public IEnumerable<CriterionResult> For(string predicate) => Criteria.Where(c => c.Predicate == predicate);

    /// <summary>The binding criteria of the next level that hold the unit back (unmet or unknown).</summary>
    public IReadOnlyList<CriterionResult> Shortfalls =>
        NextLevel is null ? [] : [.. Criteria.Where(c => c.Predicate == NextLevel && c.Blocks)];

    /// <summary>Whether every binding criterion of <paramref name="predicate"/> passes.</summary>
    public bool Meets(string predicate) => Criteria.Any(c => c.Predicate == predicate) && For(predicate).All(c => !c.Blocks);
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
