using System.Globalization;
using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.SampleData;
using Integritas.Store.Ingest;
using Integritas.Store.Queries;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

/// <summary>
/// The national generator's database written directly (<c>national --duckdb</c>) against ingesting the CSV and
/// predicate file the same arguments produce: same scores, same stored rows, same content fingerprints.
/// </summary>
public sealed class NationalDatabaseTests : IDisposable
{
    private static readonly NationalGenerator Generator = new(60, 2022, 2024);

    private readonly TempDirectory _folder = new();
    private readonly ZiDatabase _ingested;
    private readonly ZiDatabase _direct;

    public NationalDatabaseTests()
    {
        var csv = _folder.File("national.csv");
        var predicates = _folder.File("predikat.csv");
        using (var lke = new StreamWriter(csv))
        using (var awards = new StreamWriter(predicates))
        {
            Generator.Write(lke, awards);
        }
        _ingested = new ZiDatabase(_folder.File("ingested.duckdb"), FixedClock.Default);
        var outcomes = new IngestService(RuleCatalog.Default, FixedClock.Default).Ingest(_ingested, [csv, predicates]).ToList();
        Assert.All(outcomes, o => Assert.Equal(FileStatus.Accepted, o.Status));
        _direct = new ZiDatabase(_folder.File("direct.duckdb"), FixedClock.Default);
        NationalDatabase.Write(Generator, _direct.Path, FixedClock.Default);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void DirectDatabase_ScoresAsIngestingTheCsvDoes()
    {
        var ingested = Scores(_ingested);
        var direct = Scores(_direct);

        Assert.Equal(60 * 3, direct.Count);
        Assert.Equal(ingested, direct);
        // The predicate history gives the rankings holders: units awarded WBK, candidates for WBBM.
        Assert.Contains(direct, s => s.Contains("held WBK", StringComparison.Ordinal));
    }

    [Fact]
    public void DirectDatabase_StoresTheRowsIngestStores()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"ATTACH '{_ingested.Path}' AS ingested (READ_ONLY)");
        Execute(connection, $"ATTACH '{_direct.Path}' AS direct (READ_ONLY)");
        foreach (var (table, columns) in new[]
        {
            ("answer", "*"),
            ("submission", "* EXCLUDE (file_id)"),
            ("predicate", "* EXCLUDE (file_id)"),
        })
        {
            var count = Count(connection, $"SELECT count(*) FROM direct.{table}");
            Assert.True(count > 0, $"no {table} rows");
            Assert.Equal(Count(connection, $"SELECT count(*) FROM ingested.{table}"), count);
            Assert.Equal(0, Count(connection, $"SELECT count(*) FROM (SELECT {columns} FROM direct.{table} EXCEPT ALL SELECT {columns} FROM ingested.{table})"));
        }
        Assert.Equal(1, Count(connection, "SELECT count(*) FROM direct.source_file WHERE format = 'national-generator' AND row_count = 60 * 3 * 113"));
    }

    [Fact]
    public void IngestingTheCsvIntoTheDirectDatabase_ChangesNothing()
    {
        var csv = _folder.File("again.csv");
        using (var writer = new StreamWriter(csv))
        {
            Generator.Write(writer);
        }

        var outcome = new IngestService(RuleCatalog.Default, FixedClock.Default).Ingest(_direct, [csv]).Single();

        Assert.Equal(FileStatus.Unchanged, outcome.Status);
    }

    [Fact]
    public void Load_AllUnitYearsAtOnce_ScoresEachAsWhenLoadedAlone()
    {
        using var connection = _direct.OpenRead();
        var queries = new ScoreQueries(RuleCatalog.Default);

        var all = queries.Load(connection, new ScoreFilter());

        var ids = Ids(connection);
        Assert.Equal(ids.Count, all.Count);
        Assert.Equal(all.Select(Describe), ids.Select(id => Describe(Assert.Single(queries.Load(connection, new ScoreFilter(SubmissionId: id))))));
    }

    [Fact]
    public void Load_ARuleVersionThisProgramDoesNotKnow_SaysSo()
    {
        using (var connection = _direct.OpenWrite())
        {
            Execute(connection, "UPDATE submission SET rule_version = '99/2030' WHERE submission_id = 7");
        }
        using var read = _direct.OpenRead();

        var error = Assert.Throws<InvalidOperationException>(() => new ScoreQueries(RuleCatalog.Default).Load(read, new ScoreFilter()));

        Assert.Contains("rule version 99/2030", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_YearsUnderARecapOnlyRule_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new NationalGenerator(10, 2018, 2025));

        Assert.Contains("2018 falls under rule 52/2014", error.Message, StringComparison.Ordinal);
        Assert.Contains("2022", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnExistingFile_IsRefused()
    {
        Assert.Throws<IOException>(() => NationalDatabase.Write(Generator, _direct.Path, FixedClock.Default));
    }

    /// <summary>
    /// Every score of every unit-year as text, decimals with their scale (so "bit-identical" includes
    /// trailing zeros): unit, version, each area and hasil part, counts, verdict, every criterion, points needed, holdings.
    /// </summary>
    internal static List<string> Scores(ZiDatabase database)
    {
        using var connection = database.OpenRead();
        return [.. new ScoreQueries(RuleCatalog.Default).Load(connection, new ScoreFilter()).Select(Describe)];
    }

    internal static string Describe(UnitYearScore s)
    {
        static string D(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
        var card = s.Card;
        var readiness = s.Readiness;
        return string.Join(" | ",
            $"{s.Unit.UnitId} {s.Unit.UnitName} {s.Unit.Instansi} {s.Year} {s.Layer} v{s.Version} {card.Rule.Id} {card.Source}",
            string.Join(" ", card.Areas.Select(a => $"{a.Code}:{D(a.Pemenuhan)}/{D(a.Reform)}/{D(a.Total)}")),
            string.Join(" ", card.HasilParts.Select(p => $"{p.Code}:{D(p.Value)}")),
            $"q{card.Questions} b{card.BlankQuestions} total {D(card.Total)} pengungkit {D(card.Pengungkit)} hasil {D(card.Hasil)} pemenuhan {D(card.Pemenuhan)} reform {D(card.Reform)}",
            $"{readiness.Verdict} next {readiness.NextLevel}",
            string.Join(" ", readiness.Criteria.Select(c => $"{c.Predicate}.{c.Criterion}:{c.Status}:{D(c.Actual)}")),
            readiness.NextLevelPoints is { } points
                ? $"needs {D(points.Total)} " + string.Join(" ", points.ByArea.Concat(points.ByHasilPart).Select(x => $"{x.Key}:{D(x.Value)}"))
                : "needs -",
            string.Join(" ", s.Held.Select(h => $"held {h.Predicate} {h.Year}")));
    }

    /// <summary>The submission ids in the order Load returns their scores (unit, then year).</summary>
    private static List<long> Ids(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT submission_id FROM submission ORDER BY unit_id, year";
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
