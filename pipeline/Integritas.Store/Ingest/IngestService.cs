using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Ingest.Workbook;
using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>
/// Ingests files and folders into the database. Each file is recognised by its extension, checked to be
/// what the extension says, validated completely, and lands whole (one transaction) or not at all:
/// canonical LKE CSV, official LKE workbooks and TPI templates, PortalRB JSON, recap sheets, facts and
/// predicate histories (the tabular ones as CSV or as a workbook's first sheet).
/// </summary>
public sealed partial class IngestService(RuleCatalog rules, TimeProvider clock, IngestOptions? options = null)
{
    /// <summary>Called while a large file is read (every 25,000 rows).</summary>
    public Action<IngestProgress>? Progress { get; init; }

    private static readonly string[] TextExtensions = [".csv", ".txt", ".tsv"];
    private static readonly string[] WorkbookExtensions = [".xlsx"];
    private static readonly string[] RefusedWorkbookExtensions = [".xlsm", ".xltm", ".xls", ".xlsb"];

    private readonly IngestOptions _options = options ?? IngestOptions.Default;

    /// <summary>The file types ingest reads or explicitly refuses; a folder contributes only files of these types.</summary>
    public static bool IsSupported(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return TextExtensions.Contains(extension) || WorkbookExtensions.Contains(extension) || RefusedWorkbookExtensions.Contains(extension) || extension == ".json";
    }

    /// <summary>
    /// The files a list of paths names: files as given (an unsupported one is refused when ingested);
    /// folders searched recursively, taking supported files and skipping hidden files and folders, build
    /// output (bin, obj), error notes left by the worker and Office lock files (~$name). Question banks
    /// come first, so answers given by question id find their bank.
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
                if (parts.Any(p => p.StartsWith('.')) || parts.SkipLast(1).Any(p => p is "bin" or "obj") || Path.GetFileName(file).StartsWith("~$", StringComparison.Ordinal))
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
        return ([.. files.OrderBy(f => PortalLoader.IsQuestionBank(f) ? 0 : 1)], skipped);
    }

    /// <summary>
    /// Ingests files in order, each in its own transaction, over one open connection. A database file this
    /// call created is removed again when none of the files landed (all missing or rejected), so a mistyped
    /// path leaves no empty database behind.
    /// </summary>
    public IEnumerable<FileOutcome> Ingest(ZiDatabase database, IEnumerable<string> files)
    {
        var folder = Path.GetDirectoryName(database.Path)!;
        var (newFile, newFolder) = (!database.Exists, !Directory.Exists(folder));
        var landed = false;
        try
        {
            using var connection = database.OpenWrite();
            foreach (var file in files)
            {
                var outcome = IngestFile(connection, file);
                landed |= outcome.Status == FileStatus.Accepted;
                yield return outcome;
            }
        }
        finally
        {
            if (newFile && !landed)
            {
                database.Remove(newFolder);
            }
        }
    }

    public FileOutcome IngestFile(DuckDBConnection connection, string path)
    {
        var timer = Stopwatch.StartNew();
        var name = Path.GetFileName(path);
        FileOutcome Refuse(string message, string format = InputFormats.Unknown) =>
            FileOutcome.Refused(path, format, new IngestError(name, message), timer.Elapsed);

        if (!File.Exists(path))
        {
            return Refuse(Directory.Exists(path) ? "a folder where a file was expected" : $"no such file ({Path.GetFullPath(path)} does not exist)");
        }
        var info = new FileInfo(path);
        if (info.Length == 0)
        {
            return Refuse("the file is empty");
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!IsSupported(path))
        {
            return Refuse($"unsupported file type '{Excerpt.Of(extension)}' (expected .csv, .txt, .tsv, .xlsx or .json)");
        }
        FileKind kind;
        using (var head = OpenRead(path))
        {
            kind = FileSignature.Sniff(head);
        }
        // What the extension, size and first bytes refuse is refused before the file is hashed or read further.
        if (Refusal(extension, info.Length, kind) is { } refusal)
        {
            return Refuse(refusal, WorkbookExtensions.Contains(extension) || RefusedWorkbookExtensions.Contains(extension) ? InputFormats.Workbook : InputFormats.Unknown);
        }
        var source = Source(path, info);
        if (AlreadyCurrent(connection, source, timer) is { } unchanged)
        {
            return unchanged;
        }
        try
        {
            if (TextExtensions.Contains(extension))
            {
                using var table = new CsvTable(path, name);
                return Table(connection, source, table, timer);
            }
            if (WorkbookExtensions.Contains(extension))
            {
                using var book = XlsxWorkbook.Open(path, _options.Limits);
                return Workbook(connection, source, book, timer);
            }
            if (extension == ".json")
            {
                return new PortalLoader(rules, clock).Load(connection, source);
            }
        }
        catch (SpreadsheetException ex)
        {
            return FileOutcome.Refused(path, InputFormats.Workbook, new IngestError(name, ex.Message, ex.Row, Sheet: ex.Sheet), timer.Elapsed);
        }
        catch (IngestFileException ex)
        {
            return FileOutcome.Refused(path, InputFormats.Unknown, ex.Error, timer.Elapsed);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or EndOfStreamException or System.Text.DecoderFallbackException)
        {
            // Damage a reader did not name itself: still this file's rejection, never the end of the command.
            return Refuse($"the file is damaged and cannot be read ({Excerpt.Of(ex.Message, 200)}); save it again or send it again",
                WorkbookExtensions.Contains(extension) ? InputFormats.Workbook : InputFormats.Unknown);
        }
        return Refuse($"unsupported file type '{Excerpt.Of(extension)}' (expected .csv, .txt, .tsv, .xlsx or .json)");
    }

    /// <summary>Opens a file to sniff and hash it (a test counts the bytes read through it).</summary>
    public Func<string, Stream> OpenRead { get; init; } = File.OpenRead;

    /// <summary>Why a file is refused from its extension, size and first bytes alone (null: it is read).</summary>
    private string? Refusal(string extension, long size, FileKind kind)
    {
        if (TextExtensions.Contains(extension))
        {
            return kind is FileKind.Zip or FileKind.Ole or FileKind.Pdf or FileKind.Binary
                ? $"the file is named {extension} but is {FileSignature.Describe(kind)}, not CSV text"
                : size > _options.MaxTextBytes ? $"the file is {size / (1024 * 1024)} MiB; text files over {_options.MaxTextBytes / (1024 * 1024)} MiB are refused" : null;
        }
        if (extension is ".xls" or ".xlsb")
        {
            return $"{extension} workbooks are not read; save the file as .xlsx (Excel Workbook)";
        }
        if (WorkbookExtensions.Contains(extension) || RefusedWorkbookExtensions.Contains(extension))
        {
            return XlsxWorkbook.Refusal(extension, size, kind, _options.Limits);
        }
        return kind != FileKind.Text
            ? $"the file is named .json but is {FileSignature.Describe(kind)}"
            : size > _options.MaxJsonBytes ? $"the file is {size / (1024 * 1024)} MiB; JSON files over {_options.MaxJsonBytes / (1024 * 1024)} MiB are refused" : null;
    }

    private SourceFile Source(string path, FileInfo info) => new(Path.GetFullPath(path), info.Name, Sha256(path), info.Length);

    /// <summary>
    /// A file byte-for-byte identical to one that landed LKEs which are all still current changes nothing:
    /// it is known unchanged without being read again.
    /// </summary>
    private static FileOutcome? AlreadyCurrent(DuckDBConnection connection, SourceFile source, Stopwatch timer)
    {
        var known = connection.Query("""
            SELECT f.file_name, f.format, f.row_count
            FROM source_file f JOIN submission s USING (file_id)
            WHERE f.sha256 = $sha
            GROUP BY f.file_id, f.file_name, f.format, f.row_count
            HAVING bool_and(s.is_current)
            LIMIT 1
            """, ("sha", source.Sha256)).Select(r => (Name: r.GetString(0), Format: r.GetString(1), Rows: r.GetInt64(2))).FirstOrDefault();
        return known.Name is null ? null : new FileOutcome(source.Path, known.Format, FileStatus.Unchanged, known.Rows, [], 0, [], timer.Elapsed)
        {
            Notes = [$"identical to {known.Name}, already stored and current"],
        };
    }

    /// <summary>A workbook: the LKE layouts by their sheet, any other table by its first visible sheet's header.</summary>
    private FileOutcome Workbook(DuckDBConnection connection, SourceFile source, XlsxWorkbook book, Stopwatch timer)
    {
        if (LkeWorkbookParser.SheetNames.Any(n => book.FindSheet(n) is { Hidden: false }))
        {
            var identity = Identity(connection, source.Name);
            if (identity.Error is not null)
            {
                return FileOutcome.Refused(source.Path, InputFormats.Workbook, new IngestError(source.Name, identity.Error), timer.Elapsed);
            }
            var format = book.FindSheet("LKE ZI") is { Hidden: false } ? InputFormats.Workbook : InputFormats.TpiWorkbook;
            var outcome = new LkeLoader(rules, clock, Progress).Load(connection, source, format, new WorkbookLkeSource(source.Name, book, identity.Unit!, rules));
            return outcome with { Notes = identity.Notes };
        }
        var sheet = book.Sheets.FirstOrDefault(s => !s.Hidden);
        if (sheet is null)
        {
            return FileOutcome.Refused(source.Path, InputFormats.Workbook, new IngestError(source.Name, "the workbook has no visible sheet"), timer.Elapsed);
        }
        using var table = new SheetTable(book, sheet);
        return Table(connection, source, table, timer);
    }

    /// <summary>A table (CSV or sheet), recognised by its header.</summary>
    private FileOutcome Table(DuckDBConnection connection, SourceFile source, ITable table, Stopwatch timer)
    {
        if (table.Header is not { } headerRecord || headerRecord.IsBlank)
        {
            return FileOutcome.Refused(source.Path, InputFormats.Unknown, new IngestError(source.Name, "the file has no header line", 1, Sheet: table.Sheet), timer.Elapsed);
        }
        var header = HeaderMap.Of(headerRecord);
        if (header.HasAll(CanonicalColumns.Required))
        {
            var problems = header.Check(source.Name, headerRecord, CanonicalColumns.Required).ToList();
            if (problems.Count > 0)
            {
                var list = new ErrorList();
                problems.ForEach(list.Add);
                return FileOutcome.Rejected(source.Path, InputFormats.LkeCsv, 0, list, timer.Elapsed);
            }
            var format = table.Sheet is null ? InputFormats.LkeCsv : InputFormats.LkeSheet;
            return new LkeLoader(rules, clock, Progress).Load(connection, source, format, new CanonicalTableSource(source.Name, table, header, rules));
        }
        if (header.HasAll(CanonicalColumns.Predicates) && header.Count == CanonicalColumns.Predicates.Length)
        {
            return new PredicateLoader(rules, clock).Load(connection, source, table, header);
        }
        if (RecapLoader.Matches(header))
        {
            return new RecapLoader(rules, clock).Load(connection, source, table, header);
        }
        if (LheTeamLoader.Matches(header))
        {
            return new LheTeamLoader(clock).Load(connection, source, table, header);
        }
        if (TargetLoader.Matches(header))
        {
            return new TargetLoader(clock).Load(connection, source, table, header);
        }
        if (FactLoader.Matches(header) is { } scope)
        {
            return new FactLoader(clock).Load(connection, source, table, header, scope);
        }
        if (RecipientLoader.Matches(header) is { } recipients)
        {
            return new RecipientLoader(clock).Load(connection, source, table, header, recipients);
        }
        return FileOutcome.Refused(source.Path, InputFormats.Unknown, Unrecognised(source.Name, header, headerRecord, table.Sheet), timer.Elapsed);
    }

    private sealed record ResolvedUnit(UnitIdentity? Unit, string? Error, IReadOnlyList<string> Notes);

    /// <summary>
    /// A workbook's unit and year: the options when given, else the file name ({tahun}_{kode_unit}[_…].xlsx);
    /// its name and instansi from the options, else from the unit's latest stored LKE.
    /// </summary>
    private ResolvedUnit Identity(DuckDBConnection connection, string fileName)
    {
        var notes = new List<string>();
        var match = WorkbookName().Match(Path.GetFileNameWithoutExtension(fileName));
        var year = _options.Year ?? (match.Success ? int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
        var unitId = _options.UnitId ?? (match.Success ? match.Groups["unit"].Value : null);
        if (year is null || unitId is null)
        {
            return new(null, "cannot tell which unit and year this workbook is about: name the file {tahun}_{kode_unit}[_anything].xlsx " +
                "(e.g. 2025_BPS-02_lke.xlsx) or give --tahun and --kode-unit", notes);
        }
        var name = _options.UnitName;
        var instansi = _options.Instansi;
        if (name is null || instansi is null)
        {
            var known = connection.Query("SELECT unit_name, instansi FROM submission WHERE unit_id = $u ORDER BY year DESC, version DESC LIMIT 1", ("u", unitId))
                .Select(r => (Name: r.GetString(0), Instansi: r.GetString(1))).FirstOrDefault();
            if (known.Name is not null)
            {
                name ??= known.Name;
                instansi ??= known.Instansi;
            }
            else
            {
                notes.Add($"unit {unitId} is not known yet and its {(name is null ? "name" : "instansi")} was not given (--nama-unit, --instansi); it is stored under its code");
                name ??= unitId;
                instansi ??= "";
            }
        }
        return new(new UnitIdentity(unitId, year.Value, name, instansi), null, notes);
    }

    private static IngestError Unrecognised(string name, HeaderMap header, Integritas.Ingest.Csv.CsvRecord headerRecord, string? sheet)
    {
        var formats = new (string Name, IReadOnlyList<string> Columns)[]
        {
            ("a canonical LKE", CanonicalColumns.Required),
            ("a predicate history", CanonicalColumns.Predicates),
            ("a recap sheet", RecapLoader.KeyColumns),
            ("unit facts", FactLoader.UnitKeyColumns),
            ("instansi facts", FactLoader.InstansiKeyColumns),
            ("targets", TargetLoader.KeyColumns),
            ("an LHE team", LheTeamLoader.KeyColumns),
            ("unit recipients", RecipientLoader.UnitKeyColumns),
            ("instansi recipients", RecipientLoader.InstansiKeyColumns),
        };
        var closest = formats.OrderBy(f => f.Columns.Count(c => header.Find(c) is null)).First();
        var missing = closest.Columns.Where(c => header.Find(c) is null).Select(c => $"'{c}'");
        var shown = Excerpt.Of(string.Join(",", headerRecord.Fields.Take(12).Select(f => Excerpt.Of(f, 30))));
        return new IngestError(name,
            $"the header '{shown}' matches no known format; for {closest.Name} it lacks {string.Join(", ", missing)} (see data-samples/FORMATS.md)", 1, Sheet: sheet);
    }

    private string Sha256(string path)
    {
        using var stream = OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    [GeneratedRegex(@"^(?<year>(19|20)\d\d)_(?<unit>[^_]+)(_.*)?$")]
    private static partial Regex WorkbookName();
}
