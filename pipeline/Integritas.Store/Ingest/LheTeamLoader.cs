using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>
/// Lands the TPI teams of the LHE (<c>lhe-tim.csv</c>: <c>kode_unit, surat_tugas, tanggal_mulai, tanggal_selesai,
/// peran, nama, nip</c>, optionally <c>tahun</c>): one row per member of the team that evaluated a unit in a year.
/// The year is <c>tahun</c> when given, else the year of <c>tanggal_mulai</c>. A file holding a unit-year replaces
/// the team stored for it when the team differs; every row is checked first and a file with an error changes nothing.
/// </summary>
public sealed class LheTeamLoader(TimeProvider clock)
{
    public const string SuratTugas = "surat_tugas";
    public const string Start = "tanggal_mulai";
    public const string End = "tanggal_selesai";
    public const string Role = "peran";
    public const string Name = "nama";
    public const string Nip = "nip";

    public static readonly IReadOnlyList<string> KeyColumns = [CanonicalColumns.KodeUnit, SuratTugas, Start, End, Role, Name, Nip];

    /// <summary>The roles of a TPI team as the file names them, in the order the LHE lists them.</summary>
    public static readonly IReadOnlyList<string> Roles = ["pengendali_mutu", "pengendali_teknis", "ketua", "anggota"];

    public static bool Matches(HeaderMap header) => KeyColumns.All(c => header.Find(c) is not null);

    private sealed record Row(int Line, string Unit, int Year, string Letter, DateOnly Start, DateOnly End, string Role, string Name, string Nip);

    public FileOutcome Load(DuckDBConnection connection, SourceFile file, ITable table, HeaderMap header)
    {
        var timer = Stopwatch.StartNew();
        var errors = new ErrorList();
        var rows = new List<Row>();
        var known = new HashSet<string>(KeyColumns, StringComparer.Ordinal) { CanonicalColumns.Tahun, "catatan" };
        foreach (var name in table.Header!.Fields.Select(HeaderMap.Normalize).Where(n => n.Length > 0 && !known.Contains(n)))
        {
            errors.Add(new IngestError(file.Name, $"'{Excerpt.Of(name)}' is not a team column (expected {string.Join(", ", KeyColumns)}, optionally tahun)", 1, name, Sheet: table.Sheet));
        }
        var nips = new Dictionary<(string, int, string), int>();
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
                string Text(string column) => f[header[column]].Trim();
                void Error(string column, string message) => errors.Add(new IngestError(file.Name, message, record.Line, column, Text(column), table.Sheet));
                var ok = true;
                foreach (var column in new[] { CanonicalColumns.KodeUnit, SuratTugas, Name })
                {
                    if (Text(column).Length == 0)
                    {
                        Error(column, $"the {column} is required");
                        ok = false;
                    }
                }
                var start = Date(Start);
                var end = Date(End);
                DateOnly? Date(string column)
                {
                    if (DateOnly.TryParseExact(Text(column), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    {
                        return d;
                    }
                    Error(column, "a date is written yyyy-MM-dd, e.g. 2025-03-10");
                    ok = false;
                    return null;
                }
                if (start is { } s && end is { } e && e < s)
                {
                    Error(End, $"the assignment ends before it starts ({s:yyyy-MM-dd})");
                    ok = false;
                }
                var role = Text(Role).ToLowerInvariant().Replace(' ', '_');
                if (!Roles.Contains(role))
                {
                    Error(Role, $"not a team role (expected {string.Join(", ", Roles)})");
                    ok = false;
                }
                if (NipCheck.Problem(Text(Nip)) is { } problem)
                {
                    Error(Nip, problem);
                    ok = false;
                }
                var year = start?.Year ?? 0;
                if (header.Find(CanonicalColumns.Tahun) is { } yearColumn)
                {
                    var yearText = f[yearColumn].Trim();
                    if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 1990 or > 2100)
                    {
                        Error(CanonicalColumns.Tahun, "the year must be a whole number such as 2025");
                        ok = false;
                    }
                }
                if (!ok)
                {
                    continue;
                }
                var key = (Text(CanonicalColumns.KodeUnit), year, Text(Nip));
                if (nips.TryGetValue(key, out var first))
                {
                    Error(Nip, $"this member is already in the team of {key.Item1} {year} on line {first}");
                    continue;
                }
                nips[key] = record.Line;
                rows.Add(new Row(record.Line, key.Item1, year, Text(SuratTugas), start!.Value, end!.Value, role, Text(Name), Text(Nip)));
            }
        }
        catch (IngestFileException ex)
        {
            errors.Add(ex.Error);
        }
        // One assignment per unit-year: every member's row names the same letter and dates.
        foreach (var team in rows.GroupBy(r => (r.Unit, r.Year)))
        {
            var lead = team.First();
            foreach (var other in team.Skip(1).Where(r => (r.Letter, r.Start, r.End) != (lead.Letter, lead.Start, lead.End)))
            {
                errors.Add(new IngestError(file.Name, $"the team of {lead.Unit} {lead.Year} has another assignment on line {lead.Line} ({Excerpt.Of(lead.Letter)}, {lead.Start:yyyy-MM-dd} – {lead.End:yyyy-MM-dd}): one surat tugas per unit and year",
                    other.Line, SuratTugas, other.Letter, table.Sheet));
            }
        }
        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add(new IngestError(file.Name, "the file has a header but no rows", Sheet: table.Sheet));
        }
        if (errors.Any)
        {
            return FileOutcome.Rejected(file.Path, InputFormats.LheTeam, rows.Count, errors, timer.Elapsed);
        }

        using var tx = connection.BeginTransaction();
        var stored = connection.Query("SELECT unit_id, year, string_agg(concat_ws('|', surat_tugas, start_date, end_date, role, name, nip), '\n' ORDER BY position) FROM lhe_team GROUP BY ALL")
            .ToDictionary(r => (r.GetString(0), r.GetInt32(1)), r => r.GetString(2));
        var teams = rows.GroupBy(r => (r.Unit, r.Year))
            .Where(t => !stored.TryGetValue(t.Key, out var s) || s != string.Join("\n", t.Select(r => string.Join('|', r.Letter, r.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Role, r.Name, r.Nip))))
            .ToList();
        if (teams.Count == 0)
        {
            tx.Rollback();
            return new FileOutcome(file.Path, InputFormats.LheTeam, FileStatus.Unchanged, rows.Count, [], 0, [], timer.Elapsed);
        }
        var fileId = SourceFiles.Add(connection, file, InputFormats.LheTeam, rows.Count, clock);
        foreach (var team in teams)
        {
            connection.Execute("DELETE FROM lhe_team WHERE unit_id = $u AND year = $y", ("u", team.Key.Unit), ("y", team.Key.Year));
            foreach (var (r, i) in team.Select((r, i) => (r, i)))
            {
                connection.Execute("INSERT INTO lhe_team VALUES ($u, $y, $st, $s, $e, $r, $n, $nip, $p, $f, $l)",
                    ("u", r.Unit), ("y", r.Year), ("st", r.Letter), ("s", r.Start.ToDateTime(TimeOnly.MinValue)), ("e", r.End.ToDateTime(TimeOnly.MinValue)),
                    ("r", r.Role), ("n", r.Name), ("nip", r.Nip), ("p", i + 1), ("f", fileId), ("l", r.Line));
            }
        }
        tx.Commit();
        var landed = teams.Select(t => $"{t.Key.Unit} {t.Key.Year} (tim {t.Count()} orang)").ToList();
        return new FileOutcome(file.Path, InputFormats.LheTeam, FileStatus.Accepted, rows.Count, landed, 0, [], timer.Elapsed);
    }
}

/// <summary>
/// What can be checked of a civil servant's NIP (Nomor Induk Pegawai, 18 digits): birth date yyyyMMdd, the
/// month of appointment yyyyMM (after the 18th birthday), sex 1 (man) or 2 (woman), and a sequence of three digits.
/// </summary>
public static class NipCheck
{
    /// <summary>What is wrong with <paramref name="nip"/>, in one phrase; null when nothing checkable is.</summary>
    public static string? Problem(string nip)
    {
        if (nip.Length != 18 || !nip.All(char.IsAsciiDigit))
        {
            return $"a NIP is 18 digits (this has {nip.Length} character(s){(nip.All(char.IsAsciiDigit) ? "" : ", not all digits")})";
        }
        if (!DateOnly.TryParseExact(nip[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) || born.Year < 1930)
        {
            return $"a NIP begins with the birth date yyyyMMdd; '{nip[..8]}' is not a date";
        }
        if (!DateOnly.TryParseExact(nip[8..14] + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var appointed))
        {
            return $"digits 9–14 of a NIP are the month of appointment yyyyMM; '{nip[8..14]}' is not a month";
        }
        if (appointed < born.AddYears(18).AddDays(1 - born.AddYears(18).Day))
        {
            return $"the appointment month {nip[8..14]} is before the 18th birthday of the birth date {nip[..8]}";
        }
        if (nip[14] is not ('1' or '2'))
        {
            return $"digit 15 of a NIP is the sex, 1 or 2; it is '{nip[14]}'";
        }
        if (nip[15..] == "000")
        {
            return "the last three digits of a NIP are a sequence number from 001; it is 000";
        }
        return null;
    }
}
