using System.Globalization;

namespace Integritas.Domain.Lke;

/// <summary>
/// Numbers as Indonesian spreadsheets write them: a decimal point or a decimal comma, no thousands
/// separators (weights, ratios and indexes are small).
/// </summary>
public static class LkeNumber
{
    public static bool TryParse(string text, out decimal value)
    {
        value = 0;
        var t = text.Trim();
        if (t.Length == 0)
        {
            return false;
        }
        var separators = 0;
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            if (c is '.' or ',')
            {
                separators++;
                if (i == 0 || i == t.Length - 1)
                {
                    return false;
                }
            }
            else if (c == '-' && i == 0)
            {
                continue;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        if (separators > 1)
        {
            return false;
        }
        return decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The canonical text of a number: invariant, no trailing zeros ("0.5", "17.5", "4").</summary>
    public static string Canonical(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
