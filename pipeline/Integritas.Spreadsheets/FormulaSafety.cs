using System.Globalization;

namespace Integritas.Spreadsheets;

/// <summary>
/// Neutralises text that a spreadsheet would run as a formula when the file is opened or the cell edited
/// (CSV/formula injection): text starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
/// return gets a leading apostrophe. Numbers such as <c>-1.5</c> are left alone.
/// </summary>
public static class FormulaSafety
{
    public static bool IsRisky(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(text);

    public static string Neutralise(string text) => IsRisky(text) ? "'" + text : text;

    private static bool IsNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
