using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Integritas.Delivery.History;

/// <summary>What <see cref="RunStore.Begin"/> found for a period.</summary>
public enum BeginOutcome
{
    /// <summary>A new run, recorded as running.</summary>
    Started,

    /// <summary>The period has a run that was left running (zi stopped or was killed): carry it on.</summary>
    Resumed,

    /// <summary>The period ran already (succeeded, failed or skipped): nothing to do; a failed one is re-sent with <c>zi runs retry</c>.</summary>
    Done,
}

/// <summary>Filter for <see cref="RunStore.List(RunFilter)"/>.</summary>
public sealed record RunFilter(string? Subscription = null, RunStatus? Status = null, int Limit = 1000);

/// <summary>
/// The run history in the scheduler's SQLite file. A period is one row (unique subscription and period), so a
/// period runs once however often its trigger fires; recipients are recorded before and after each mail, so a run
/// carried on after a crash sends only to those that did not get it.
/// </summary>
public sealed class RunStore(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>The store for the scheduler settings' connection string (a bare path becomes <c>Data Source=PATH</c>), migrated.</summary>
    public static RunStore Open(string connectionStringOrPath)
    {
        var connectionString = ToConnectionString(connectionStringOrPath);
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (file.Length > 0 && file != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }
        SchedulerSchema.Migrate(connectionString);
        return new RunStore(connectionString);
    }

    public static string ToConnectionString(string connectionStringOrPath) =>
        connectionStringOrPath.Contains('=', StringComparison.Ordinal)
            ? connectionStringOrPath
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath, Pooling = false }.ToString();

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Starts the run of a period, or finds the one there is.</summary>
    public (BeginOutcome Outcome, RunRecord Run) Begin(string subscription, string period, string timeZone, string scheduledAt, string trigger, string now)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var existing = Find(connection, transaction, subscription, period);
        if (existing is not null)
        {
            transaction.Commit();
            var run = Get(existing.Value)!;
            return (run.Status == RunStatus.Running ? BeginOutcome.Resumed : BeginOutcome.Done, run);
        }
        var id = Insert(connection, transaction, subscription, period, timeZone, scheduledAt, trigger, "running", now, null, null);
        transaction.Commit();
        return (BeginOutcome.Started, Get(id)!);
    }

    /// <summary>Records a period that is not delivered (missed while zi was down, or data unchanged), unless the period has a run already.</summary>
    public bool RecordSkipped(string subscription, string period, string timeZone, string scheduledAt, string trigger, string now, string reason)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        if (Find(connection, transaction, subscription, period) is not null)
        {
            return false;
        }
        Insert(connection, transaction, subscription, period, timeZone, scheduledAt, trigger, "skipped", now, now, reason);
        transaction.Commit();
        return true;
    }

    private static long? Find(SqliteConnection connection, SqliteTransaction transaction, string subscription, string period)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT run_id FROM zi_run WHERE subscription = $s AND period = $p";
        command.Parameters.AddWithValue("$s", subscription);
        command.Parameters.AddWithValue("$p", period);
        return command.ExecuteScalar() is long id ? id : null;
    }

    private static long Insert(SqliteConnection connection, SqliteTransaction transaction, string subscription, string period, string timeZone, string scheduledAt,
        string trigger, string status, string startedAt, string? finishedAt, string? error)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO zi_run (subscription, period, time_zone, scheduled_at, started_at, finished_at, status, trigger, error)
            VALUES ($s, $p, $z, $sch, $start, $end, $status, $trigger, $error) RETURNING run_id
            """;
        command.Parameters.AddWithValue("$s", subscription);
        command.Parameters.AddWithValue("$p", period);
        command.Parameters.AddWithValue("$z", timeZone);
        command.Parameters.AddWithValue("$sch", scheduledAt);
        command.Parameters.AddWithValue("$start", startedAt);
        command.Parameters.AddWithValue("$end", (object?)finishedAt ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$trigger", trigger);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Marks a run running again (a retry), clearing its end and error.</summary>
    public void Reopen(long runId, string trigger, string now) =>
        Execute("UPDATE zi_run SET status = 'running', trigger = $t, started_at = $now, finished_at = NULL, error = NULL WHERE run_id = $id",
            ("$t", trigger), ("$now", now), ("$id", runId));

    /// <summary>What the packet was built from and where it is kept.</summary>
    public void SetPacket(long runId, int year, string folder, string fingerprint, string sources, IReadOnlyList<RunOutput> outputs)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        SchedulerSchema.Execute(connection, transaction, "UPDATE zi_run SET year = $y, folder = $f, fingerprint = $fp, sources = $src WHERE run_id = $id",
            ("$y", year), ("$f", folder), ("$fp", fingerprint), ("$src", sources), ("$id", runId));
        SchedulerSchema.Execute(connection, transaction, "DELETE FROM zi_run_output WHERE run_id = $id", ("$id", runId));
        foreach (var output in outputs)
        {
            SchedulerSchema.Execute(connection, transaction, "INSERT INTO zi_run_output (run_id, packet, file, sha256, size_bytes) VALUES ($id, $p, $f, $h, $n)",
                ("$id", runId), ("$p", output.Packet), ("$f", output.File), ("$h", output.Sha256), ("$n", output.SizeBytes));
        }
        transaction.Commit();
    }

    /// <summary>Adds the addressees of a packet as pending; those recorded already keep their status.</summary>
    public void AddRecipients(long runId, string packet, IEnumerable<(string Address, string Kind)> recipients)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (address, kind) in recipients)
        {
            SchedulerSchema.Execute(connection, transaction,
                "INSERT INTO zi_run_recipient (run_id, packet, address, kind, status) VALUES ($id, $p, $a, $k, 'pending') ON CONFLICT DO NOTHING",
                ("$id", runId), ("$p", packet), ("$a", address), ("$k", kind));
        }
        transaction.Commit();
    }

    public void MarkRecipient(long runId, string packet, string address, RecipientStatus status, string? error, string now)
    {
        var column = status == RecipientStatus.Sent ? "sent_at" : "tried_at";
        Execute($"UPDATE zi_run_recipient SET status = $st, error = $e, {column} = $now WHERE run_id = $id AND packet = $p AND address = $a",
            ("$st", Text(status)), ("$e", error), ("$now", now), ("$id", runId), ("$p", packet), ("$a", address));
    }

    /// <summary>Sets recipients back to pending for a re-send: those not sent, or (<paramref name="all"/>) every one.</summary>
    public void ResetRecipients(long runId, bool all) =>
        Execute($"UPDATE zi_run_recipient SET status = 'pending', error = NULL WHERE run_id = $id{(all ? "" : " AND status <> 'sent'")}", ("$id", runId));

    public void Finish(long runId, RunStatus status, string? error, string now) =>
        Execute("UPDATE zi_run SET status = $st, error = $e, finished_at = $now WHERE run_id = $id", ("$st", Text(status)), ("$e", error), ("$now", now), ("$id", runId));

    public RunRecord? Get(long runId) => List(new RunFilter(), runId).FirstOrDefault();

    public IReadOnlyList<RunRecord> List(RunFilter filter) => List(filter, null);

    /// <summary>Runs left running by a zi that stopped without finishing them.</summary>
    public IReadOnlyList<RunRecord> Running() => List(new RunFilter(Status: RunStatus.Running));

    /// <summary>The period of the subscription's latest scheduled run (manual deliveries aside): where missed periods are counted from.</summary>
    public string? LastScheduledPeriod(string subscription)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT period FROM zi_run WHERE subscription = $s AND trigger <> 'manual' ORDER BY run_id DESC LIMIT 1";
        command.Parameters.AddWithValue("$s", subscription);
        return command.ExecuteScalar() as string;
    }

    /// <summary>The latest succeeded run of a subscription (for <c>When: changed</c>).</summary>
    public RunRecord? LastSucceeded(string subscription) => List(new RunFilter(subscription, RunStatus.Succeeded, 1)).FirstOrDefault();

    private List<RunRecord> List(RunFilter filter, long? id)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT run_id, subscription, period, time_zone, scheduled_at, started_at, finished_at, status, trigger, error, year, folder, fingerprint, sources
            FROM zi_run
            WHERE ($id IS NULL OR run_id = $id) AND ($s IS NULL OR subscription = $s) AND ($st IS NULL OR status = $st)
            ORDER BY run_id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        command.Parameters.AddWithValue("$s", (object?)filter.Subscription ?? DBNull.Value);
        command.Parameters.AddWithValue("$st", filter.Status is { } st ? Text(st) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", filter.Limit);
        var runs = new List<RunRecord>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                runs.Add(new RunRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), S(5), S(6),
                    Enum.Parse<RunStatus>(reader.GetString(7), ignoreCase: true), reader.GetString(8), S(9), reader.IsDBNull(10) ? null : reader.GetInt32(10), S(11), S(12), S(13), [], []));
            }
        }
        for (var i = 0; i < runs.Count; i++)
        {
            runs[i] = runs[i] with { Outputs = Outputs(connection, runs[i].Id), Recipients = Recipients(connection, runs[i].Id) };
        }
        return runs;
    }

    private static List<RunOutput> Outputs(SqliteConnection connection, long runId) =>
        RowsOfRun(connection, "SELECT packet, file, sha256, size_bytes FROM zi_run_output WHERE run_id = $id ORDER BY rowid", runId,
            r => new RunOutput(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));

    private static List<RunRecipient> Recipients(SqliteConnection connection, long runId) =>
        RowsOfRun(connection, "SELECT packet, address, kind, status, error, sent_at FROM zi_run_recipient WHERE run_id = $id ORDER BY rowid", runId,
            r => new RunRecipient(r.GetString(0), r.GetString(1), r.GetString(2), Enum.Parse<RecipientStatus>(r.GetString(3), ignoreCase: true),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));

    private static List<T> RowsOfRun<T>(SqliteConnection connection, string sql, long runId, Func<SqliteDataReader, T> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(reader));
        }
        return rows;
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Connect();
        SchedulerSchema.Execute(connection, null, sql, parameters);
    }

    public static string Text(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string Text(RecipientStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>An instant as the run history writes it: ISO 8601 in the zone, with its offset.</summary>
    public static string Stamp(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
