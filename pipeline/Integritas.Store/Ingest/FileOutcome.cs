using Integritas.Ingest;

namespace Integritas.Store.Ingest;

public enum FileStatus
{
    /// <summary>The file landed: something new or changed was stored.</summary>
    Accepted,
    /// <summary>The file was valid and held nothing the database did not already have.</summary>
    Unchanged,
    /// <summary>The file was refused; nothing of it landed.</summary>
    Rejected,
}

/// <summary>What happened to one file: its format, status, what landed, and every error found.</summary>
public sealed record FileOutcome(
    string Path,
    string Format,
    FileStatus Status,
    long Rows,
    IReadOnlyList<string> Landed,
    int ErrorCount,
    IReadOnlyList<IngestError> Errors,
    TimeSpan Elapsed)
{
    /// <summary>What the file says that is not an error (recorded with what landed).</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Remarks on how the file was read (e.g. where its unit and year came from).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static FileOutcome Rejected(string path, string format, long rows, ErrorList errors, TimeSpan elapsed) =>
        new(path, format, FileStatus.Rejected, rows, [], errors.Count, errors.Kept, elapsed);

    public static FileOutcome Refused(string path, string format, IngestError error, TimeSpan elapsed) =>
        new(path, format, FileStatus.Rejected, 0, [], 1, [error], elapsed);
}

/// <summary>The file as it arrived, for lineage: where it was, its hash and size.</summary>
public sealed record SourceFile(string Path, string Name, string Sha256, long Size);
