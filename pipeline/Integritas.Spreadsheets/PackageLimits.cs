namespace Integritas.Spreadsheets;

/// <summary>
/// What a zip package (.xlsx) may be before it is refused: its size on disk, the number of entries, and how
/// much it expands (in total, per entry, and by ratio), so a zip bomb is stopped before it is inflated.
/// </summary>
public sealed record PackageLimits
{
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    public int MaxEntries { get; init; } = 5_000;

    public long MaxEntryBytes { get; init; } = 300L * 1024 * 1024;

    public long MaxTotalBytes { get; init; } = 600L * 1024 * 1024;

    /// <summary>Uncompressed ÷ compressed size beyond which an entry is taken for a bomb (XML compresses ~10–30×).</summary>
    public double MaxRatio { get; init; } = 200;

    public static PackageLimits Default { get; } = new();
}

/// <summary>A file refused before or while it is read: not a workbook, encrypted, macro-enabled, too large, a bomb, or malformed.</summary>
public sealed class SpreadsheetException(string message, string? sheet = null, int? row = null, Exception? inner = null) : Exception(message, inner)
{
    public string? Sheet { get; } = sheet;

    public int? Row { get; } = row;
}
