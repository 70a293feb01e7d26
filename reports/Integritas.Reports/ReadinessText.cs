using Integritas.Domain.Formatting;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;

namespace Integritas.Reports;

/// <summary>How readiness and criteria read in Bahasa Indonesia.</summary>
public static class ReadinessText
{
    public static string Label(string verdict) => verdict switch
    {
        "WBBM" => "Memenuhi kriteria WBBM",
        "WBK" => "Memenuhi kriteria WBK",
        _ => "Belum memenuhi",
    };

    /// <summary>One criterion's gap, briefly: "Total 71,20 (min. 75)", "Pengawasan 58,4% (min. 60%)".</summary>
    public static string Gap(CriterionResult c) => c.Kind switch
    {
        CriterionKind.BlankQuestions => $"{Formats.Number(c.Actual ?? 0, 0)} soal kosong",
        CriterionKind.Held => $"belum memegang predikat {c.Criterion.Split('.')[^1]}",
        CriterionKind.Prerequisite when c.Status == CriterionStatus.Unknown => $"{c.ShortLabel}: data belum tersedia",
        CriterionKind.Prerequisite => $"{c.ShortLabel} {c.ActualText} (syarat {c.RequiredText})",
        CriterionKind.Percent => $"{c.ShortLabel} {Formats.Number(c.Actual ?? 0)}% (min. {Min(c.Required)}%)",
        _ when c.Status == CriterionStatus.Unknown => $"{c.ShortLabel}: data belum tersedia",
        _ => $"{c.ShortLabel} {Formats.Number(c.Actual ?? 0)} (min. {Min(c.Required)})",
    };

    /// <summary>
    /// One criterion's gap for a narrow terminal column, by the criterion's short label (readers do not know the
    /// codes): "Total 74,97&lt;75", "Pengawasan 49,70%&lt;60%", "TLHP 97,5% (≥ 100)", "SAKIP unit belum ada data",
    /// "3 soal kosong", "belum WBK".
    /// </summary>
    public static string ShortGap(CriterionResult c) => c.Kind switch
    {
        CriterionKind.BlankQuestions => $"{Formats.Number(c.Actual ?? 0, 0)} soal kosong",
        CriterionKind.Held => $"belum {c.Criterion.Split('.')[^1]}",
        _ when c.Status == CriterionStatus.Unknown => $"{c.ShortLabel} belum ada data",
        CriterionKind.Prerequisite => $"{c.ShortLabel} {c.ActualText} ({c.RequiredText})",
        CriterionKind.Percent => $"{c.ShortLabel} {Formats.ScorePercent(c.Actual ?? 0)}<{Min(c.Required)}%",
        _ => $"{c.ShortLabel} {Formats.Score(c.Actual ?? 0)}<{Min(c.Required)}",
    };

    /// <summary>A criterion's value as found: "74,97", "49,65%", "WTP", "0" (blank questions), "ya"; "belum ada data" when unknown.</summary>
    public static string Value(CriterionResult c) => c.Kind switch
    {
        CriterionKind.BlankQuestions => Formats.Number(c.Actual ?? 0, 0),
        CriterionKind.Held => c.IsMet ? "ya" : "belum",
        CriterionKind.Prerequisite => c.ActualText ?? "belum ada data",
        _ when c.Actual is null => "tidak tersedia",
        CriterionKind.Percent => Formats.Number(c.Actual.Value) + "%",
        _ => Formats.Number(c.Actual.Value),
    };

    /// <summary>What a criterion requires: "≥ 75", "≥ 60%", "≥ WTP", "ya", "0"; a criterion the year's rule does not set says so.</summary>
    public static string Requirement(CriterionResult c) => c switch
    {
        { Binding: false, RequiredText: { } text } => text,
        { Kind: CriterionKind.BlankQuestions } => "0",
        { Kind: CriterionKind.Held } => "ya",
        { Kind: CriterionKind.Prerequisite } => c.RequiredText ?? "-",
        { Kind: CriterionKind.Percent } => $"≥ {Min(c.Required)}%",
        _ => $"≥ {Min(c.Required)}",
    };

    /// <summary>The status as data: met, unmet, unknown or waived.</summary>
    public static string StatusCode(CriterionStatus status) => status.ToString().ToLowerInvariant();

    public static string StatusLabel(CriterionStatus status) => status switch
    {
        CriterionStatus.Met => "Terpenuhi",
        CriterionStatus.Unmet => "Belum terpenuhi",
        CriterionStatus.Waived => "Dikecualikan",
        _ => "Belum diketahui",
    };

    /// <summary>A review layer as readers name it.</summary>
    public static string Layer(Reviewer layer) => layer switch
    {
        Reviewer.Unit => "Penilaian mandiri unit",
        Reviewer.TpiUnit => "TPI unit",
        Reviewer.TpiItjen => "TPI Itjen",
        Reviewer.Tpn => "TPN",
        _ => layer.ToCode(),
    };

    /// <summary>
    /// A rule's text as a report quotes it: a table of the regulation ("syarat Tabel 5") named with its regulation
    /// ("Tabel 5 PermenPANRB 5/2024"), so readers do not look for it among the report's own tables.
    /// </summary>
    public static string CiteTables(string text, string regulation) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\bTabel (\d+)\b(?! PermenPANRB)", $"Tabel $1 PermenPANRB {regulation}");

    /// <summary>A minimum as the regulation writes it: no trailing zeros (75, 18,25).</summary>
    public static string Min(decimal? value) => (value ?? 0).ToString("0.##", Formats.Indonesian);

    /// <summary>The first few shortfalls, joined for a table cell; "-" when there are none.</summary>
    public static string Shortfalls(IReadOnlyList<CriterionResult> shortfalls, int max = 3)
    {
        if (shortfalls.Count == 0)
        {
            return "-";
        }
        var shown = shortfalls.Take(max).Select(Gap).ToList();
        if (shortfalls.Count > max)
        {
            shown.Add($"dan {shortfalls.Count - max} kriteria lain");
        }
        return string.Join("; ", shown);
    }
}
