using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>
/// What the command line may say about the files: the unit and year of workbooks whose file name does not
/// give them (<c>{tahun}_{kode_unit}[_anything].xlsx</c>), the unit's name and instansi, and size limits.
/// </summary>
public sealed record IngestOptions
{
    public int? Year { get; init; }

    public string? UnitId { get; init; }

    public string? UnitName { get; init; }

    public string? Instansi { get; init; }

    public PackageLimits Limits { get; init; } = PackageLimits.Default;

    /// <summary>CSV files larger than this are refused (a 3-million-row export is about 400 MiB).</summary>
    public long MaxTextBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>JSON files larger than this are refused (they are read whole).</summary>
    public long MaxJsonBytes { get; init; } = 64L * 1024 * 1024;

    public static IngestOptions Default { get; } = new();
}
