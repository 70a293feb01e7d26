using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.SampleData;
using Integritas.Store;
using Integritas.Store.Ingest;

namespace Integritas.Benchmarks;

/// <summary>
/// Canonical-CSV ingest (read, validate every row and the whole file, version, store) against DuckDB's own
/// <c>read_csv</c> loading the same file into a table, in the same run. Rows/s = <see cref="Rows"/> ÷ Mean.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class IngestBenchmarks
{
    private string _folder = "";
    private string _csv = "";
    private string _database = "";

    /// <summary>Units of 8 years × 113 questions each: 1,107 units ≈ 1 million rows.</summary>
    [Params(1107)]
    public int Units { get; set; }

    public long Rows { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "zi-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        _csv = Path.Combine(_folder, "lke.csv");
        using var writer = new StreamWriter(_csv);
        Rows = new NationalGenerator(Units, 2022, 2029).Write(writer);
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        _database = Path.Combine(_folder, $"zi-{Guid.NewGuid():N}.duckdb");
    }

    [Benchmark(Description = "zi ingest (canonical CSV)")]
    public FileOutcome Ingest()
    {
        var outcome = new IngestService(RuleCatalog.Default, TimeProvider.System).Ingest(new ZiDatabase(_database, TimeProvider.System), [_csv]).Single();
        return outcome.Status == FileStatus.Accepted ? outcome : throw new InvalidOperationException(string.Join("; ", outcome.Errors));
    }

    [Benchmark(Baseline = true, Description = "DuckDB read_csv into a table")]
    public long ReadCsv()
    {
        using var connection = new DuckDBConnection($"Data Source={_database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE raw AS SELECT * FROM read_csv('{_csv.Replace("'", "''", StringComparison.Ordinal)}', header = true, all_varchar = true)";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM raw";
        return (long)command.ExecuteScalar()!;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);
}
