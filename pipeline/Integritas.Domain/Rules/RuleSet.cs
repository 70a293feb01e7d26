using Integritas.Domain.Lke;

namespace Integritas.Domain.Rules;

/// <summary>
/// One regulation's evaluation rules, loaded from a data file (see <see cref="RuleCatalog"/>). Every
/// number carries the source it was taken from.
/// </summary>
public sealed record RuleSet(
    string Id,
    string Title,
    string Source,
    int FromYear,
    int? ToYear,
    bool ItemLevel,
    bool SplitsPemenuhanReform,
    AnswerScale Answers,
    decimal IndexMax,
    decimal PengungkitWeight,
    decimal HasilWeight,
    IReadOnlyList<AreaRule> Areas,
    IReadOnlyList<HasilGroupRule> HasilGroups,
    IReadOnlyList<HasilPartRule> HasilParts,
    IReadOnlyList<PredicateRule> Predicates)
{
    public bool AppliesTo(int year) => year >= FromYear && (ToYear is null || year <= ToYear);

    /// <summary>
    /// Identifies the rule file's content (SHA-256 of its text, 16 hex digits): scores stored with it are the
    /// rule's scores only while it is unchanged. Amendments keep it (they add prerequisites, not scores).
    /// </summary>
    public string Fingerprint { get; init; } = "";

    public AreaRule? FindArea(string code) => Areas.FirstOrDefault(a => a.Code == code);

    public HasilPartRule? FindHasilPart(string code) => HasilParts.FirstOrDefault(p => p.Code == code);

    public PredicateRule? FindPredicate(string code) => Predicates.FirstOrDefault(p => p.Code == code);

    /// <summary>The weight an area's indicators must sum to in one part (pemenuhan or reform).</summary>
    public decimal PartWeight(AreaRule area, LkePart part) => part switch
    {
        LkePart.Pemenuhan => area.Pemenuhan ?? throw new InvalidOperationException($"Rule {Id} has no pemenuhan/reform split."),
        LkePart.Reform => area.Reform ?? throw new InvalidOperationException($"Rule {Id} has no pemenuhan/reform split."),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Areas have pemenuhan and reform parts only."),
    };

    public decimal Total => PengungkitWeight + HasilWeight;

    /// <summary>The prerequisites to propose a unit (from an amendment in force, e.g. 5/2024); empty when the rule defines none.</summary>
    public IReadOnlyList<PrerequisiteRule> Prerequisites { get; init; } = [];

    /// <summary>Who may be proposed while still completing the prerequisites, if the rule says so.</summary>
    public AffirmationRule? Affirmation { get; init; }

    /// <summary>The amendments in force for the year this rule set was resolved for, oldest first.</summary>
    public IReadOnlyList<RuleAmendment> Amendments { get; init; } = [];

    /// <summary>The rule as cited: <c>90/2021</c>, or with its amendments <c>90/2021 jo. 5/2024</c>.</summary>
    public string Label => Amendments.Count == 0 ? Id : Id + string.Concat(Amendments.Select(a => " jo. " + a.Id));

    /// <summary>This rule with an amendment applied: its prerequisites and affirmation replace the rule's.</summary>
    public RuleSet Amend(RuleAmendment amendment) => this with
    {
        Prerequisites = amendment.Prerequisites ?? Prerequisites,
        Affirmation = amendment.Affirmation ?? Affirmation,
        Amendments = [.. Amendments, amendment],
    };
}

/// <summary>Answer values per answer kind, as the official workbook's value formula gives them.</summary>
public sealed record AnswerScale(IReadOnlyDictionary<AnswerKind, IReadOnlyDictionary<string, decimal>> Values, string Source)
{
    public IReadOnlyDictionary<string, decimal>? For(AnswerKind kind) => Values.GetValueOrDefault(kind);
}

public sealed record AreaRule(string Code, string Name, string ShortName, decimal? Pemenuhan, decimal? Reform, decimal Weight, string Source);

public sealed record HasilGroupRule(string Code, string Name, string ShortName, decimal Weight, string Source);

public sealed record HasilPartRule(string Code, string Name, string ShortName, string Group, decimal Weight, AnswerKind? Kind, string Source);

public sealed record PredicateRule(
    string Code,
    string Name,
    string? RequiresHeld,
    string? RequiresHeldSource,
    IReadOnlyList<CriterionRule> Criteria);

public enum CriterionUnit
{
    Points,
    Percent,
}

/// <summary>
/// One score criterion: the metric (see <see cref="Scoring.ScoreCard.Metric"/>), its minimum, and where
/// the minimum comes from. <see cref="Confidence"/> is the domain reference's mark: C (confirmed in the
/// cited source), C2 (two independent implementations), U (unconfirmed).
/// </summary>
public sealed record CriterionRule(
    string Id,
    string Metric,
    string Label,
    string ShortLabel,
    decimal Min,
    CriterionUnit Unit,
    string Confidence,
    string Source);
