using System.ComponentModel;

namespace Integritas.Reports.Briefing;

/// <summary>
/// The data the ministerial briefing template is filled from. Field names are what template authors type
/// (camelCase): e.g. <c>{{counts.wbk}}</c>, <c>{{#each shortlist}}{{unitName}}{{/each}}</c>. The descriptions
/// are what <c>zi template fields briefing</c> shows them.
/// </summary>
public sealed record BriefingModel(
    [property: Description("The briefing's title, e.g. \"Kesiapan Zona Integritas 2025\".")] string Title,
    [property: Description("The evaluation year briefed on.")] int Year,
    [property: Description("The year units are proposed for (year + 1).")] int NextYear,
    [property: Description("The day the briefing was written (yyyy-MM-dd); write {{generatedOn | date}}.")] string GeneratedOn,
    [property: Description("The scoring rule applied, e.g. \"90/2021\".")] string RuleVersion,
    [property: Description("The rule's full title (the PermenPANRB regulation).")] string RuleTitle,
    [property: Description("Units per readiness in the year.")] BriefingCounts Counts,
    [property: Description("One row per instansi, by name.")] IReadOnlyList<BriefingInstansi> Instansi,
    [property: Description("Units that meet WBK/WBBM criteria, then the closest ones that do not yet.")] IReadOnlyList<BriefingUnit> Shortlist,
    [property: Description("Every unit of the year: ready ones first, then by score.")] IReadOnlyList<BriefingUnit> Units,
    [property: Description("The regulation's minimums the verdicts are decided on.")] BriefingThresholds Thresholds,
    [property: Description("Bar chart of each area's mean score as % of its weight."), TemplateImage] string Chart);

/// <summary>Units per readiness in the year, and how many are proposable next year.</summary>
public sealed record BriefingCounts(
    [property: Description("Units with an LKE in the year.")] int Units,
    [property: Description("Units meeting the WBBM criteria.")] int Wbbm,
    [property: Description("Units meeting the WBK (but not the WBBM) criteria.")] int Wbk,
    [property: Description("Units meeting neither.")] int Belum,
    [property: Description("Units whose LKE has unanswered questions (never ready); 0 when none.")] int Incomplete,
    [property: Description("Instansi the units belong to.")] int Instansi,
    [property: Description("Units ready for WBK that do not hold it yet: to propose next year.")] int ProposeWbk,
    [property: Description("WBK holders ready for WBBM: to propose next year.")] int ProposeWbbm,
    [property: Description("Units not in the shortlist; 0 when it holds them all.")] int NotShown);

public sealed record BriefingInstansi(
    [property: Description("The instansi's name.")] string Name,
    [property: Description("Its units with an LKE in the year.")] int Units,
    [property: Description("Of those, meeting WBBM criteria.")] int Wbbm,
    [property: Description("Of those, meeting WBK criteria.")] int Wbk,
    [property: Description("Of those, meeting neither.")] int Belum,
    [property: Description("Mean total score of its units (2 decimals).")] decimal MeanTotal);

/// <summary>
/// One unit: scores, readiness, the predicate it holds, what that means for next year (<see cref="Status"/>)
/// and, when it is not ready for its next step, the first unmet criteria and the points still needed.
/// </summary>
public sealed record BriefingUnit(
    [property: Description("Row number in this list (1, 2, …).")] int No,
    [property: Description("The unit's code, e.g. \"BPS-01\".")] string UnitId,
    [property: Description("The unit's name.")] string UnitName,
    [property: Description("The instansi the unit belongs to.")] string Instansi,
    [property: Description("Total score: pengungkit + hasil.")] decimal Total,
    [property: Description("Pengungkit (enabler) score, of 60.")] decimal Pengungkit,
    [property: Description("Hasil (result) score, of 40.")] decimal Hasil,
    [property: Description("Criteria met: \"WBBM\", \"WBK\" or \"BELUM\".")] string Readiness,
    [property: Description("The same in words, e.g. \"Memenuhi kriteria WBK\".")] string ReadinessLabel,
    [property: Description("Highest predicate held and its year, e.g. \"WBK 2023\"; \"-\" when none.")] string Held,
    [property: Description("What it means for next year, e.g. \"Siap diusulkan WBK\".")] string Status,
    [property: Description("Fewest points that would meet the next level's score criteria; empty when none are lacking.")] decimal? PointsNeeded,
    [property: Description("The first unmet criteria, e.g. \"Total 71,20 (min. 75)\"; \"-\" when none.")] string Shortfalls,
    [property: Description("Unanswered questions in its LKE.")] int BlankQuestions);

public sealed record BriefingThresholds(
    [property: Description("Minimum total score for WBK.")] decimal WbkTotal,
    [property: Description("Minimum total score for WBBM.")] decimal WbbmTotal,
    [property: Description("Minimum each area must reach for WBK, as % of its weight.")] decimal WbkAreaPercent,
    [property: Description("Minimum each area must reach for WBBM, as % of its weight.")] decimal WbbmAreaPercent);
