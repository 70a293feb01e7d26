using System.Globalization;
using System.Text;

namespace Integritas.Spreadsheets;

/// <summary>
/// How an error message quotes a value from an input file: on one line (line breaks shown as \n), at most
/// <see cref="MaxChars"/> characters, a longer value cut with its full length said — so that a 10,000-character
/// cell or a 1 MB line cannot flood a terminal, a log or a rejection note.
/// </summary>
public static class Excerpt
{
    public const int MaxChars = 100;

    public static string Of(string? value, int max = MaxChars)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var sb = new StringBuilder(Math.Min(value.Length, max) + 32);
        var i = 0;
        for (; i < value.Length && sb.Length < max; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case < ' ' or '\u007F':
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    break;
                default:
                    // Never cut a surrogate pair in two.
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length)
                    {
                        sb.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return i >= value.Length ? sb.ToString() : sb.Append(CultureInfo.InvariantCulture, $"… ({value.Length:N0} characters)").ToString();
    }
}
