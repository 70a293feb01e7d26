namespace Integritas.Reports.Briefing;

/// <summary>
/// The data the ministerial briefing template is filled from. Field names are what template authors type
/// (camelCase): e.g. <c>{{counts.wbk}}</c>, <c>{{#each shortlist}}{{unitName}}{{/each}}</c>.
/// </summary>
public sealed record BriefingModel(
    string Title,
    int Year,
    int NextYear,
    string GeneratedOn,
    string RuleVersion,
    string RuleTitle,
    BriefingCounts Counts,
    IReadOnlyList<BriefingInstansi> Instansi,
    IReadOnlyList<BriefingUnit> Shortlist,
    IReadOnlyList<BriefingUnit> Units,
    BriefingThresholds Thresholds,
    string Chart);

/// <summary>Units per readiness in the year, and how many are proposable next year.</summary>
public sealed record BriefingCounts(int Units, int Wbbm, int Wbk, int Belum, int Incomplete, int Instansi, int ProposeWbk, int ProposeWbbm, int NotShown);

public sealed record BriefingInstansi(string Name, int Units, int Wbbm, int Wbk, int Belum, decimal MeanTotal);

/// <summary>
/// One unit: scores, readiness, the predicate it holds, what that means for next year (<see cref="Status"/>)
/// and, when it is not ready for its next step, the first unmet criteria and the points still needed.
/// </summary>
public sealed record BriefingUnit(
    int No,
    string UnitId,
    string UnitName,
    string Instansi,
    decimal Total,
    decimal Pengungkit,
    decimal Hasil,
    string Readiness,
    string ReadinessLabel,
    string Held,
    string Status,
    decimal? PointsNeeded,
    string Shortfalls,
    int BlankQuestions);

public sealed record BriefingThresholds(decimal WbkTotal, decimal WbbmTotal, decimal WbkAreaPercent, decimal WbbmAreaPercent);
