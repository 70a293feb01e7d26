using System.Diagnostics;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Ingest.Csv;

namespace Integritas.Store.Ingest;

/// <summary>
/// Ingests files and folders into the database: each file is recognised by its extension and header,
/// validated completely, and lands whole (one transaction) or not at all.
/// </summary>
public sealed class IngestService(RuleCatalog rules, TimeProvider clock)
{
    private static readonly string[] CsvExtensions = [".csv", ".txt", ".tsv"];

    /// <summary>The extensions ingest reads; a folder contributes only files of these types.</summary>
    public static bool IsSupported(string path) => CsvExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>
    /// The files a list of paths names: files as given (an unsupported one is refused when ingested);
    /// folders searched recursively, sorted, taking supported files and skipping hidden files and folders,
    /// build output (bin, obj) and error notes left by the worker.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Skipped) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(path, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Any(p => p.StartsWith('.')) || parts.SkipLast(1).Any(p => p is "bin" or "obj"))
                {
                    continue;
                }
                if (IsSupported(file) && !file.EndsWith(".error.txt", StringComparison.Ordinal))
                {
                    files.Add(file);
                }
                else
                {
                    skipped.Add(file);
                }
            }
        }
        return (files, skipped);
    }

    /// <summary>Ingests files in order, each in its own transaction, over one open connection.</summary>
    public IEnumerable<FileOutcome> Ingest(ZiDatabase database, IEnumerable<string> files)
    {
        using var connection = database.OpenWrite();
        foreach (var file in files)
        {
            yield return IngestFile(connection, file);
        }
    }

    public FileOutcome IngestFile(DuckDBConnection connection, string path)
    {
        var timer = Stopwatch.StartNew();
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return FileOutcome.Refused(path, InputFormats.Unknown, new IngestError(path, "no such file"), timer.Elapsed);
        }
        var info = new FileInfo(path);
        if (info.Length == 0)
        {
            return FileOutcome.Refused(path, InputFormats.Unknown, new IngestError(name, "the file is empty"), timer.Elapsed);
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!CsvExtensions.Contains(extension))
        {
            return FileOutcome.Refused(path, InputFormats.Unknown,
                new IngestError(name, $"unsupported file type '{extension}' (expected a canonical LKE or predicate CSV: .csv, .txt, .tsv)"), timer.Elapsed);
        }
        var source = new SourceFile(Path.GetFullPath(path), name, Sha256(path), info.Length);
        using var stream = File.OpenRead(path);
        using var reader = new CsvReader(stream, name);
        CsvRecord? headerRecord;
        try
        {
            headerRecord = reader.ReadHeader();
        }
        catch (IngestFileException ex)
        {
            return FileOutcome.Refused(path, InputFormats.Unknown, ex.Error, timer.Elapsed);
        }
        if (headerRecord is null || headerRecord.IsBlank)
        {
            return FileOutcome.Refused(path, InputFormats.Unknown, new IngestError(name, "the file has no header line", 1), timer.Elapsed);
        }
        var header = HeaderMap.Of(headerRecord);
        if (header.HasAll(CanonicalColumns.Required))
        {
            var problems = header.Check(name, headerRecord, CanonicalColumns.Required).ToList();
            if (problems.Count > 0)
            {
                var list = new ErrorList();
                problems.ForEach(list.Add);
                return FileOutcome.Rejected(path, InputFormats.LkeCsv, 0, list, timer.Elapsed);
            }
            return new LkeLoader(rules, clock).Load(connection, source, InputFormats.LkeCsv, new CanonicalCsvSource(name, reader, header, rules));
        }
        if (header.HasAll(CanonicalColumns.Predicates) && header.Count == CanonicalColumns.Predicates.Length)
        {
            return new PredicateLoader(rules, clock).Load(connection, source, reader, header);
        }
        return FileOutcome.Refused(path, InputFormats.Unknown, Unrecognised(name, header, headerRecord), timer.Elapsed);
    }

    private static IngestError Unrecognised(string name, HeaderMap header, CsvRecord headerRecord)
    {
        // Name what is missing for the format the header comes closest to.
        var lkeMissing = CanonicalColumns.Required.Where(c => header.Find(c) is null).ToList();
        var predicateMissing = CanonicalColumns.Predicates.Where(c => header.Find(c) is null).ToList();
        var closest = lkeMissing.Count <= predicateMissing.Count
            ? $"for a canonical LKE CSV it lacks {string.Join(", ", lkeMissing.Select(c => $"'{c}'"))}"
            : $"for a predicate CSV it lacks {string.Join(", ", predicateMissing.Select(c => $"'{c}'"))}";
        var shown = string.Join(",", headerRecord.Fields.Take(12));
        return new IngestError(name,
            $"the header '{shown}' matches no known format: {closest} (canonical LKE: {string.Join(",", CanonicalColumns.Required)}; predicates: {string.Join(",", CanonicalColumns.Predicates)})",
            1);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
