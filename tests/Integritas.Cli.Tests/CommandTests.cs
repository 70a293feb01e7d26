using System.Text.Json;
using Integritas.TestSupport;

namespace Integritas.Cli.Tests;

/// <summary>zi ingest, scores and rank as a user runs them: exit codes, messages, formats.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("zi.duckdb");

    private string Samples => Path.Combine(AppContext.BaseDirectory, "data-samples");

    private int SampleFiles => Store.Ingest.IngestService.Expand([Samples]).Files.Count;

    private void IngestSamples() => Assert.Equal(0, Zi.Run("ingest", "--db", Db, Samples).ExitCode);

    [Fact]
    public void Ingest_AllAccepted_ExitsZeroAndSummarises()
    {
        var result = Zi.Run("ingest", "--db", Db, Samples);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{SampleFiles} file(s): {SampleFiles} accepted, 0 unchanged, 0 rejected", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_AgainTheSameFiles_ReportsThemUnchanged()
    {
        IngestSamples();

        var result = Zi.Run("ingest", "--db", Db, Samples);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"0 accepted, {SampleFiles} unchanged", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_ARejectedFile_ExitsOneNamingFileLineColumnAndValue()
    {
        var good = _dir.Write("good.csv", Some.Lke("U-01"));
        var bad = _dir.Write("bad.csv", Some.Lke("U-02").Replace("MP-P1-b,ABC,A", "MP-P1-b,ABC,Q", StringComparison.Ordinal));

        var result = Zi.Run("ingest", "--db", Db, good, bad);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("accepted   good.csv", result.Out, StringComparison.Ordinal);
        Assert.Contains("rejected   bad.csv [lke-csv]: 1 error(s); nothing of this file was stored", result.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv:3: column 'jawaban', value 'Q': not a valid answer for ABC (expected A, B, C)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest", "x.csv")]
    [InlineData("scores", "--year", "2025")]
    [InlineData("scores", "--db", "x.duckdb", "--format", "xml")]
    [InlineData("bogus")]
    public void UsageErrors_ExitTwo(params string[] args)
    {
        var result = Zi.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("zi --help", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--year expects a year such as 2025, not 'abc'.", "scores", "--db", "x.duckdb", "--year", "abc")]
    [InlineData("--year expects a year such as 2025, not '20x5'.", "rules", "--year", "20x5")]
    [InlineData("--tahun expects a year such as 2025, not '99999999999'.", "ingest", "--db", "x.duckdb", "--tahun", "99999999999", "f.xlsx")]
    [InlineData("--top expects a whole number, not 'many'.", "candidates", "--db", "x.duckdb", "--top", "many")]
    [InlineData("--year expects a year such as 2025, not '" + "2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x… (1,000 characters)'.",
        "scores", "--db", "x.duckdb", "--year", "2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x2025x")]
    public void UsageErrors_AValueOfTheWrongType_SaysWhatTheOptionExpectsInPlainWords(string message, params string[] args)
    {
        var result = Zi.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("zi: " + message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("expected type", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scores")]
    [InlineData("ingest")]
    public async Task BusyDatabase_HeldByAnotherProcess_ExitsThreeNotOne(string command)
    {
        IngestSamples();
        var file = _dir.Write("more.csv", Some.Lke("U-01"));
        // This process holds the write lock; zi runs as a second process, as a user's second terminal would.
        using var holder = new Store.ZiDatabase(Db, FixedClock.Default).OpenWrite();
        string[] args = command == "ingest" ? ["ingest", "--db", Db, file] : ["scores", "--db", Db];
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "zi.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [Store.ZiDatabase.BusyTimeoutVariable] = "0.5" },
        };
        using var zi = System.Diagnostics.Process.Start(start)!;
        var error = zi.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = await zi.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await zi.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(3, zi.ExitCode);
        Assert.Contains($"The database {Db} is in use by", await error, StringComparison.Ordinal);
        Assert.Contains($"PID {Environment.ProcessId}", await error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", await error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scores", "text")]
    [InlineData("scores", "random")]
    [InlineData("ingest", "text")]
    [InlineData("ingest", "random")]
    public void NotADatabase_ExitsOneSayingSoWithoutDuckDbInternals(string command, string content)
    {
        var notDb = _dir.File("lke.duckdb");
        File.WriteAllBytes(notDb, content == "text" ? System.Text.Encoding.UTF8.GetBytes(Some.Lke()) : [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7919 % 251))]);
        var before = File.ReadAllBytes(notDb);
        string[] args = command == "ingest" ? ["ingest", "--db", notDb, _dir.Write("in.csv", Some.Lke())] : ["scores", "--db", notDb];

        var result = Zi.Run(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"zi: The file {notDb} is not a DuckDB database ({(content == "text" ? "it is a text file" : "its first bytes are not DuckDB's")})", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("DuckDBOpen", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("IO Error", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(notDb));
    }

    [Fact]
    public void AnotherProgramsDuckDbDatabase_IsRefusedAndLeftAsItWas()
    {
        var other = _dir.File("other.duckdb");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={other}"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1)";
            cmd.ExecuteNonQuery();
        }

        var scores = Zi.Run("scores", "--db", other);
        var ingest = Zi.Run("ingest", "--db", other, _dir.Write("in.csv", Some.Lke()));

        Assert.Equal((1, 1), (scores.ExitCode, ingest.ExitCode));
        Assert.Contains($"zi: The file {other} is a DuckDB database, but not one of zi's (it holds tables invoices and no zi schema)", scores.Error, StringComparison.Ordinal);
        Assert.Contains("not one of zi's", ingest.Error, StringComparison.Ordinal);
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={other};ACCESS_MODE=READ_ONLY"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT string_agg(table_name, ',') FROM information_schema.tables";
            Assert.Equal("invoices", cmd.ExecuteScalar());
        }
    }

    [Fact]
    public void DatabaseThatIsAFolder_ExitsOneSayingSo()
    {
        var result = Zi.Run("scores", "--db", _dir.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"zi: {_dir.Path} is a folder, not a database file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_MissingDatabase_ExitsOneSayingHowToCreateIt()
    {
        var result = Zi.Run("scores", "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"zi: The database {Db} does not exist. Create it with 'zi ingest --db {Db} FILES' or 'zi demo'.", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Ingest_MissingInputFile_SaysSoAndLeavesNoEmptyDatabase()
    {
        var db = _dir.File("new/zi.duckdb");
        var missing = _dir.File("lke-2025.csv");

        var result = Zi.Run("ingest", "--db", db, missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"lke-2025.csv: no such file ({missing} does not exist)", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "an empty database was left behind");
        Assert.False(File.Exists(db + ".wal"));
        Assert.False(Directory.Exists(_dir.File("new")), "the folder made for it was left behind");
    }

    [Fact]
    public void Ingest_OnlyRejectedFilesIntoANewDatabase_LeavesNoDatabase()
    {
        var bad = _dir.Write("bad.csv", Some.Lke("U-02").Replace("MP-P1-b,ABC,A", "MP-P1-b,ABC,Q", StringComparison.Ordinal));

        var result = Zi.Run("ingest", "--db", Db, bad, _dir.File("missing.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Ingest_MissingInputFileIntoAnExistingDatabase_KeepsIt()
    {
        IngestSamples();
        var before = Zi.Run("scores", "--db", Db, "--format", "json").Out;

        var result = Zi.Run("ingest", "--db", Db, _dir.File("missing.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, Zi.Run("scores", "--db", Db, "--format", "json").Out);
    }

    [Fact]
    public void Scores_YearNotStored_NamesTheYearsThereAre()
    {
        IngestSamples();

        var result = Zi.Run("scores", "--db", Db, "--year", "2015");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no LKE is stored for 2015 (years in the database: 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_Json_HasTheDocumentedFields()
    {
        IngestSamples();

        var json = JsonDocument.Parse(Zi.Run("scores", "--db", Db, "--year", "2025", "--format", "json").Out).RootElement;

        Assert.Equal(40, json.GetArrayLength());
        var first = json[0];
        foreach (var field in new[] { "unitId", "unitName", "instansi", "year", "ruleVersion", "areas", "pengungkit", "ipak", "capaian", "ipkp", "hasil", "total", "blankQuestions", "readiness", "shortfalls" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing field {field}");
        }
        Assert.Equal(["MP", "TT", "SDM", "AK", "PW", "PP"], first.GetProperty("areas").EnumerateObject().Select(p => p.Name));
        Assert.True(first.GetProperty("areas").GetProperty("MP").TryGetProperty("pemenuhan", out _));
        Assert.Contains(json.EnumerateArray(), u => u.GetProperty("shortfalls").EnumerateArray()
            .Any(s => s.TryGetProperty("criterion", out _) && s.TryGetProperty("actual", out _) && s.TryGetProperty("required", out _)));
    }

    [Fact]
    public void Scores_SampleYear_AsApproved()
    {
        IngestSamples();

        Golden.Verify("scores-2025", Zi.Run("scores", "--db", Db, "--year", "2025", "--format", "csv").Out);
    }

    [Fact]
    public void Scores_Table_FitsA120ColumnTerminal()
    {
        IngestSamples();

        var lines = Zi.Run("scores", "--db", Db).Out.Split('\n');

        Assert.All(lines.SkipLast(2), line => Assert.True(line.Length <= 120, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public void Rank_Wbk_ListsReadyUnitsFirstThenByPointsNeeded()
    {
        IngestSamples();

        var json = JsonDocument.Parse(Zi.Run("rank", "--db", Db, "--year", "2025", "--format", "json").Out).RootElement.EnumerateArray().ToList();

        Assert.NotEmpty(json);
        var ready = json.TakeWhile(c => c.GetProperty("ready").GetBoolean()).Count();
        Assert.True(ready > 0);
        Assert.All(json.Skip(ready), c => Assert.False(c.GetProperty("ready").GetBoolean()));
        var points = json.Skip(ready).Select(c => c.GetProperty("pointsNeeded").GetDecimal()).ToList();
        Assert.Equal(points.Order(), points);
        Assert.Equal(Enumerable.Range(1, json.Count), json.Select(c => c.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public void Rank_ExcludesUnitsHoldingWbk()
    {
        IngestSamples();
        var holders = File.ReadAllLines(Path.Combine(Samples, "predikat.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();

        var ranked = JsonDocument.Parse(Zi.Run("rank", "--db", Db, "--year", "2025", "--format", "json").Out).RootElement
            .EnumerateArray().Select(c => c.GetProperty("unitId").GetString()).ToList();

        Assert.DoesNotContain(ranked, id => holders.Contains(id!));
    }

    [Fact]
    public void Scores_Csv_NeutralisesFormulaLikeText()
    {
        _dir.Write("lke.csv", Some.Csv(Some.LkeRows("U-01", 2024, name: "=HYPERLINK(\"http://x\")")));
        Zi.Run("ingest", "--db", Db, _dir.File("lke.csv"));

        var csv = Zi.Run("scores", "--db", Db, "--format", "csv").Out;

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void CandidatesExports_NeutraliseFormulaLikeTextInCsvAndXlsx()
    {
        _dir.Write("lke.csv", Some.Csv(Some.LkeRows("U-01", 2024, name: "=HYPERLINK(\"http://x\")")));
        Zi.Run("ingest", "--db", Db, _dir.File("lke.csv"));

        var csv = Zi.Run("candidates", "--db", Db, "--format", "csv").Out;
        Zi.Run("candidates", "--db", Db, "--format", "xlsx", "--out", _dir.File("k.xlsx"));

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv, StringComparison.Ordinal);
        using var book = Spreadsheets.XlsxWorkbook.Open(_dir.File("k.xlsx"));
        Assert.Equal("'=HYPERLINK(\"http://x\")", book.ReadRows(book.Sheets[0]).Skip(1).First().Text(3));
    }

    [Fact]
    public void Findings_OnTheSamples_ListTheValueTypedOverAFormula()
    {
        IngestSamples();

        var findings = JsonDocument.Parse(Zi.Run("findings", "--db", Db, "--year", "2025", "--format", "json").Out).RootElement.EnumerateArray().ToList();

        Assert.Contains(findings, f => f.GetProperty("unitId").GetString() == "ESDM-02" && f.GetProperty("item").GetString() == "PW-P2"
                                       && f.GetProperty("message").GetString()!.Contains("typed over the formula", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.GetProperty("level").GetString() == "answer-kind");
        var table = Zi.Run("findings", "--db", Db, "--year", "2025").Out;
        Assert.Contains("Jenis jawaban ditulis tidak baku, dibaca otomatis", table, StringComparison.Ordinal);
        Assert.Contains("PW-P2: buku kerja 1,5, hitung ulang", table, StringComparison.Ordinal);
        Assert.DoesNotContain("the workbook shows", table, StringComparison.Ordinal);
    }

    [Fact]
    public void History_OfTheTpiReviewedUnit_ShowsEveryLayer()
    {
        IngestSamples();

        var result = Zi.Run("history", "--db", Db, "--unit", SampleData.SampleGenerator.TpiReviewedUnit, "--year", "2025", "--answers");

        Assert.Equal(0, result.ExitCode);
        foreach (var layer in new[] { "unit", "tpi_unit", "tpi_itjen" })
        {
            Assert.Contains($"2025   {layer}", result.Out, StringComparison.Ordinal);
        }
        Assert.Contains("2025_ESDM-06_tpi.xlsx", result.Out, StringComparison.Ordinal);
        Assert.Contains("LKE ZI", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Reviews_OfTheTpiReviewedUnit_ListEveryChangedAnswerAndTheyAddUpToTheMove()
    {
        IngestSamples();

        var reviews = JsonDocument.Parse(Zi.Run("reviews", "--db", Db, "--year", "2025", "--format", "json").Out).RootElement.EnumerateArray().ToList();

        Assert.Equal(["tpi_unit", "tpi_itjen"], reviews.Select(r => r.GetProperty("reviewer").GetString()));
        foreach (var review in reviews)
        {
            Assert.Equal(SampleData.SampleGenerator.TpiReviewedUnit, review.GetProperty("unitId").GetString());
            var changes = review.GetProperty("changes").EnumerateArray().ToList();
            Assert.NotEmpty(changes);
            Assert.All(changes, c => Assert.NotEqual(c.GetProperty("unitAnswer").GetString(), c.GetProperty("reviewerAnswer").GetString()));
            // Each change is scored against the same indicator; their sum is the move of the total, to rounding.
            var moved = review.GetProperty("moved").GetDecimal();
            Assert.InRange(changes.Sum(c => c.GetProperty("pointsMoved").GetDecimal()) - moved, -0.01m, 0.01m);
            Assert.True(moved < 0, "the sample reviewers mark answers down");
        }
    }

    [Fact]
    public void Ingest_WorkbookNamedFreely_TakesUnitAndYearFromTheOptions()
    {
        var workbook = Path.Combine(Samples, "workbooks", "2025_ESDM-08_lke.xlsx");
        var renamed = _dir.File("lke saya.xlsx");
        File.Copy(workbook, renamed);

        var refused = Zi.Run("ingest", "--db", Db, renamed);
        var accepted = Zi.Run("ingest", "--db", Db, "--tahun", "2025", "--kode-unit", "X-01", "--nama-unit", "Balai X", "--instansi", "Kementerian X", renamed);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--tahun and --kode-unit", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Contains("X-01 2025 v1", accepted.Out, StringComparison.Ordinal);
    }
}
