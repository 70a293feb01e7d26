using System.ComponentModel;
using Integritas.Reports.Units;

namespace Integritas.Reports.Lhe;

/// <summary>
/// The data one unit's Laporan Hasil Evaluasi (<c>templates/lhe.docx</c>) is filled from: the cover letter of the
/// Inspektur (number, date, the TPI's resulting values) and its Lampiran (assignment and team, legal basis, the
/// self-assessment against the TPI's values, verdict, findings, recommendations). The unit's
/// <see cref="UnitSection"/> is the same record its scorecard and the annual report's section are filled from.
/// </summary>
public sealed record LheModel(
    [property: Description("The letter's number from Integritas:Lhe:NumberPattern, e.g. \"B-3/IJ/PW.110/XII/2025\".")] string Number,
    [property: Description("The letter's date (yyyy-MM-dd); write {{date | date}}.")] string Date,
    [property: Description("The evaluation year.")] int Year,
    [property: Description("The year the unit may be proposed for (year + 1).")] int NextYear,
    [property: Description("The subject line, e.g. \"Laporan Hasil Evaluasi Pembangunan Zona Integritas Tahun 2025\".")] string Subject,
    [property: Description("The rule in force that year as cited, e.g. \"PermenPANRB 90/2021 jo. 5/2024\".")] string Rule,
    [property: Description("The legal basis in force that year: the rule and its amendments, each with its title.")] IReadOnlyList<LegalBasisRow> LegalBasis,
    [property: Description("The review layer whose values are the TPI's result, e.g. \"TPI Itjen\".")] string Layer,
    [property: Description("Whether a self-assessment (the unit's own LKE) is stored beside the TPI's.")] bool HasSelfAssessment,
    [property: Description("The assignment and team (lhe-tim.csv); its fields are empty and members empty when no team is stored.")] LheAssignment Assignment,
    [property: Description("Pengungkit rows: each area, its weight, the self-assessment, the TPI's value and the difference.")] IReadOnlyList<ResultRow> Pengungkit,
    [property: Description("Hasil rows: each hasil part, its weight, the self-assessment, the TPI's value and the difference.")] IReadOnlyList<ResultRow> Hasil,
    [property: Description("The pengungkit total row.")] ResultRow PengungkitTotal,
    [property: Description("The hasil total row.")] ResultRow HasilTotal,
    [property: Description("The total row (pengungkit + hasil).")] ResultRow Total,
    [property: Description("What moved most between the self-assessment and the TPI, in plain sentences; empty when the TPI changed nothing.")] IReadOnlyList<string> Findings,
    [property: Description("The answers the TPI changed that moved the score most, largest first (at most ten).")] IReadOnlyList<ChangedAnswerRow> Changes,
    [property: Description("Recommendations in plain sentences: the questions whose improvement gains most.")] IReadOnlyList<string> Recommendations,
    [property: Description("The unit, as its scorecard shows it: name, verdict, criteria, shortfalls, questions.")] UnitSection Unit);

/// <summary>A regulation in force for the year.</summary>
public sealed record LegalBasisRow(
    [property: Description("The regulation, e.g. \"PermenPANRB 90/2021\".")] string Citation,
    [property: Description("Its title.")] string Title);

/// <summary>The TPI's assignment for the unit.</summary>
public sealed record LheAssignment(
    [property: Description("Whether a team is stored for the unit and year.")] bool Known,
    [property: Description("The surat tugas's number; empty when unknown.")] string SuratTugas,
    [property: Description("The first day of the evaluation in words, e.g. \"10 Maret 2025\"; empty when unknown.")] string Start,
    [property: Description("The last day in words; empty when unknown.")] string End,
    [property: Description("The team in the order of the file: role, name, NIP.")] IReadOnlyList<MemberRow> Members);

public sealed record MemberRow(
    [property: Description("Row number.")] int No,
    [property: Description("The role in words: \"Pengendali Mutu\", \"Pengendali Teknis\", \"Ketua Tim\", \"Anggota Tim\".")] string Role,
    [property: Description("The member's name.")] string Name,
    [property: Description("The member's NIP, grouped as written on letters: \"19780312 200312 1 002\".")] string Nip);

/// <summary>One line of the result table; values are formatted, "-" when not known.</summary>
public sealed record ResultRow(
    [property: Description("The area or part's code, e.g. \"PW\", \"IPAK\"; empty on a total row.")] string Code,
    [property: Description("Its name, e.g. \"Penguatan Pengawasan\".")] string Name,
    [property: Description("Its weight, e.g. \"15,00\".")] string Weight,
    [property: Description("The unit's self-assessment, e.g. \"12,40\"; \"-\" when not stored.")] string Self,
    [property: Description("The TPI's value.")] string Tpi,
    [property: Description("TPI − self-assessment, signed, e.g. \"-0,75\"; \"-\" when either is unknown.")] string Difference);

/// <summary>An answer the TPI changed.</summary>
public sealed record ChangedAnswerRow(
    [property: Description("Row number.")] int No,
    [property: Description("The question's code.")] string Question,
    [property: Description("The reviewer, e.g. \"TPI Itjen\".")] string Layer,
    [property: Description("The unit's answer.")] string UnitAnswer,
    [property: Description("The reviewer's answer.")] string ReviewerAnswer,
    [property: Description("Points the change moved the total, signed, e.g. \"-0,250\".")] string Points);
