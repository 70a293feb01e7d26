using System.ComponentModel;

namespace Integritas.Reports.Units;

/// <summary>
/// One unit's year as the unit-level reports show it: the annual report's section per unit and the unit
/// scorecard are filled from this same record, so both say the same thing in the same words. Numbers are
/// rounded to 2 decimals (what the verdicts are decided on); texts are ready to print in Bahasa Indonesia.
/// </summary>
public sealed record UnitSection(
    [property: Description("Position in the year's list of units (1, 2, …), by unit code.")] int No,
    [property: Description("The unit's code, e.g. \"ESDM-06\".")] string UnitId,
    [property: Description("The unit's name.")] string UnitName,
    [property: Description("The instansi the unit belongs to.")] string Instansi,
    [property: Description("The review layer whose answers were scored, e.g. \"TPI Itjen\".")] string Layer,
    [property: Description("Criteria met this year: \"WBBM\", \"WBK\" or \"BELUM\" (prerequisites included).")] string Readiness,
    [property: Description("The same in words, e.g. \"Memenuhi kriteria WBK\".")] string ReadinessLabel,
    [property: Description("Criteria met on the scores alone, leaving the prerequisites aside: \"WBBM\", \"WBK\" or \"BELUM\".")] string ScoreReadiness,
    [property: Description("Highest predicate held after the year's awards and its year, e.g. \"WBK 2023\"; \"belum ada\" when none.")] string Held,
    [property: Description("The level the unit aims at: the one above what it holds (\"WBK\", \"WBBM\"), or the highest it holds, to keep.")] string Target,
    [property: Description("The target level's name, e.g. \"Menuju Wilayah Bebas dari Korupsi\".")] string TargetName,
    [property: Description("Whether the unit meets every binding criterion of its target level, prerequisites included.")] bool Ready,
    [property: Description("Where the unit stands, briefly, e.g. \"Siap diusulkan WBK\", \"Menuju WBK\".")] string Status,
    [property: Description("Where the unit stands in one or two plain sentences, for the unit's head.")] string Verdict,
    [property: Description("Total score: pengungkit + hasil, of 100.")] decimal Total,
    [property: Description("Change of the total since the unit's previous year; empty when it has none.")] decimal? TotalChange,
    [property: Description("Pengungkit (enabler) score, of 60.")] decimal Pengungkit,
    [property: Description("Hasil (result) score, of 40.")] decimal Hasil,
    [property: Description("Minimum total for the target level.")] decimal TotalMinimum,
    [property: Description("Minimum pengungkit for the target level.")] decimal PengungkitMinimum,
    [property: Description("Fewest points that would meet every score criterion of the target level (0 when met); empty when a score is unknown.")] decimal? PointsNeeded,
    [property: Description("The level above the readiness verdict; empty for a unit meeting the highest.")] string? NextLevel,
    [property: Description("Fewest points that would meet every score criterion of the next level; empty when there is none.")] decimal? NextLevelPoints,
    [property: Description("Unanswered questions in the LKE (an incomplete LKE is never ready).")] int BlankQuestions,
    [property: Description("Radar of the areas (% of weight) against the WBK and WBBM minimums, last year as an outline."), TemplateImage] string Radar,
    [property: Description("Lines of each area (% of weight) across the unit's years, against the WBK and WBBM minimums; empty in the scorecard, which shows the years as a table."), TemplateImage] string? Trend,
    [property: Description("The score criteria of the target level, each with value, minimum and status.")] IReadOnlyList<CriterionRow> Criteria,
    [property: Description("The prerequisites of the target level (PermenPANRB 5/2024) with the facts found; empty when the year's rule has none.")] IReadOnlyList<CriterionRow> Prerequisites,
    [property: Description("The criteria and prerequisites of the target level that hold the unit back; empty when none.")] IReadOnlyList<CriterionRow> Shortfalls,
    [property: Description("Each area and hasil part: value, minimum of the target level and the points it lacks.")] IReadOnlyList<NeedRow> Needs,
    [property: Description("The questions whose improvement gains the unit the most (blank ones first), at most five.")] IReadOnlyList<QuestionRow> Questions,
    [property: Description("The unit's scored years, oldest first.")] IReadOnlyList<YearRow> Years,
    [property: Description("Review layers that changed the unit's own answers this year; empty when none.")] IReadOnlyList<ReviewRow> Reviews,
    [property: Description("Findings of the files behind the unit's current LKE (workbook values that differ from the recomputed ones, …); empty when none.")] IReadOnlyList<FindingRow> Findings);

/// <summary>One criterion of a level as checked for the unit: what was found, what is required, and whether it holds.</summary>
public sealed record CriterionRow(
    [property: Description("What is checked, e.g. \"Nilai total\", \"Area Penguatan Pengawasan (% bobot)\", \"Opini BPK atas laporan keuangan instansi\".")] string Label,
    [property: Description("Short name, e.g. \"Total\", \"Pengawasan\", \"Opini BPK\".")] string ShortLabel,
    [property: Description("The value found, e.g. \"74,97\", \"49,65%\", \"WTP\"; \"belum ada data\" when the fact is missing.")] string Value,
    [property: Description("What is required, e.g. \"≥ 75\", \"≥ 60%\", \"≥ WTP\", \"ya\", \"0\".")] string Minimum,
    [property: Description("\"met\", \"unmet\", \"unknown\" or \"waived\" (a prerequisite the unit may complete after proposal).")] string Status,
    [property: Description("The status in words: \"Terpenuhi\", \"Belum terpenuhi\", \"Belum diketahui\", \"Dikecualikan\".")] string StatusLabel,
    [property: Description("The gap in one phrase, e.g. \"Total 74,97 (min. 75)\".")] string Gap,
    [property: Description("Why a criterion is unknown, waived or not binding, or where its fact came from; empty when nothing to add.")] string? Note);

/// <summary>An area (in % of its weight) or a hasil part (in points) against the target level's minimum.</summary>
public sealed record NeedRow(
    [property: Description("The area or hasil part code, e.g. \"PW\", \"IPAK\".")] string Code,
    [property: Description("Its name, e.g. \"Penguatan Pengawasan\".")] string Name,
    [property: Description("The value: % of weight for an area, points for a hasil part, e.g. \"49,65%\", \"15,62\".")] string Value,
    [property: Description("The target level's minimum, e.g. \"60%\", \"15,75\"; \"-\" when the level sets none.")] string Minimum,
    [property: Description("Points the area or part lacks; 0 when it meets the minimum.")] decimal Points,
    [property: Description("Whether it falls short of the minimum.")] bool Short);

/// <summary>An answer worth improving and what one step up gains.</summary>
public sealed record QuestionRow(
    [property: Description("Row number (1, 2, …).")] int No,
    [property: Description("The question's code, e.g. \"PW-R1-a\".")] string Question,
    [property: Description("The area code, e.g. \"PW\".")] string Area,
    [property: Description("The answer now, e.g. \"C\", \"50%\"; \"-\" when blank.")] string Answer,
    [property: Description("The answer one step up, e.g. \"B\", \"60%\"; \"-\" when blank.")] string NextAnswer,
    [property: Description("The step in words, e.g. \"C → B\", or \"belum dijawab\" for a blank question.")] string Step,
    [property: Description("Points the step gains; empty for a blank question (known once it is answered).")] decimal? Gain,
    [property: Description("Whether the question is unanswered (the LKE is incomplete until it is).")] bool Blank,
    [property: Description("The question's text from the LKE.")] string Text);

/// <summary>One of the unit's scored years.</summary>
public sealed record YearRow(
    [property: Description("The evaluation year.")] int Year,
    [property: Description("The rule the year was scored under, e.g. \"90/2021\".")] string RuleVersion,
    [property: Description("Total score; empty when the year's source lacks the hasil.")] decimal? Total,
    [property: Description("Change since the unit's previous year; empty for its first year.")] decimal? Change,
    [property: Description("Readiness that year: \"WBBM\", \"WBK\" or \"BELUM\".")] string Readiness);

/// <summary>One review layer's changes to the unit's own answers.</summary>
public sealed record ReviewRow(
    [property: Description("The reviewing layer, e.g. \"TPI Itjen\".")] string Layer,
    [property: Description("The unit's own total; empty when unknown.")] decimal? UnitTotal,
    [property: Description("The total on the reviewer's answers; empty when unknown.")] decimal? ReviewerTotal,
    [property: Description("Reviewer total − unit total; empty when either is unknown.")] decimal? Moved,
    [property: Description("How many answers the reviewer changed.")] int ChangeCount,
    [property: Description("Each changed answer, in LKE order.")] IReadOnlyList<AnswerChangeRow> Changes);

public sealed record AnswerChangeRow(
    [property: Description("The question's code.")] string Question,
    [property: Description("The unit's answer.")] string UnitAnswer,
    [property: Description("The reviewer's answer.")] string ReviewerAnswer,
    [property: Description("Points the change moves the total (negative: down).")] decimal Points);

/// <summary>Something the file behind a current LKE says that deserves a reader's eye.</summary>
public sealed record FindingRow(
    [property: Description("The unit's code.")] string UnitId,
    [property: Description("The file.")] string File,
    [property: Description("Where in the file: sheet and cell, e.g. \"LKE ZI L78\".")] string Place,
    [property: Description("The kind of finding in words, e.g. \"Nilai berbeda dari hitung ulang\".")] string Kind,
    [property: Description("The item concerned, e.g. \"pengungkit\", \"PW-P2\".")] string Item,
    [property: Description("The value the workbook shows; empty when the finding has none.")] decimal? Workbook,
    [property: Description("The value recomputed from the answers; empty when the finding has none.")] decimal? Recomputed,
    [property: Description("Recomputed − workbook; empty unless both are known.")] decimal? Difference);
