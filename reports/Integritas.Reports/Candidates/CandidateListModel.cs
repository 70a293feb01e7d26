using System.ComponentModel;

namespace Integritas.Reports.Candidates;

/// <summary>
/// The data the planners' candidate list (<c>templates/daftar-kandidat.docx</c>) is filled from: next year's
/// WBK candidates and, separately, the WBK holders that are WBBM candidates, in rank order, with what each
/// still lacks, its projection, and the questions to improve. Field names are what template authors type
/// (camelCase), e.g. <c>{{wbk.ready}}</c>, <c>{{#each wbk.rows}}{{unitName}}{{/each}}</c>.
/// </summary>
public sealed record CandidateListModel(
    [property: Description("The document's title, e.g. \"Daftar Kandidat WBK dan WBBM 2026\".")] string Title,
    [property: Description("The evaluation year whose LKEs the list is drawn from.")] int Year,
    [property: Description("The year the candidates are proposed for (year + 1).")] int NextYear,
    [property: Description("The day the list was written (yyyy-MM-dd); write {{generatedOn | date}}.")] string GeneratedOn,
    [property: Description("The rule as cited, with amendments, e.g. \"90/2021 jo. 5/2024\".")] string RuleVersion,
    [property: Description("The rule's full title (the PermenPANRB regulation).")] string RuleTitle,
    [property: Description("Units with an LKE in the year.")] int Units,
    [property: Description("Instansi those units belong to.")] int InstansiCount,
    [property: Description("The WBK candidates: units that hold no predicate yet.")] CandidateLevel Wbk,
    [property: Description("The WBBM candidates: units that hold WBK but not WBBM.")] CandidateLevel Wbbm,
    [property: Description("Target vs ready vs awarded per instansi, by name.")] IReadOnlyList<CandidateInstansi> Instansi,
    [property: Description("Whether any award is recorded for the year; when not, the awarded counts are empty (not announced or not loaded).")] bool AwardsKnown,
    [property: Description("How the next-year projection is made and how it did on the year (backtest).")] CandidateProjection Projection);

/// <summary>One predicate level's candidates: the counts for the summary, every candidate in rank order, and the first few in detail.</summary>
public sealed record CandidateLevel(
    [property: Description("The predicate: \"WBK\" or \"WBBM\".")] string Level,
    [property: Description("The predicate's name, e.g. \"Wilayah Bebas dari Korupsi\".")] string Name,
    [property: Description("The predicate a unit must already hold to be a candidate (WBBM: \"WBK\"); empty when none.")] string? RequiresHeld,
    [property: Description("Minimum total score of the level (e.g. 75).")] decimal MinTotal,
    [property: Description("Minimum each area must reach, as % of its weight (e.g. 60).")] decimal MinAreaPercent,
    [property: Description("Candidates: units of the year eligible for the level.")] int Candidates,
    [property: Description("Ready to propose now: every criterion met, prerequisites included.")] int Ready,
    [property: Description("Ready on the scores, but with prerequisites unmet or not yet known.")] int PrerequisitesOpen,
    [property: Description("Not ready on the scores now, but projected to meet them next year.")] int ProjectedReady,
    [property: Description("Neither ready on the scores nor projected to be next year.")] int NotYet,
    [property: Description("The instansi's targets for next year added up; empty when none is recorded.")] int? Target,
    [property: Description("Every candidate, most likely first.")] IReadOnlyList<CandidateRow> Rows,
    [property: Description("The first candidates again, for the detail pages (how many is set in the builder).")] IReadOnlyList<CandidateRow> Details,
    [property: Description("Candidates not in the detail pages; 0 when all are.")] int NotDetailed,
    [property: Description("Bars of each candidate's distance to the level's score criteria (points needed), coloured by status; those at the criteria are named in atCriteria."), TemplateImage] string Chart,
    [property: Description("The candidates at 0 points from the score criteria (not drawn as bars), e.g. \"ESDM-02 (siap), BPS-10 (syarat belum lengkap)\"; empty when none.")] string? AtCriteria);

/// <summary>
/// One candidate: its scores and status, the points it lacks (in total and per area), its shortfalls and open
/// prerequisites in words, the projection of next year's total, and the questions whose improvement gains most.
/// </summary>
public sealed record CandidateRow(
    [property: Description("Rank among the level's candidates (1 = most likely).")] int Rank,
    [property: Description("The unit's code, e.g. \"BPS-01\".")] string UnitId,
    [property: Description("The unit's name.")] string UnitName,
    [property: Description("The instansi the unit belongs to.")] string Instansi,
    [property: Description("Total score in the year (2 decimals); empty when the hasil is missing.")] decimal? Total,
    [property: Description("\"siap\" (ready now), \"nilai\" (ready on the scores, prerequisites open) or \"belum\".")] string Status,
    [property: Description("The status in words, e.g. \"Siap diusulkan\", \"Siap menurut nilai\", \"Belum\".")] string StatusLabel,
    [property: Description("Ready now: every criterion of the level met, prerequisites included.")] bool Ready,
    [property: Description("Every score criterion met (complete LKE, minimums); prerequisites aside.")] bool ScoreReady,
    [property: Description("Unanswered questions in its LKE.")] int BlankQuestions,
    [property: Description("Fewest points that would meet every score criterion of the level (0 when met); empty when unknown.")] decimal? PointsNeeded,
    [property: Description("The areas and hasil parts that fall short, each with the points it lacks; empty when none.")] IReadOnlyList<CandidateNeed> Needs,
    [property: Description("Score shortfalls in words, e.g. \"Pengawasan 57,19% (min. 60%)\"; empty when none.")] IReadOnlyList<string> Shortfalls,
    [property: Description("Proposal prerequisites unmet or without data, e.g. \"LHKPN 96,4% (syarat ≥ 100)\"; empty when none.")] IReadOnlyList<string> Prerequisites,
    [property: Description("Projected total next year (2 decimals); empty without an earlier year to project from.")] decimal? ProjectedTotal,
    [property: Description("Whether the projection meets the level's score criteria next year.")] bool ProjectedReady,
    [property: Description("Fewest points the projected scores would still lack next year (0 when they meet the criteria); empty without a projection.")] decimal? ProjectedPointsNeeded,
    [property: Description("The first question to improve; empty when the LKE has no item-level answers.")] CandidateQuestion? FirstQuestion,
    [property: Description("The questions to improve, up to 5: blank ones first, then the biggest gains in the areas that fall short, then elsewhere.")] IReadOnlyList<CandidateQuestion> Questions);

/// <summary>An area or hasil part that falls short of the level's minimum, and the points that would lift it there.</summary>
public sealed record CandidateNeed(
    [property: Description("Area or hasil part code, e.g. \"PW\", \"IPAK\".")] string Code,
    [property: Description("Its short name, e.g. \"Pengawasan\".")] string Name,
    [property: Description("Points it lacks (2 decimals).")] decimal Points,
    [property: Description("Where it stands against the minimum, e.g. \"Pengawasan 57,19% (min. 60%)\".")] string Gap);

/// <summary>A question worth improving: its answer now, the next answer up, and the points that would gain.</summary>
public sealed record CandidateQuestion(
    [property: Description("The question's code in the LKE, e.g. \"PW-R1-a\".")] string Code,
    [property: Description("The area (or \"HASIL\") it belongs to.")] string Area,
    [property: Description("The question's text.")] string Text,
    [property: Description("The answer now, e.g. \"C\", \"Tidak\", \"45,9%\"; empty when blank.")] string? Answer,
    [property: Description("The next answer up, e.g. \"B\"; empty when blank.")] string? NextAnswer,
    [property: Description("The change in words: \"C → B\", or \"belum dijawab\" for a blank question.")] string Change,
    [property: Description("Points gained by the next answer (2 decimals); empty for a blank question (not known until answered).")] decimal? Gain,
    [property: Description("Whether the question is unanswered (the LKE is incomplete until it is).")] bool Blank);

/// <summary>An instansi's target, ready units and awards for WBK and WBBM.</summary>
public sealed record CandidateInstansi(
    [property: Description("The instansi's name.")] string Name,
    [property: Description("Its units with an LKE in the year.")] int Units,
    [property: Description("WBK target set for the year; empty when none.")] int? TargetWbk,
    [property: Description("Units ready for WBK in the year (every criterion), among those not holding it.")] int ReadyWbk,
    [property: Description("Units ready for WBK on the scores alone (includes the ready ones).")] int ScoreReadyWbk,
    [property: Description("Units awarded WBK for the year; empty when the year's awards are not known.")] int? AwardedWbk,
    [property: Description("WBK target set for next year; empty when none.")] int? NextTargetWbk,
    [property: Description("WBBM target set for the year; empty when none.")] int? TargetWbbm,
    [property: Description("Units ready for WBBM in the year (every criterion), among WBK holders.")] int ReadyWbbm,
    [property: Description("Units ready for WBBM on the scores alone (includes the ready ones).")] int ScoreReadyWbbm,
    [property: Description("Units awarded WBBM for the year; empty when the year's awards are not known.")] int? AwardedWbbm,
    [property: Description("WBBM target set for next year; empty when none.")] int? NextTargetWbbm);

/// <summary>The projection method and its backtest on the year: projected from the years before, against what units then scored.</summary>
public sealed record CandidateProjection(
    [property: Description("The method in one sentence.")] string Method,
    [property: Description("The year backtested (the list's year).")] int BacktestYear,
    [property: Description("Units with an earlier year that the backtest could project; 0 when none.")] int BacktestUnits,
    [property: Description("Mean absolute error of the projected total, in points; empty when there is no backtest.")] decimal? TotalMae,
    [property: Description("The same for \"same as last year\", in points; empty when there is no backtest.")] decimal? TotalMaeLastYear,
    [property: Description("One row per area (% of weight) and the total (points); empty when there is no backtest.")] IReadOnlyList<CandidateBacktestRow> Backtest);

/// <summary>The projection's error on one measure beside the naive "same as last year".</summary>
public sealed record CandidateBacktestRow(
    [property: Description("What is measured, e.g. \"Pengawasan (% bobot)\", \"Nilai total (poin)\".")] string Label,
    [property: Description("Units compared.")] int Count,
    [property: Description("Mean absolute error of the projection (2 decimals).")] decimal MaeProjection,
    [property: Description("Mean absolute error of \"same as last year\" (2 decimals).")] decimal MaeLastYear,
    [property: Description("Mean of projected − actual (2 decimals): below 0, the projection ran low.")] decimal Bias,
    [property: Description("Whether the projection erred less than \"same as last year\".")] bool Better);
