using System.ComponentModel;

namespace Integritas.Reports.Briefing;

/// <summary>
/// The data the ministerial briefing packet is filled from (2–4 pages): the headline numbers, target vs ready
/// vs awarded per instansi, the trend, the units ready to propose, the closest candidates and the units in
/// decline. Field names are what template authors type (camelCase), e.g. <c>{{headline.proposeWbk}}</c>,
/// <c>{{#each ready}}{{unitName}}{{/each}}</c>; <c>zi template fields briefing</c> lists them with these descriptions.
/// </summary>
public sealed record BriefingModel(
    [property: Description("The briefing's title, e.g. \"Kesiapan Zona Integritas 2025\".")] string Title,
    [property: Description("The evaluation year briefed on.")] int Year,
    [property: Description("The year units are proposed for (year + 1).")] int NextYear,
    [property: Description("The previous evaluation year with scores; empty when there is none.")] int? PreviousYear,
    [property: Description("The day the briefing was written (yyyy-MM-dd); write {{generatedOn | date}}.")] string GeneratedOn,
    [property: Description("The rule applied, as cited, e.g. \"PermenPANRB 90/2021 jo. 5/2024\".")] string RuleLabel,
    [property: Description("The base rule's full title.")] string RuleTitle,
    [property: Description("The headline numbers of the year.")] BriefingHeadline Headline,
    [property: Description("One row per instansi: scores, readiness, target vs ready vs awarded.")] IReadOnlyList<BriefingInstansi> Instansi,
    [property: Description("Units ready to be proposed next year (every criterion met, prerequisites included), WBBM first.")] IReadOnlyList<BriefingReadyUnit> Ready,
    [property: Description("Candidates ready on the scores whose prerequisites are unmet or unknown, WBBM first (headline.prerequisitesOpen counts them).")] IReadOnlyList<BriefingCandidate> Pending,
    [property: Description("WBK candidates within 2 points of every score criterion, most likely first (headline.closeWbk counts them).")] IReadOnlyList<BriefingCandidate> Candidates,
    [property: Description("Units whose total fell most since the previous year, with the criteria they lost.")] IReadOnlyList<BriefingDecline> Declining,
    [property: Description("The areas holding most units back, most first.")] IReadOnlyList<BriefingArea> Areas,
    [property: Description("The regulation's minimums the verdicts are decided on.")] BriefingThresholds Thresholds,
    [property: Description("Line chart of the mean total per instansi across the years, with the WBK and WBBM minimums."), TemplateImage] string TrendChart,
    [property: Description("Bar chart of each area's mean score as % of its weight against the minimums."), TemplateImage] string AreaChart);

public sealed record BriefingHeadline(
    [property: Description("Units with an LKE in the year.")] int Units,
    [property: Description("Instansi the units belong to.")] int Instansi,
    [property: Description("Units meeting every WBBM criterion (prerequisites included).")] int Wbbm,
    [property: Description("Units meeting every WBK (not WBBM) criterion.")] int Wbk,
    [property: Description("Units meeting neither.")] int Belum,
    [property: Description("Units whose scores meet WBK or WBBM, prerequisites aside.")] int ScoreReady,
    [property: Description("Candidates (units not holding the level) whose scores meet its criteria but a prerequisite is unmet or its fact unknown: the rows of pending.")] int PrerequisitesOpen,
    [property: Description("Units whose LKE has unanswered questions (never ready); 0 when none.")] int Incomplete,
    [property: Description("Mean total of the year's units.")] decimal MeanTotal,
    [property: Description("Change of the mean total since the previous year; empty without one.")] decimal? MeanChange,
    [property: Description("\"naik\", \"turun\" or \"tetap\": how the mean total moved since the previous year; empty without one.")] string? MeanDirection,
    [property: Description("The size of that change, without its sign; empty without a previous year.")] decimal? MeanChangeSize,
    [property: Description("Units ready to propose for WBK next year (not holding it, every criterion met).")] int ProposeWbk,
    [property: Description("WBK holders ready to propose for WBBM next year.")] int ProposeWbbm,
    [property: Description("WBK candidates within 2 points of every score criterion (complete LKE, not ready on the scores): the rows of candidates.")] int CloseWbk,
    [property: Description("Units whose total fell since the previous year.")] int Declined,
    [property: Description("Units that lost a criterion they met the previous year.")] int LostCriteria);

public sealed record BriefingInstansi(
    [property: Description("The instansi's name.")] string Name,
    [property: Description("Its units with an LKE in the year.")] int Units,
    [property: Description("Mean total of its units.")] decimal MeanTotal,
    [property: Description("Change of that mean since the previous year; empty without one.")] decimal? MeanChange,
    [property: Description("Units meeting every WBBM criterion.")] int Wbbm,
    [property: Description("Units meeting every WBK criterion.")] int Wbk,
    [property: Description("Units meeting neither.")] int Belum,
    [property: Description("The WBK target set for the proposal year (year + 1), beside the units ready to propose; empty when none was set.")] int? TargetWbk,
    [property: Description("Units ready for WBK among those not holding it.")] int ReadyWbk,
    [property: Description("Units awarded WBK for the year; empty when the year's awards are not known yet.")] int? AwardedWbk,
    [property: Description("The WBBM target set for the proposal year (year + 1); empty when none was set.")] int? TargetWbbm,
    [property: Description("WBK holders ready for WBBM.")] int ReadyWbbm,
    [property: Description("Units awarded WBBM for the year; empty when not known yet.")] int? AwardedWbbm,
    [property: Description("The previous year's WBK target; empty when none.")] int? PreviousTargetWbk,
    [property: Description("Units awarded WBK for the previous year; empty when not known.")] int? PreviousAwardedWbk);

public sealed record BriefingReadyUnit(
    [property: Description("Row number (1, 2, …).")] int No,
    [property: Description("The unit's code.")] string UnitId,
    [property: Description("The unit's name.")] string UnitName,
    [property: Description("Its instansi.")] string Instansi,
    [property: Description("Its total score.")] decimal Total,
    [property: Description("The predicate to propose it for: WBK or WBBM.")] string Level,
    [property: Description("The predicate it holds and since when, e.g. \"WBK 2021\"; \"-\" when none.")] string Held);

public sealed record BriefingCandidate(
    [property: Description("Row number in its table (1, 2, …).")] int Rank,
    [property: Description("The predicate it is a candidate for: WBK or WBBM.")] string Level,
    [property: Description("The unit's code.")] string UnitId,
    [property: Description("The unit's name.")] string UnitName,
    [property: Description("Its instansi.")] string Instansi,
    [property: Description("Its total score.")] decimal Total,
    [property: Description("The fewest score points still needed for every WBK score criterion.")] decimal PointsNeeded,
    [property: Description("What holds it back, in words, e.g. \"Pengawasan 58,40% (min. 60%); TLHP 95% (syarat ≥ 100)\".")] string Fix,
    [property: Description("Its projected total next year; empty without history.")] decimal? ProjectedTotal,
    [property: Description("\"ya\" when the projection meets every WBK score criterion, else \"belum\".")] string ProjectedReady);

public sealed record BriefingDecline(
    [property: Description("The unit's code.")] string UnitId,
    [property: Description("The unit's name.")] string UnitName,
    [property: Description("Its total the previous year.")] decimal FromTotal,
    [property: Description("Its total this year.")] decimal ToTotal,
    [property: Description("The change (negative).")] decimal Change,
    [property: Description("Readiness then → now when it changed, e.g. \"WBK → BELUM\"; \"-\" otherwise.")] string ReadinessChange,
    [property: Description("Criteria it met last year and no longer does; \"-\" when none.")] string Lost);

public sealed record BriefingArea(
    [property: Description("The area's code, e.g. \"PW\".")] string Code,
    [property: Description("The area's name.")] string Name,
    [property: Description("Mean score of the area as % of its weight.")] decimal MeanPercent,
    [property: Description("Change of that mean since the previous year; empty without one.")] decimal? Change,
    [property: Description("Units for which this area is among the criteria holding them back.")] int UnitsHeldBack);

public sealed record BriefingThresholds(
    [property: Description("Minimum total score for WBK.")] decimal WbkTotal,
    [property: Description("Minimum total score for WBBM.")] decimal WbbmTotal,
    [property: Description("Minimum each area must reach for WBK, as % of its weight.")] decimal WbkAreaPercent,
    [property: Description("Minimum each area must reach for WBBM, as % of its weight.")] decimal WbbmAreaPercent);
