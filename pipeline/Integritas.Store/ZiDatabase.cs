using System.Data;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Integritas.Store;

/// <summary>The database file is held by another process longer than we were willing to wait.</summary>
public sealed class DatabaseBusyException(string message, Exception inner) : Exception(message, inner);

/// <summary>The database file was written by a newer zi than this one.</summary>
public sealed class DatabaseVersionException(string message) : Exception(message);

/// <summary>The file named as the database is not one: not a DuckDB file at all, a folder, or another program's DuckDB database.</summary>
public sealed class DatabaseInvalidException(string message, Exception? inner = null) : Exception(message, inner);

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
        RefuseFolder();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var connection = OpenWithRetry($"Data Source={Path}");
        try
        {
            Migrations.RequireOurs(connection, Path);
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
        RefuseFolder();
        if (!Exists)
        {
            throw new DatabaseMissingException($"The database {Path} does not exist. Create it with 'zi ingest --db {Path} FILES' or 'zi demo'.");
        }
        var connection = OpenWithRetry($"Data Source={Path};ACCESS_MODE=READ_ONLY");
        try
        {
            Migrations.RequireOurs(connection, Path);
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

    /// <summary>Deletes the database file (and its write-ahead log), and its folder when asked and empty; for a file just created that holds nothing.</summary>
    public void Remove(bool folderToo = false)
    {
        File.Delete(Path);
        File.Delete(Path + ".wal");
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (folderToo && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
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
            catch (DuckDBException ex) when (NotADatabase(ex))
            {
                connection.Dispose();
                throw new DatabaseInvalidException(
                    $"The file {Path} is not a DuckDB database ({FileSignature(Path)}). --db names the database zi keeps its data in, " +
                    "a file made by 'zi ingest' or 'zi demo'; check the path (did you give an input file?).", ex);
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

    private void RefuseFolder()
    {
        if (Directory.Exists(Path))
        {
            throw new DatabaseInvalidException($"{Path} is a folder, not a database file; give --db a file such as {System.IO.Path.Combine(Path, "zi.duckdb")}.");
        }
    }

    private static bool NotADatabase(DuckDBException ex) =>
        ex.Message.Contains("not a valid DuckDB database file", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the file looks like instead, from its first bytes: "it starts with text", "it is a zip package (a workbook?)"...</summary>
    private static string FileSignature(string path)
    {
        Span<byte> head = stackalloc byte[512];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        head = head[..read];
        return head switch
        {
            { Length: 0 } => "it is empty",
            _ when head.StartsWith("PK\u0003\u0004"u8) => "it is a zip package: a workbook or Word document?",
            _ when head.StartsWith("SQLite format 3"u8) => "it is an SQLite database",
            _ when head.IndexOf((byte)0) < 0 => "it is a text file",
            _ => "its first bytes are not DuckDB's",
        };
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

    /// <summary>
    /// Refuses another program's DuckDB database (tables, but no zi schema), so that zi never adds its tables to
    /// a file it did not make; an empty DuckDB file is taken as a new zi database.
    /// </summary>
    public static void RequireOurs(DuckDBConnection connection, string path)
    {
        if (CurrentVersion(connection) > 0)
        {
            return;
        }
        var tables = connection.Query("SELECT table_name FROM information_schema.tables ORDER BY table_name LIMIT 4").Select(r => r.GetString(0)).ToList();
        if (tables.Count > 0)
        {
            throw new DatabaseInvalidException(
                $"The file {path} is a DuckDB database, but not one of zi's (it holds tables {string.Join(", ", tables.Take(3))}{(tables.Count > 3 ? ", ..." : "")} and no zi schema); " +
                "zi leaves it as it is. Give --db a database made by 'zi ingest' or 'zi demo', or a new file name.");
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
