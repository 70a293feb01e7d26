using System.Globalization;
using System.Text.RegularExpressions;

namespace Integritas.Reports.Lhe;

/// <summary>
/// A letter number from a pattern (<c>Integritas:Lhe:NumberPattern</c>): <c>{no}</c> the running number (or
/// <c>{no:000}</c> padded), <c>{month}</c> (<c>{month:00}</c>, <c>{month:roman}</c>), <c>{year}</c>, each of the
/// letter's date; everything else is written as it stands.
/// </summary>
public static partial class LetterNumber
{
    public const string DefaultPattern = "B-{no}/IJ/PW.110/{month:roman}/{year}";

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    public static string Format(string pattern, int number, DateOnly date) => Token().Replace(pattern, m =>
    {
        var format = m.Groups["format"].Success ? m.Groups["format"].Value : "";
        return (m.Groups["name"].Value, format) switch
        {
            ("no", "") => number.ToString(CultureInfo.InvariantCulture),
            ("no", var f) when f.All(c => c == '0') => number.ToString(f, CultureInfo.InvariantCulture),
            ("month", "") => date.Month.ToString(CultureInfo.InvariantCulture),
            ("month", "00") => date.Month.ToString("00", CultureInfo.InvariantCulture),
            ("month", "roman") => Roman[date.Month - 1],
            ("year", "") => date.Year.ToString(CultureInfo.InvariantCulture),
            _ => throw new FormatException($"the letter number pattern '{pattern}' has '{m.Value}', which is none of {{no}}, {{no:000}}, {{month}}, {{month:00}}, {{month:roman}}, {{year}}"),
        };
    });

    [GeneratedRegex(@"\{(?<name>[a-z]+)(:(?<format>[^}]*))?\}")]
    private static partial Regex Token();
}
