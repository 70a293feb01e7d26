using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Store;
using Integritas.Store.Ingest;

namespace Integritas.Web.Data;

/// <summary>What an upload did: each file's outcome, or why nothing was tried (the database busy).</summary>
public sealed record UploadResult(IReadOnlyList<FileOutcome> Files, string? Busy);

/// <summary>
/// Lands uploaded files through the same path as <c>zi ingest</c> (<see cref="IngestService"/>): each file is kept
/// under a folder of its own in <see cref="WebOptions.UploadsPath"/> (the database records where each landed file
/// is), validated completely and landed whole or not at all. The name a browser sends is reduced to a plain file
/// name (no folders, no odd characters) before it touches the disk; rejected and unchanged copies are removed.
/// </summary>
public sealed partial class UploadIngest(IOptions<WebOptions> options, RuleCatalog rules, TimeProvider clock)
{
    public async Task<UploadResult> IngestAsync(IReadOnlyList<IFormFile> uploads, IngestOptions? ingest, CancellationToken cancellation)
    {
        var folder = Path.Combine(options.Value.UploadsPath, clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        var saved = new List<string>();
        foreach (var upload in uploads)
        {
            var path = Path.Combine(folder, Unique(saved, SafeName(upload.FileName)));
            await using (var target = File.Create(path))
            {
                await upload.CopyToAsync(target, cancellation);
            }
            saved.Add(path);
        }
        var outcomes = new List<FileOutcome>();
        try
        {
            var service = new IngestService(rules, clock, ingest);
            var database = new ZiDatabase(options.Value.Database, clock) { BusyTimeout = TimeSpan.FromSeconds(options.Value.BusySeconds) };
            outcomes.AddRange(service.Ingest(database, saved));
        }
        catch (Exception ex) when (ex is DatabaseBusyException || ex is DuckDBException d && IsConflict(d))
        {
            saved.ForEach(File.Delete);
            Directory.Delete(folder);
            return new UploadResult([], "Basis data sedang dipakai proses lain (misalnya zi ingest atau worker). Tidak ada berkas yang dimuat; unggah lagi sebentar lagi.");
        }
        foreach (var outcome in outcomes.Where(o => o.Status != FileStatus.Accepted))
        {
            File.Delete(outcome.Path);
        }
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
        return new UploadResult(outcomes, null);
    }

    /// <summary>A plain file name from what a browser sent: the last path part, letters, digits and <c>. _ - ( )</c> only.</summary>
    public static string SafeName(string sent)
    {
        var name = sent.Replace('\\', '/').Split('/')[^1];
        name = Unsafe().Replace(name, "_").Trim('.', ' ');
        return name.Length == 0 ? "berkas" : name.Length > 120 ? name[^120..] : name;
    }

    private static string Unique(List<string> saved, string name)
    {
        var candidate = name;
        for (var i = 2; saved.Any(s => string.Equals(Path.GetFileName(s), candidate, StringComparison.OrdinalIgnoreCase)); i++)
        {
            candidate = Path.GetFileNameWithoutExtension(name) + $"-{i}" + Path.GetExtension(name);
        }
        return candidate;
    }

    /// <summary>A connection of this process reading the file with another configuration (a page being served) blocks a writer too.</summary>
    private static bool IsConflict(DuckDBException ex) =>
        ex.Message.Contains("different configuration", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[^\p{L}\p{Nd}._()\- ]")]
    private static partial Regex Unsafe();
}

/// <summary>How an ingest error reads on the page: file, sheet, line, column, value and message in their own cells.</summary>
public static class ErrorCells
{
    public static string Place(IngestError e) => e.Sheet is null ? e.File : $"{e.File} [{e.Sheet}]";
}
