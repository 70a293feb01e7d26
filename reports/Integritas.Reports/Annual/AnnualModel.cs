using System.ComponentModel;
using Integritas.Reports.Units;

namespace Integritas.Reports.Annual;

/// <summary>
/// The data the Inspectorate General's annual ZI readiness report (<c>templates/laporan-tahunan.docx</c>) is
/// filled from: the year's summary, the method and rules, the analysis per area and instansi, every unit in a
/// table and in a section of its own (<see cref="UnitSection"/>, shared with the unit scorecard), the findings
/// and reviewer changes, and the appendices. <c>zi template fields annual</c> lists the fields with these descriptions.
/// </summary>
public sealed record AnnualModel(
    [property: Description("The report's title, e.g. \"Laporan Tahunan Kesiapan Zona Integritas 2025\".")] string Title,
    [property: Description("The evaluation year reported on.")] int Year,
    [property: Description("The year units are proposed for (year + 1).")] int NextYear,
    [property: Description("The latest earlier year with scores, compared against; empty when there is none.")] int? PreviousYear,
    [property: Description("The day the report was written (yyyy-MM-dd); write {{generatedOn | date}}.")] string GeneratedOn,
    [property: Description("The instansi covered, in words, e.g. \"Badan Pusat Statistik, Kementerian Agama dan …\".")] string Scope,
    [property: Description("The rule in force for the year.")] RuleInfo Rule,
    [property: Description("Units per readiness and how many can be proposed.")] AnnualCounts Counts,
    [property: Description("The mean total and how it moved since the previous year.")] MeanMovement Mean,
    [property: Description("The areas that hold most units back, in words, e.g. \"Penguatan Pengawasan (21 unit) dan …\"; \"-\" when none.")] string Holdbacks,
    [property: Description("The minimums of the year's rule that the summary sentences quote.")] LevelMinimums Minimums,
    [property: Description("The score criteria of each level: one row per criterion, with the WBK and WBBM minimums and their confidence.")] IReadOnlyList<ThresholdRow> Thresholds,
    [property: Description("The prerequisites to propose a unit (PermenPANRB 5/2024); empty when the year's rule has none.")] IReadOnlyList<PrerequisiteRow> Prerequisites,
    [property: Description("Who may be proposed while still completing the prerequisites, in words; empty when the rule says nothing.")] string? Affirmation,
    [property: Description("Each area of the pengungkit this year against last year.")] IReadOnlyList<AreaRow> Areas,
    [property: Description("One row per instansi this year, by name.")] IReadOnlyList<InstansiRow> Instansi,
    [property: Description("The units whose total rose most since the previous year (at most five).")] IReadOnlyList<MoverRow> Improved,
    [property: Description("The units whose total fell most since the previous year (at most five).")] IReadOnlyList<MoverRow> Declined,
    [property: Description("The report's charts.")] AnnualCharts Charts,
    [property: Description("Every unit of the year, by code: the rows of the unit table and one section each.")] IReadOnlyList<UnitSection> Units,
    [property: Description("Findings of the files behind the year's current LKEs, by unit; empty when none.")] IReadOnlyList<FindingRow> Findings,
    [property: Description("Units with findings.")] int FindingUnits,
    [property: Description("Review layers that changed units' own answers, by unit; empty when none.")] IReadOnlyList<ReviewSummaryRow> Reviews,
    [property: Description("Every group (each instansi, then all units) in every year up to this one.")] IReadOnlyList<GroupYearRow> Trends,
    [property: Description("Every file stored in the database, by name.")] IReadOnlyList<SourceRow> Sources);

/// <summary>The rule in force: cited as in the report, with its title and amendments.</summary>
public sealed record RuleInfo(
    [property: Description("The rule as cited, e.g. \"PermenPANRB 90/2021 jo. 5/2024\".")] string Citation,
    [property: Description("The rule and amendments without the prefix, e.g. \"90/2021 jo. 5/2024\".")] string Label,
    [property: Description("The base regulation's full title.")] string Title,
    [property: Description("The amendments in force for the year, oldest first; empty when none.")] IReadOnlyList<AmendmentRow> Amendments);

public sealed record AmendmentRow(
    [property: Description("The amendment's number, e.g. \"5/2024\".")] string Id,
    [property: Description("Its full title.")] string Title);

/// <summary>Units per readiness, and what that means for next year's proposals.</summary>
public sealed record AnnualCounts(
    [property: Description("Units with an LKE in the year.")] int Units,
    [property: Description("Instansi the units belong to.")] int Instansi,
    [property: Description("Units meeting the WBBM criteria.")] int Wbbm,
    [property: Description("Units meeting the WBK (but not the WBBM) criteria.")] int Wbk,
    [property: Description("Units meeting neither.")] int Belum,
    [property: Description("Units whose LKE has unanswered questions (never ready); 0 when none.")] int Incomplete,
    [property: Description("Units not holding WBK that meet every WBK criterion and prerequisite: to propose for WBK next year.")] int ProposeWbk,
    [property: Description("WBK holders meeting every WBBM criterion and prerequisite: to propose for WBBM next year.")] int ProposeWbbm,
    [property: Description("Units whose scores meet the level they aim at but whose prerequisites are unmet or not yet known.")] int PendingPrerequisites,
    [property: Description("Units with at least one prerequisite fact not yet received.")] int UnknownFacts,
    [property: Description("Units holding WBK or WBBM.")] int Holders);

/// <summary>The mean total of the year against the previous year.</summary>
public sealed record MeanMovement(
    [property: Description("Mean total of the year's units (2 decimals).")] decimal Total,
    [property: Description("Median total of the year's units.")] decimal Median,
    [property: Description("Mean total of the previous year's units; empty when there is no previous year.")] decimal? PreviousTotal,
    [property: Description("Total − previous total; empty when there is no previous year.")] decimal? Change,
    [property: Description("The change in words: \"naik 1,23 poin\", \"turun 0,50 poin\", \"tetap\"; empty when there is no previous year.")] string? ChangeText,
    [property: Description("Units scored in both years.")] int Compared,
    [property: Description("Of those, units whose total rose.")] int Improved,
    [property: Description("Of those, units whose total fell.")] int Declined);

/// <summary>The minimums the report's sentences quote.</summary>
public sealed record LevelMinimums(
    [property: Description("Minimum total for WBK.")] decimal WbkTotal,
    [property: Description("Minimum total for WBBM.")] decimal WbbmTotal,
    [property: Description("Minimum pengungkit for WBK.")] decimal WbkPengungkit,
    [property: Description("Minimum pengungkit for WBBM.")] decimal WbbmPengungkit,
    [property: Description("Minimum each area must reach for WBK, as % of its weight.")] decimal WbkArea,
    [property: Description("Minimum each area must reach for WBBM, as % of its weight.")] decimal WbbmArea);

/// <summary>A score criterion of the rule, with each level's minimum and how sure the source is of it.</summary>
public sealed record ThresholdRow(
    [property: Description("The criterion, e.g. \"Nilai total\", \"Setiap area pengungkit (% bobot)\".")] string Label,
    [property: Description("The WBK requirement, e.g. \"≥ 75\"; \"-\" when WBK sets none.")] string Wbk,
    [property: Description("The WBBM requirement, e.g. \"≥ 85\"; \"-\" when WBBM sets none.")] string Wbbm,
    [property: Description("The source's confidence mark: \"C\" confirmed, \"C2\" two independent implementations, \"U\" unconfirmed; \"C2 / U\" when the levels differ.")] string Confidence);

/// <summary>A prerequisite to propose a unit, with what each level requires and how many units lack its fact.</summary>
public sealed record PrerequisiteRow(
    [property: Description("The prerequisite, e.g. \"Opini BPK atas laporan keuangan instansi\".")] string Label,
    [property: Description("Whose fact it is: \"Instansi\" or \"Unit kerja\".")] string Scope,
    [property: Description("What WBK requires, e.g. \"≥ WTP\", \"K/L ≥ B; PEMDA ≥ CC\".")] string Wbk,
    [property: Description("What WBBM requires.")] string Wbbm,
    [property: Description("The source's confidence mark (C, C2, U).")] string Confidence,
    [property: Description("Units of the year whose fact for it has not been received.")] int UnknownUnits);

/// <summary>An area of the pengungkit across the year's units.</summary>
public sealed record AreaRow(
    [property: Description("The area code, e.g. \"PW\".")] string Code,
    [property: Description("The area's name.")] string Name,
    [property: Description("The area's weight in points.")] decimal Weight,
    [property: Description("Mean score as % of the weight this year.")] decimal MeanPercent,
    [property: Description("The same in the previous year; empty when there is none.")] decimal? PreviousMeanPercent,
    [property: Description("Change in percentage points; empty when there is no previous year.")] decimal? Change,
    [property: Description("Units below the WBK minimum for the area.")] int BelowWbk,
    [property: Description("Units below the WBBM minimum for the area.")] int BelowWbbm,
    [property: Description("Units the area holds back from their next level.")] int HeldBack);

public sealed record InstansiRow(
    [property: Description("The instansi's name.")] string Name,
    [property: Description("Its units with an LKE in the year.")] int Units,
    [property: Description("Of those, meeting WBBM criteria.")] int Wbbm,
    [property: Description("Of those, meeting WBK criteria.")] int Wbk,
    [property: Description("Of those, meeting neither.")] int Belum,
    [property: Description("Mean total of its units.")] decimal MeanTotal,
    [property: Description("Mean total in the previous year; empty when it had no units then.")] decimal? PreviousMeanTotal,
    [property: Description("Lowest total.")] decimal MinTotal,
    [property: Description("Highest total.")] decimal MaxTotal,
    [property: Description("The number of units it set out to bring to WBK this year; empty when it set none.")] int? TargetWbk,
    [property: Description("Its units ready for WBK that do not hold it.")] int ReadyWbk);

/// <summary>A unit whose total moved between the previous year and this one.</summary>
public sealed record MoverRow(
    [property: Description("The unit's code.")] string UnitId,
    [property: Description("The unit's name.")] string UnitName,
    [property: Description("Total in the previous year.")] decimal FromTotal,
    [property: Description("Total this year.")] decimal ToTotal,
    [property: Description("This year − previous year.")] decimal Change,
    [property: Description("Readiness in the previous year.")] string FromReadiness,
    [property: Description("Readiness this year.")] string Readiness);

public sealed record AnnualCharts(
    [property: Description("Bars of each area's mean % of weight against the WBK and WBBM minimums."), TemplateImage] string Attainment,
    [property: Description("Lines of each area's mean % of weight across the years."), TemplateImage] string AreaTrend,
    [property: Description("Every unit × area, coloured by % of weight."), TemplateImage] string Heatmap,
    [property: Description("Histogram of the year's totals against the WBK and WBBM minimums."), TemplateImage] string Distribution);

/// <summary>One review layer's changes to one unit's answers, in sum.</summary>
public sealed record ReviewSummaryRow(
    [property: Description("The unit's code.")] string UnitId,
    [property: Description("The unit's name.")] string UnitName,
    [property: Description("The reviewing layer, e.g. \"TPI Itjen\".")] string Layer,
    [property: Description("The unit's own total; empty when unknown.")] decimal? UnitTotal,
    [property: Description("The total on the reviewer's answers; empty when unknown.")] decimal? ReviewerTotal,
    [property: Description("Reviewer total − unit total; empty when either is unknown.")] decimal? Moved,
    [property: Description("Answers the reviewer changed.")] int ChangeCount);

/// <summary>A group of units (an instansi, or all units) in one year.</summary>
public sealed record GroupYearRow(
    [property: Description("The instansi's name, or \"Semua unit\".")] string Group,
    [property: Description("Whether this is the row of all units together.")] bool All,
    [property: Description("The evaluation year.")] int Year,
    [property: Description("Units scored.")] int Units,
    [property: Description("Mean total; empty when no unit has one.")] decimal? Mean,
    [property: Description("Median total; empty when no unit has one.")] decimal? Median,
    [property: Description("Units meeting WBBM criteria.")] int Wbbm,
    [property: Description("Units meeting WBK criteria.")] int Wbk,
    [property: Description("Units meeting neither.")] int Belum);

/// <summary>A file stored in the database.</summary>
public sealed record SourceRow(
    [property: Description("The file's name.")] string File,
    [property: Description("What it holds, in words, e.g. \"Buku kerja LKE\", \"Rekap nilai\".")] string Kind,
    [property: Description("Rows or answers read from it.")] long Rows,
    [property: Description("The unit-year LKEs it currently backs, e.g. \"13 LKE 2025\"; \"-\" for facts, predicates and the like.")] string Backs,
    [property: Description("The first 12 characters of its SHA-256, to tell versions apart.")] string Sha256);
