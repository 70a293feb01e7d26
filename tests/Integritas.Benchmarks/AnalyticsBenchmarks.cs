using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DuckDB.NET.Data;
using Integritas.Analytics;
using Integritas.Domain.Rules;
using Integritas.SampleData;
using Integritas.Store;

namespace Integritas.Benchmarks;

/// <summary>
/// Analytics at national scale (decision 9: about 25,000 units, 8 years): the product's analytics over every
/// stored unit-year against one plain <c>GROUP BY</c> scan of the answer table, in the same run and on the
/// same open database. The database is the national generator's (<see cref="NationalDatabase"/>), built once
/// and kept (see <see cref="DatabaseVariable"/>).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AnalyticsBenchmarks
{
    /// <summary>
    /// A national database file to use: reused when it exists, built there when it does not. Without it the
    /// database goes to the temp folder under a name that changes with the generator and the schema, so each
    /// benchmark process of a run (and later runs) reuses the one build.
    /// </summary>
    public const string DatabaseVariable = "ZI_BENCH_NATIONAL_DB";

    public const int FromYear = 2022;
    public const int ToYear = 2029;

    private DuckDBConnection _connection = null!;

    [Params(25_000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = DatabasePath(Units);
        if (!File.Exists(path))
        {
            Build(path, Units);
        }
        _connection = new ZiDatabase(path, TimeProvider.System).OpenRead();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM submission";
        Console.WriteLine($"// National database {path}: {command.ExecuteScalar()} unit-years, {new FileInfo(path).Length / (1024 * 1024)} MiB");
    }

    /// <summary>(a) One GROUP BY scan of the answers per submission and indicator, every row read through the reader.</summary>
    [Benchmark(Baseline = true, Description = "GROUP BY scan of answers")]
    public long GroupByScan()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT submission_id, indicator, sum(value), count(value) FROM answer GROUP BY ALL";
        using var reader = command.ExecuteReader();
        long rows = 0;
        decimal sum = 0;
        long answered = 0;
        while (reader.Read())
        {
            rows++;
            _ = reader.GetInt64(0);
            _ = reader.GetString(1);
            sum += reader.IsDBNull(2) ? 0 : reader.GetDecimal(2);
            answered += reader.GetInt64(3);
        }
        return rows + answered + (long)sum;
    }

    /// <summary>(b) The product path: see <see cref="RunProductPath"/>.</summary>
    [Benchmark(Description = "Product path: scores, readiness, candidates")]
    public ProductPathResult ProductPath() => RunProductPath(_connection);

    /// <summary>
    /// The product's analytics over a whole database, as <c>zi candidates</c> and the candidate list call them:
    /// scoring and readiness of every unit-year (no filter) into the score history, then for the latest year
    /// the candidate analyses for WBK and WBBM (readiness, points short, projection from the unit's earlier
    /// years, the questions worth most from the stored answers).
    /// </summary>
    public static ProductPathResult RunProductPath(DuckDBConnection connection)
    {
        var history = ScoreHistory.Load(connection, RuleCatalog.Default);
        var latest = history.Years[^1];
        var gains = CandidateAnalysisBuilder.Gains(connection, history, latest);
        var wbk = CandidateAnalysisBuilder.For(history, latest, "WBK", gains);
        var wbbm = CandidateAnalysisBuilder.For(history, latest, "WBBM", gains);
        return new ProductPathResult(history.All.Count, wbk.Count, wbk.Count(c => c.ScoreReady), wbbm.Count, wbbm.Count(c => c.ScoreReady));
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    /// <summary>Where the national database of <paramref name="units"/> units is (or goes).</summary>
    public static string DatabasePath(int units)
    {
        if (Environment.GetEnvironmentVariable(DatabaseVariable) is { Length: > 0 } given)
        {
            return Path.GetFullPath(given);
        }
        // The generator's and the schema's builds (deterministic: they change only with their code) name the file.
        static string Version(Type type) => type.Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
        return Path.Combine(Path.GetTempPath(), "zi-bench",
            string.Create(CultureInfo.InvariantCulture, $"national-{units}x{ToYear - FromYear + 1}-{Version(typeof(NationalDatabase))}{Version(typeof(ZiDatabase))}.duckdb"));
    }

    private static void Build(string path, int units)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        if (Environment.GetEnvironmentVariable(DatabaseVariable) is not { Length: > 0 })
        {
            // Earlier builds of the temp-folder database are stale once the generator or the schema changed.
            foreach (var stale in Directory.EnumerateFiles(folder, "national-*.duckdb*"))
            {
                File.Delete(stale);
            }
        }
        // Built under another name and moved into place, so a build cut short is never taken for a database.
        var building = path + ".building";
        File.Delete(building);
        File.Delete(building + ".wal");
        var result = NationalDatabase.Write(new NationalGenerator(units, FromYear, ToYear), building, TimeProvider.System);
        File.Move(building, path);
        if (File.Exists(building + ".wal"))
        {
            File.Move(building + ".wal", path + ".wal");
        }
        Console.WriteLine($"// Built {path}: {result.Rows:N0} answers, {result.Submissions:N0} unit-years, {result.Predicates:N0} predicates in {result.Elapsed.TotalSeconds:N1} s");
    }
}

/// <summary>What the product path produced, so its work cannot be skipped: unit-years scored, candidates and ready candidates per level.</summary>
public sealed record ProductPathResult(int UnitYears, int WbkCandidates, int WbkScoreReady, int WbbmCandidates, int WbbmScoreReady);
