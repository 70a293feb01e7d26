using System.Globalization;

namespace Integritas.Domain.Formatting;

/// <summary>
/// How readers see numbers and dates: Bahasa Indonesia (id-ID), fixed here rather than taken from the
/// machine or its ICU version, so output is the same everywhere.
/// </summary>
public static class Formats
{
    private static readonly string[] Months =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    /// <summary>id-ID: decimal comma, thousands dot, Indonesian month and day names.</summary>
    public static CultureInfo Indonesian { get; } = CreateIndonesian();

    private static CultureInfo CreateIndonesian()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var n = culture.NumberFormat;
        n.NumberDecimalSeparator = ",";
        n.NumberGroupSeparator = ".";
        n.PercentDecimalSeparator = ",";
        n.PercentGroupSeparator = ".";
        n.PercentPositivePattern = 1; // 81,2%
        n.PercentNegativePattern = 1;
        n.CurrencyDecimalSeparator = ",";
        n.CurrencyGroupSeparator = ".";
        n.CurrencySymbol = "Rp";
        var d = culture.DateTimeFormat;
        d.MonthNames = [.. Months, ""];
        d.MonthGenitiveNames = [.. Months, ""];
        d.AbbreviatedMonthNames = [.. Months.Select(m => m[..3]), ""];
        d.AbbreviatedMonthGenitiveNames = [.. Months.Select(m => m[..3]), ""];
        d.DayNames = Days;
        d.AbbreviatedDayNames = [.. Days.Select(x => x[..3])];
        d.ShortDatePattern = "dd/MM/yyyy";
        d.LongDatePattern = "d MMMM yyyy";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>A number with a fixed count of decimals: <c>75,32</c>.</summary>
    public static string Number(decimal value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Indonesian);

    /// <summary>
    /// A value that is compared with a threshold (a score, an area's % of weight): always 2 decimals, rounded half
    /// up as the verdict rounds it (decision 5), so the figure shown is the figure decided on and never reads as
    /// meeting a minimum it misses (59,98 stays 59,98, never "60"). The one convention for the whole product.
    /// </summary>
    public static string Score(decimal value) => Number(value, 2);

    /// <summary><see cref="Score"/> of a value in percent units, with the sign: <c>59,98%</c>.</summary>
    public static string ScorePercent(decimal percent) => Number(percent, 2) + "%";

    /// <summary>
    /// A name cut to <paramref name="width"/> characters keeping its first word and its end, where names of one
    /// kind differ ("Kantor…Kota Bandung" rather than "Kantor Kementeria…"); as is when it fits.
    /// </summary>
    public static string ShortName(string name, int width)
    {
        if (name.Length <= width)
        {
            return name;
        }
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var head = words[0];
        var tail = "";
        for (var i = words.Length - 1; i > 0; i--)
        {
            var next = tail.Length == 0 ? words[i] : words[i] + " " + tail;
            if (head.Length + 1 + next.Length > width)
            {
                break;
            }
            tail = next;
        }
        if (tail.Length == 0)
        {
            var end = words[^1];
            return end.Length + 1 >= width ? name[..(width - 1)] + "…" : "…" + name[^(width - 1)..];
        }
        return head + "…" + tail;
    }

    /// <summary>A percentage already expressed in percent units: <c>81,2%</c> for 81.2.</summary>
    public static string Percent(decimal percent, int decimals = 1) => Number(percent, decimals) + "%";

    /// <summary>
    /// A stored answer as the LKE shows it: a percentage item (stored as a ratio) as a percentage, whole or with
    /// one decimal (<c>0.5</c> → <c>50%</c>, <c>0.4595</c> → <c>46,0%</c>), Ya/Tidak in sentence case, options as
    /// they are (<c>B</c>); <paramref name="kind"/> is the answer kind's code (<c>PERSEN</c>, <c>YT</c>, …).
    /// </summary>
    public static string Answer(string kind, string answer)
    {
        if (kind == "PERSEN" && decimal.TryParse(answer, NumberStyles.Number, CultureInfo.InvariantCulture, out var ratio))
        {
            var percent = ratio * 100m;
            return Percent(percent, percent == decimal.Truncate(percent) ? 0 : 1);
        }
        return kind == "YT" ? answer.ToUpperInvariant() switch
        {
            "YA" => "Ya",
            "TIDAK" => "Tidak",
            _ => answer,
        } : answer;
    }

    /// <summary>A long date: <c>22 November 2026</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);

    public static string Date(DateTimeOffset date) => Date(DateOnly.FromDateTime(date.DateTime));
}
