using System.Data;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Integritas.Store;

/// <summary>The database file is held by another process longer than we were willing to wait.</summary>
public sealed class DatabaseBusyException(string message, Exception inner) : Exception(message, inner);

/// <summary>The database file was written by a newer zi than this one.</summary>
public sealed class DatabaseVersionException(string message) : Exception(message);

/// <summary>The database file does not exist (read-only use).</summary>
public sealed class DatabaseMissingException(string message) : Exception(message);

/// <summary>
/// The embedded DuckDB file. DuckDB lets one process write a file, and while it does no other process can
/// open it, so callers open a connection per unit of work (a command, a job) and close it after. When the
/// file is busy, opening retries for <see cref="BusyTimeout"/>, then fails naming the holder.
/// </summary>
public sealed partial class ZiDatabase(string path, TimeProvider clock)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>How long opening waits for a busy file: <see cref="BusyTimeoutVariable"/> in seconds when set, else 10 s.</summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout();

    /// <summary>The environment variable that sets <see cref="BusyTimeout"/> (seconds, e.g. 0 to fail at once, 60 to wait a minute).</summary>
    public const string BusyTimeoutVariable = "ZI_BUSY_TIMEOUT";

    private static TimeSpan DefaultBusyTimeout() =>
        double.TryParse(Environment.GetEnvironmentVariable(BusyTimeoutVariable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(10);

    public TimeProvider Clock { get; } = clock;

    public bool Exists => File.Exists(Path);

    /// <summary>
    /// DuckDB's memory cap for a connection (it spills to a temporary folder beside the file beyond it), so
    /// ingesting millions of rows does not take the machine's memory with it.
    /// </summary>
    public string MemoryLimit { get; init; } = "512MB";

    /// <summary>Opens for writing, creating the file and bringing its schema up to date.</summary>
    public DuckDBConnection OpenWrite()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var connection = OpenWithRetry($"Data Source={Path}");
        try
        {
            connection.Execute($"SET memory_limit = '{MemoryLimit}'");
            connection.Execute("SET preserve_insertion_order = false");
            Migrations.Apply(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens for reading; the file must exist. A file from an older zi is brought up to date first (the
    /// migrations only add), a file from a newer zi is refused.
    /// </summary>
    public DuckDBConnection OpenRead()
    {
        if (!Exists)
        {
            throw new DatabaseMissingException($"The database {Path} does not exist. Create it with 'zi ingest --db {Path} FILES' or 'zi demo'.");
        }
        var connection = OpenWithRetry($"Data Source={Path};ACCESS_MODE=READ_ONLY");
        try
        {
            if (Migrations.CurrentVersion(connection) < Migrations.Latest)
            {
                connection.Dispose();
                OpenWrite().Dispose();
                connection = OpenWithRetry($"Data Source={Path};ACCESS_MODE=READ_ONLY");
            }
            Migrations.RequireCurrent(connection, Path);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private DuckDBConnection OpenWithRetry(string connectionString)
    {
        var start = Clock.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var connection = new DuckDBConnection(connectionString);
            try
            {
                connection.Open();
                return connection;
            }
            catch (DuckDBException ex) when (IsLockConflict(ex))
            {
                connection.Dispose();
                if (Clock.GetElapsedTime(start) >= BusyTimeout)
                {
                    var holder = LockHolder().Match(ex.Message);
                    var who = holder.Success ? $"{holder.Groups["program"].Value} (PID {holder.Groups["pid"].Value})" : "another process";
                    throw new DatabaseBusyException(
                        $"The database {Path} is in use by {who}. DuckDB allows one process at a time to write a file and none to read it meanwhile; " +
                        $"wait for that process to finish (a worker job releases the file when its run ends) or stop it, then try again " +
                        $"(zi waited {BusyTimeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s; {BusyTimeoutVariable}=SECONDS sets how long).", ex);
                }
                Thread.Sleep(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    private static bool IsLockConflict(DuckDBException ex) =>
        ex.Message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"Conflicting lock is held in (?<program>\S+) \(PID (?<pid>\d+)\)")]
    private static partial Regex LockHolder();
}

internal static class Migrations
{
    private const string Prefix = "sql/Migrations/";

    private static readonly Lazy<IReadOnlyList<(int Version, string Sql)>> All = new(() =>
    {
        var assembly = typeof(Migrations).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n[Prefix.Length..].Split('-')[0], System.Globalization.CultureInfo.InvariantCulture), Sql: Read(assembly, n)))
            .OrderBy(m => m.Version)];
    });

    public static int Latest => All.Value[^1].Version;

    public static void Apply(DuckDBConnection connection)
    {
        var current = CurrentVersion(connection);
        foreach (var (version, sql) in All.Value.Where(m => m.Version > current))
        {
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
            cmd.CommandText = "DELETE FROM meta WHERE key = 'schema_version'; INSERT INTO meta VALUES ('schema_version', $v)";
            cmd.Parameters.Add(new DuckDBParameter("v", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }

    public static void RequireCurrent(DuckDBConnection connection, string path)
    {
        var version = CurrentVersion(connection);
        if (version != Latest)
        {
            throw new DatabaseVersionException(version < Latest
                ? $"The database {path} has schema version {version}; this program needs {Latest}. Run any 'zi ingest --db {path}' to upgrade it."
                : $"The database {path} has schema version {version}, newer than this program knows ({Latest}). Use a newer zi.");
        }
    }

    public static int CurrentVersion(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        return cmd.ExecuteScalar() is string v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static string Read(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Small helpers over DuckDB.NET commands: named parameters, rows as records.</summary>
public static class DuckDbExtensions
{
    public static DuckDBCommand Command(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
        return cmd;
    }

    public static int Execute(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.Command(sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    public static T Scalar<T>(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.Command(sql, parameters);
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static IEnumerable<IDataRecord> Query(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = connection.Command(sql, parameters);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return reader;
        }
    }
}
