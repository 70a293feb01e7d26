using Microsoft.Data.Sqlite;

namespace Integritas.Delivery.History;

/// <summary>
/// The scheduler's SQLite file, created and brought up to date by zi: Quartz's own tables (from the SQLite schema
/// script Quartz ships inside its assembly, table prefix <c>QRTZ_</c>) and zi's run history. Each migration runs
/// once, in a transaction, and is recorded in <c>zi_schema</c>; a file from a newer zi is refused.
/// </summary>
public static partial class SchedulerSchema
{
    /// <summary>Statements are separated by a line reading exactly <c>--;;</c> (Quartz's convention, kept in ours).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^--;;\s*$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex Separator();

    public const string TablePrefix = "QRTZ_";

    private const string QuartzScript = "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql";

    private static readonly (int Version, string Name, Func<string> Sql)[] Migrations =
    [
        (1, "Quartz ADO.NET job store tables (Quartz 4)", QuartzTables),
        (2, "run history: runs, outputs, recipients", () => """
            CREATE TABLE zi_run (
                run_id       INTEGER PRIMARY KEY AUTOINCREMENT,
                subscription TEXT    NOT NULL,
                period       TEXT    NOT NULL,
                time_zone    TEXT    NOT NULL,
                scheduled_at TEXT    NOT NULL,
                started_at   TEXT,
                finished_at  TEXT,
                status       TEXT    NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
                trigger      TEXT    NOT NULL,
                error        TEXT,
                year         INTEGER,
                folder       TEXT,
                fingerprint  TEXT,
                sources      TEXT,
                UNIQUE (subscription, period)
            );
            --;;
            CREATE INDEX zi_run_status ON zi_run (status, subscription);
            --;;
            CREATE TABLE zi_run_output (
                run_id     INTEGER NOT NULL REFERENCES zi_run (run_id),
                packet     TEXT    NOT NULL,
                file       TEXT    NOT NULL,
                sha256     TEXT    NOT NULL,
                size_bytes INTEGER NOT NULL,
                PRIMARY KEY (run_id, file)
            );
            --;;
            CREATE TABLE zi_run_recipient (
                run_id    INTEGER NOT NULL REFERENCES zi_run (run_id),
                packet    TEXT    NOT NULL,
                address   TEXT    NOT NULL,
                kind      TEXT    NOT NULL,
                status    TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
                error     TEXT,
                tried_at  TEXT,
                sent_at   TEXT,
                PRIMARY KEY (run_id, packet, address)
            );
            """),
    ];

    public static int Latest => Migrations[^1].Version;

    /// <summary>Creates the file's folder and the schema, or brings an older schema up to date.</summary>
    public static void Migrate(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL");
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS zi_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var current = Convert.ToInt32(Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM zi_schema"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > Latest)
        {
            throw new InvalidOperationException($"The scheduler store {connection.DataSource} was written by a newer zi (schema {current}; this zi knows up to {Latest}).");
        }
        foreach (var (version, name, sql) in Migrations.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            foreach (var statement in Separator().Split(sql()).Select(t => t.Trim()).Where(t => t.Length > 0))
            {
                if (statement.Split('\n').All(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) || l.Trim().Length == 0))
                {
                    continue;
                }
                Execute(connection, transaction, statement);
            }
            Execute(connection, transaction, "INSERT INTO zi_schema (version, name, applied_at) VALUES ($v, $n, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", ("$v", version), ("$n", name));
            transaction.Commit();
        }
    }

    /// <summary>Quartz's SQLite script with the table prefix filled in.</summary>
    private static string QuartzTables()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(QuartzScript)
            ?? throw new InvalidOperationException($"Quartz's SQLite schema ({QuartzScript}) is not in {typeof(Quartz.IScheduler).Assembly.FullName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
    }

    internal static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (n, v) in parameters)
        {
            command.Parameters.AddWithValue(n, v ?? DBNull.Value);
        }
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
