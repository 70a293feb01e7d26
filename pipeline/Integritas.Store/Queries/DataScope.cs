using System.Globalization;
using DuckDB.NET.Data;

namespace Integritas.Store.Queries;

/// <summary>One instansi or unit a bursted packet is for: its key (the unit code or the instansi's name) and how it is named.</summary>
public sealed record ScopeSubject(string Kind, string Key, string Label);

/// <summary>
/// The units a report run may see: those of the listed instansi and the listed units (both empty: every unit), and
/// the instansi they belong to. <see cref="Apply"/> puts the scope on a connection: temporary views named like the
/// unit tables (submission, answer, recap_value, score_card, predicate, finding, fact, target, source_file) show only
/// the scope's rows, so every query a report makes on that connection — whatever it asks — reads no other unit's
/// data. A bursted packet is built over such a connection: it cannot hold another unit's figures.
/// </summary>
public sealed record DataScope(IReadOnlyList<string> Instansi, IReadOnlyList<string> Units)
{
    public static DataScope All { get; } = new([], []);

    public bool IsAll => Instansi.Count == 0 && Units.Count == 0;

    /// <summary>A further scope the units must also be in (a burst's instansi within a subscription's scope).</summary>
    public DataScope? Within { get; init; }

    /// <summary>The scope of one subject of a burst within this one.</summary>
    public DataScope For(ScopeSubject subject) => (subject.Kind == "unit" ? OfUnit(subject.Key) : OfInstansi(subject.Key)) with { Within = this };

    private string UnitSet(string submissions)
    {
        var units = List(Units);
        return $"""
            SELECT DISTINCT upper(unit_id) AS unit FROM {submissions} WHERE upper(unit_id) IN ({units}) OR upper(instansi) IN ({List(Instansi)})
            UNION SELECT upper(u) FROM (SELECT unnest([{units}]::VARCHAR[]) AS u) WHERE u IS NOT NULL
            """;
    }

    public static DataScope OfUnit(string unit) => new([], [unit]);

    public static DataScope OfInstansi(string instansi) => new([instansi], []);

    /// <summary>The tables a scope hides rows of; everything else a report reads (the question bank, rules) is not about a unit.</summary>
    public static readonly IReadOnlyList<string> ScopedTables = ["submission", "answer", "recap_value", "score_card", "predicate", "finding", "fact", "target", "lhe_team", "source_file"];

    /// <summary>Limits what <paramref name="connection"/> reads to the scope (nothing for <see cref="All"/>). The connection may be read-only.</summary>
    public void Apply(DuckDBConnection connection)
    {
        if (IsAll)
        {
            return;
        }
        var db = Quote(connection.Scalar<string>("SELECT current_database()"));
        string T(string table) => $"{db}.main.{table}";
        var instansi = List(Instansi);
        var unitSet = UnitSet(T("submission"));
        if (Within is { IsAll: false } within)
        {
            unitSet = $"({unitSet}) INTERSECT ({within.UnitSet(T("submission"))})";
        }
        connection.Execute($"CREATE OR REPLACE TEMP TABLE scope_unit AS {unitSet}");
        connection.Execute($"""
            CREATE OR REPLACE TEMP TABLE scope_instansi AS
                SELECT DISTINCT upper(instansi) AS instansi FROM {T("submission")} WHERE upper(unit_id) IN (SELECT unit FROM scope_unit) AND instansi <> ''
                UNION SELECT upper(i) FROM (SELECT unnest([{instansi}]::VARCHAR[]) AS i) WHERE i IS NOT NULL
            """);
        const string InUnits = "upper(unit_id) IN (SELECT unit FROM temp.main.scope_unit)";
        const string InSubmissions = "submission_id IN (SELECT submission_id FROM temp.main.submission)";
        connection.Execute($"CREATE OR REPLACE TEMP VIEW submission AS SELECT * FROM {T("submission")} WHERE {InUnits}");
        connection.Execute($"CREATE OR REPLACE TEMP VIEW answer AS SELECT * FROM {T("answer")} WHERE {InSubmissions}");
        connection.Execute($"CREATE OR REPLACE TEMP VIEW recap_value AS SELECT * FROM {T("recap_value")} WHERE {InSubmissions}");
        connection.Execute($"CREATE OR REPLACE TEMP VIEW score_card AS SELECT * FROM {T("score_card")} WHERE {InSubmissions}");
        connection.Execute($"CREATE OR REPLACE TEMP VIEW predicate AS SELECT * FROM {T("predicate")} WHERE {InUnits}");
        connection.Execute($"CREATE OR REPLACE TEMP VIEW finding AS SELECT * FROM {T("finding")} WHERE {InUnits}");
        connection.Execute($"CREATE OR REPLACE TEMP VIEW lhe_team AS SELECT * FROM {T("lhe_team")} WHERE {InUnits}");
        connection.Execute($"""
            CREATE OR REPLACE TEMP VIEW fact AS SELECT * FROM {T("fact")}
            WHERE (scope = 'unit' AND upper(subject) IN (SELECT unit FROM temp.main.scope_unit))
               OR (scope = 'instansi' AND upper(subject) IN (SELECT instansi FROM temp.main.scope_instansi))
            """);
        connection.Execute($"CREATE OR REPLACE TEMP VIEW target AS SELECT * FROM {T("target")} WHERE upper(instansi) IN (SELECT instansi FROM temp.main.scope_instansi)");
        connection.Execute($"""
            CREATE OR REPLACE TEMP VIEW source_file AS SELECT * FROM {T("source_file")} WHERE file_id IN (
                SELECT file_id FROM temp.main.submission UNION SELECT file_id FROM temp.main.predicate UNION SELECT file_id FROM temp.main.fact
                UNION SELECT file_id FROM temp.main.target UNION SELECT file_id FROM temp.main.finding UNION SELECT file_id FROM temp.main.lhe_team UNION SELECT file_id FROM {T("question_bank")})
            """);
    }

    /// <summary>
    /// The subjects a burst makes packets for, within this scope: each instansi (<paramref name="kind"/> <c>instansi</c>) or
    /// each unit (<c>unit</c>) with a current LKE for <paramref name="year"/>, named as its latest LKE names it, in order of key.
    /// </summary>
    public IReadOnlyList<ScopeSubject> Subjects(DuckDBConnection connection, string kind, int year)
    {
        Apply(connection);
        var sql = kind == "unit"
            ? "SELECT unit_id, arg_max(unit_name, version) FROM submission WHERE is_current AND year = $y GROUP BY unit_id ORDER BY unit_id"
            : "SELECT instansi, instansi FROM submission WHERE is_current AND year = $y AND instansi <> '' GROUP BY instansi ORDER BY instansi";
        return [.. connection.Query(sql, ("y", year)).Select(r => new ScopeSubject(kind, r.GetString(0), r.GetString(1)))];
    }

    /// <summary>The addresses stored for a unit (its code) or an instansi (its name) from the recipients files, in file order.</summary>
    public static IReadOnlyList<string> Recipients(DuckDBConnection connection, ScopeSubject subject) =>
        [.. connection.Query("SELECT email FROM recipient WHERE scope = $s AND upper(subject) = upper($k) ORDER BY file_id, source_line",
            ("s", subject.Kind), ("k", subject.Key)).Select(r => r.GetString(0))];

    private static string List(IReadOnlyList<string> values) =>
        values.Count == 0 ? "NULL" : string.Join(", ", values.Select(v => "'" + v.ToUpper(CultureInfo.InvariantCulture).Replace("'", "''", StringComparison.Ordinal) + "'"));

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
