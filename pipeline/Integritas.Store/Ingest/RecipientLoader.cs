using System.Diagnostics;
using DuckDB.NET.Data;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>
/// Lands the recipients of bursted packets: <c>kode_unit,email</c> (a unit's packet) or <c>instansi,email</c> (an
/// instansi's packet), one address a row, a subject on as many rows as it has addressees. The file is the whole
/// list of each subject it names: a subject's stored addresses are replaced by the file's when they differ;
/// subjects it does not name keep theirs.
/// </summary>
public sealed class RecipientLoader(TimeProvider clock)
{
    public const string Email = "email";
    public const string UnitScope = "unit";
    public const string InstansiScope = "instansi";

    public static readonly IReadOnlyList<string> UnitKeyColumns = [CanonicalColumns.KodeUnit, Email];
    public static readonly IReadOnlyList<string> InstansiKeyColumns = [CanonicalColumns.Instansi, Email];

    private static readonly string[] Optional = [CanonicalColumns.NamaUnit, "nama", CanonicalColumns.Catatan];

    /// <summary>The scope a header is for (<c>unit</c> or <c>instansi</c>), or null when it is not a recipients file.</summary>
    public static string? Matches(HeaderMap header)
    {
        if (header.Find(Email) is null || header.Find(CanonicalColumns.Tahun) is not null)
        {
            return null;
        }
        var unit = header.Find(CanonicalColumns.KodeUnit) is not null;
        var instansi = header.Find(CanonicalColumns.Instansi) is not null;
        return unit && !instansi ? UnitScope : instansi && !unit ? InstansiScope : null;
    }

    private sealed record Row(int Line, string Subject, string Email);

    public FileOutcome Load(DuckDBConnection connection, SourceFile file, ITable table, HeaderMap header, string scope)
    {
        var timer = Stopwatch.StartNew();
        var errors = new ErrorList();
        var subjectColumn = scope == UnitScope ? CanonicalColumns.KodeUnit : CanonicalColumns.Instansi;
        var extra = table.Header!.Fields.Select(HeaderMap.Normalize).Where(n => n.Length > 0 && n != subjectColumn && n != Email && !Optional.Contains(n)).ToList();
        foreach (var name in extra)
        {
            errors.Add(new IngestError(file.Name, $"'{Excerpt.Of(name)}' is not a recipients column (expected {subjectColumn}, {Email})", 1, name, Sheet: table.Sheet));
        }
        var rows = new List<Row>();
        var seen = new Dictionary<(string, string), int>();
        try
        {
            foreach (var record in errors.Any ? [] : table.Records())
            {
                var f = record.Fields;
                if (f.Length != header.Count)
                {
                    errors.Add(new IngestError(file.Name, CanonicalLkeParser.RaggedRow(f.Length, header.Count, table.Delimiter), record.Line, Sheet: table.Sheet));
                    continue;
                }
                var subject = f[header[subjectColumn]].Trim();
                var email = f[header[Email]].Trim();
                var ok = true;
                if (subject.Length == 0)
                {
                    errors.Add(new IngestError(file.Name, scope == UnitScope ? "the unit code is required" : "the instansi is required", record.Line, subjectColumn, subject, table.Sheet));
                    ok = false;
                }
                if (!IsAddress(email))
                {
                    errors.Add(new IngestError(file.Name, email.Length == 0 ? "the e-mail address is required" : "not an e-mail address (name@example.go.id)", record.Line, Email, email, table.Sheet));
                    ok = false;
                }
                if (!ok)
                {
                    continue;
                }
                var key = (subject.ToUpperInvariant(), email.ToLowerInvariant());
                if (seen.TryGetValue(key, out var first))
                {
                    errors.Add(new IngestError(file.Name, $"{Excerpt.Of(subject)} has {Excerpt.Of(email)} already on line {first}", record.Line, Email, email, table.Sheet));
                    continue;
                }
                seen[key] = record.Line;
                rows.Add(new Row(record.Line, subject, email));
            }
        }
        catch (IngestFileException ex)
        {
            errors.Add(ex.Error);
        }
        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add(new IngestError(file.Name, "the file has a header but no rows"));
        }
        if (errors.Any)
        {
            return FileOutcome.Rejected(file.Path, InputFormats.Recipients, rows.Count, errors, timer.Elapsed);
        }

        using var tx = connection.BeginTransaction();
        var stored = connection.Query("SELECT upper(subject), lower(email) FROM recipient WHERE scope = $s", ("s", scope))
            .Select(r => (Subject: r.GetString(0), Email: r.GetString(1))).ToLookup(x => x.Subject, x => x.Email);
        var changed = rows.GroupBy(r => r.Subject.ToUpperInvariant())
            .Where(g => !stored[g.Key].Order(StringComparer.Ordinal).SequenceEqual(g.Select(r => r.Email.ToLowerInvariant()).Order(StringComparer.Ordinal)))
            .ToList();
        if (changed.Count == 0)
        {
            tx.Rollback();
            return new FileOutcome(file.Path, InputFormats.Recipients, FileStatus.Unchanged, rows.Count, [], 0, [], timer.Elapsed);
        }
        var fileId = SourceFiles.Add(connection, file, InputFormats.Recipients, rows.Count, clock);
        foreach (var group in changed)
        {
            connection.Execute("DELETE FROM recipient WHERE scope = $s AND upper(subject) = $u", ("s", scope), ("u", group.Key));
            foreach (var r in group)
            {
                connection.Execute("INSERT INTO recipient VALUES ($s, $u, $e, $f, $l)", ("s", scope), ("u", r.Subject), ("e", r.Email), ("f", fileId), ("l", r.Line));
            }
        }
        tx.Commit();
        var landed = changed.Select(g => $"{g.First().Subject}: {string.Join(", ", g.Select(r => r.Email))}").ToList();
        return new FileOutcome(file.Path, InputFormats.Recipients, FileStatus.Accepted, rows.Count, landed, 0, [], timer.Elapsed);
    }

    /// <summary>An address: one '@' with text on both sides, no spaces, and a dot in the domain.</summary>
    public static bool IsAddress(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '<' or '>' or '"')
            && text[(at + 1)..].Contains('.', StringComparison.Ordinal) && System.Net.Mail.MailAddress.TryCreate(text, out _);
    }
}
