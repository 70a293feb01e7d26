using DuckDB.NET.Data;

namespace Integritas.Store.Queries;

/// <summary>One stored file version: what a report run was built from (its data fingerprint).</summary>
public sealed record SourceVersion(long FileId, string FileName, string Sha256, string Format);

public static class SourceVersions
{
    /// <summary>Every file that landed data, in the order it landed.</summary>
    public static IReadOnlyList<SourceVersion> All(DuckDBConnection connection) =>
        [.. connection.Query("SELECT file_id, file_name, sha256, format FROM source_file ORDER BY file_id")
            .Select(r => new SourceVersion(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)))];

    /// <summary>One SHA-256 over the versions (ids and contents): equal exactly when the same files are stored.</summary>
    public static string Fingerprint(IEnumerable<SourceVersion> versions)
    {
        var text = string.Join("\n", versions.Select(v => $"{v.FileId}:{v.Sha256}"));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
