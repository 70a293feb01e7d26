using System.Globalization;
using Integritas.Spreadsheets;

namespace Integritas.Cli.Output;

/// <summary>
/// CSV for spreadsheets: comma-separated, invariant numbers, and text that a spreadsheet would run as a
/// formula (starting with = + - @, tab or CR) neutralised with a leading apostrophe.
/// </summary>
public static class CsvOutput
{
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        text = FormulaSafety.Neutralise(text);
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static string Cell(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Cell(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static void Row(TextWriter output, IEnumerable<string> cells) => output.WriteLine(string.Join(',', cells));
}
