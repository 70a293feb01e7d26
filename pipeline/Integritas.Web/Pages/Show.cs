using Integritas.Domain.Formatting;
using Integritas.Domain.Readiness;

namespace Integritas.Web.Pages;

/// <summary>How pages write values: id-ID numbers (the same helpers as the reports), a dash for nothing.</summary>
public static class Show
{
    public const string None = "–";

    public static string N(decimal? value, int decimals = 2) => value is { } v ? Formats.Number(v, decimals) : None;

    public static string Pct(decimal? value, int decimals = 1) => value is { } v ? Formats.Percent(v, decimals) : None;

    public static string Int(int value) => value.ToString("N0", Formats.Indonesian);

    public static string Date(DateTimeOffset value) => Formats.Date(value) + " " + value.ToString("HH.mm", Formats.Indonesian);

    /// <summary>The CSS class of a readiness verdict's badge.</summary>
    public static string VerdictClass(string verdict) => verdict switch
    {
        "WBBM" => "badge wbbm",
        "WBK" => "badge wbk",
        _ => "badge belum",
    };

    public static string VerdictText(string verdict) => verdict == ReadinessResult.Belum ? "Belum" : verdict;

    public static string StatusClass(CriterionStatus status) => status switch
    {
        CriterionStatus.Met => "ok",
        CriterionStatus.Waived => "waived",
        CriterionStatus.Unknown => "unknown",
        _ => "short",
    };
}
