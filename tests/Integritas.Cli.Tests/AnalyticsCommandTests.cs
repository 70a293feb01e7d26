using System.Text.Json;
using Integritas.Spreadsheets;
using Integritas.TestSupport;

namespace Integritas.Cli.Tests;

/// <summary>The sample database, ingested once for the read-only planners' commands.</summary>
public sealed class SampleDatabase : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SampleDatabase()
    {
        Path = _dir.File("zi.duckdb");
        var result = Zi.Run("ingest", "--db", Path, System.IO.Path.Combine(AppContext.BaseDirectory, "data-samples"));
        Assert.Equal(0, result.ExitCode);
    }

    public string Path { get; }

    public string File(string name) => _dir.File(name);

    public void Dispose() => _dir.Dispose();
}

/// <summary>zi candidates, unit, trends, targets and rules on the samples: one screen each, stable JSON, safe exports.</summary>
public sealed class AnalyticsCommandTests(SampleDatabase db) : IClassFixture<SampleDatabase>
{
    private static void FitsTheTerminal(string output) =>
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 120, $"wider than 120 columns: {line}"));

    [Fact]
    public void Candidates_Table_ShowsWhoIsReadyWhoIsCloseAndTheBacktest()
    {
        var result = Zi.Run("candidates", "--db", db.Path, "--year", "2025");

        Assert.Equal(0, result.ExitCode);
        FitsTheTerminal(result.Out);
        Assert.Contains("Kandidat WBK 2026 dari LKE 2025", result.Out, StringComparison.Ordinal);
        Assert.Contains("siap diusulkan", result.Out, StringComparison.Ordinal);
        Assert.Contains("Uji balik: proyeksi 2025", result.Out, StringComparison.Ordinal);
        // Criteria by their labels, not codes ("BERSIH", "CAPAIAN", "SAKIP unit ?").
        Assert.Contains("Birokrasi bersih 18,16<18,25", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("BERSIH", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" ?", result.Out, StringComparison.Ordinal);
        Assert.True(result.Out.Split('\n').Length <= 50, "one screen");
    }

    [Fact]
    public void Candidates_Json_CarriesPointsProjectionQuestionsAndBacktest()
    {
        var json = JsonDocument.Parse(Zi.Run("candidates", "--db", db.Path, "--year", "2025", "--format", "json").Out).RootElement;

        Assert.Equal(("WBK", 2026, "90/2021 jo. 5/2024"), (json.GetProperty("target").GetString(), json.GetProperty("nextYear").GetInt32(), json.GetProperty("ruleVersion").GetString()));
        var candidates = json.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, candidates.Count), candidates.Select(c => c.GetProperty("rank").GetInt32()));
        var first = candidates[0];
        Assert.True(first.GetProperty("ready").GetBoolean());
        Assert.Equal(0m, first.GetProperty("pointsNeeded").GetProperty("total").GetDecimal());
        Assert.Equal(2026, first.GetProperty("projection").GetProperty("year").GetInt32());
        Assert.NotEmpty(first.GetProperty("topQuestions").EnumerateArray());
        var close = candidates.First(c => c.GetProperty("pointsNeeded").GetProperty("total").GetDecimal() > 0);
        Assert.NotEmpty(close.GetProperty("pointsNeeded").GetProperty("byArea").EnumerateObject().Concat(close.GetProperty("pointsNeeded").GetProperty("byHasilPart").EnumerateObject()));
        var backtest = json.GetProperty("backtest");
        Assert.Equal(2025, backtest.GetProperty("year").GetInt32());
        Assert.Equal(6, backtest.GetProperty("areas").GetArrayLength());
        Assert.True(backtest.GetProperty("total").GetProperty("maeProjection").GetDecimal() > 0);
    }

    [Fact]
    public void Candidates_Wbbm_ListsOnlyWbkHolders()
    {
        var holders = System.IO.File.ReadAllLines(System.IO.Path.Combine(AppContext.BaseDirectory, "data-samples", "predikat.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[2] == "WBK").Select(f => f[0]).ToHashSet();

        var json = JsonDocument.Parse(Zi.Run("candidates", "--db", db.Path, "--target", "WBBM", "--format", "json").Out).RootElement;

        var ids = json.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("unitId").GetString()!).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains(id, holders));
    }

    [Fact]
    public void Candidates_Xlsx_NeedsAnOutputFileAndWritesASheetPlannersCanFilter()
    {
        var missing = Zi.Run("candidates", "--db", db.Path, "--format", "xlsx");
        var path = db.File("kandidat.xlsx");
        var written = Zi.Run("candidates", "--db", db.Path, "--format", "xlsx", "--out", path);

        Assert.Equal((1, 0), (missing.ExitCode, written.ExitCode));
        Assert.Contains("--out", missing.Error, StringComparison.Ordinal);
        using var book = XlsxWorkbook.Open(path);
        Assert.Equal(["Kandidat WBK 2026", "Uji balik proyeksi"], book.Sheets.Select(s => s.Name));
        var rows = book.ReadRows(book.Sheets[0]).ToList();
        Assert.Equal("Kode unit", rows[0].Text(2));
        Assert.True(rows.Count > 20);
    }

    [Fact]
    public void Unit_ExplainsScoresCriteriaPointsAndQuestionsOnOneScreen()
    {
        var result = Zi.Run("unit", "esdm-06", "--db", db.Path);

        Assert.Equal(0, result.ExitCode);
        FitsTheTerminal(result.Out);
        Assert.True(result.Out.Split('\n').Length <= 55, "one screen");
        foreach (var expected in new[] { "ESDM-06 · Balai Penyelidikan", "TPI Itjen", "Min WBK", "PW Pengawasan %", "Syarat pengusulan (5/2024)",
                     "Poin yang masih dibutuhkan menuju WBK", "Proyeksi 2026", "Soal yang menambah nilai" })
        {
            Assert.Contains(expected, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unit_Json_ListsEveryCriterionWithItsStatus()
    {
        var json = JsonDocument.Parse(Zi.Run("unit", "ESDM-06", "--db", db.Path, "--year", "2025", "--format", "json").Out).RootElement;

        var criteria = json.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Contains(criteria, c => c.GetProperty("criterion").GetString() == "area.PW" && c.GetProperty("status").GetString() == "unmet");
        Assert.Contains(criteria, c => c.GetProperty("unit").GetString() == "fact" && c.GetProperty("binding").GetBoolean());
        Assert.Equal("WBK", json.GetProperty("target").GetString());
        Assert.True(json.GetProperty("trend").GetArrayLength() >= 4);
    }

    [Fact]
    public void Unit_Unknown_SuggestsSimilarCodes()
    {
        var result = Zi.Run("unit", "ESDM", "--db", db.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did you mean ESDM-01", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Trends_Table_AnswersHowTheMinistryMovedOnOneScreen()
    {
        var result = Zi.Run("trends", "--db", db.Path, "--year", "2025");

        Assert.Equal(0, result.ExitCode);
        FitsTheTerminal(result.Out);
        Assert.True(result.Out.Split('\n').Length <= 60, "one screen");
        foreach (var expected in new[] { "Tren Zona Integritas 2016–2025", "Area yang paling menahan unit (2025)", "Naik terbesar sejak 2024", "Turun terbesar sejak 2024",
                     "tetapi tidak lagi pada 2025" })
        {
            Assert.Contains(expected, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Trends_Json_HasGroupsPerInstansiAndYearAndEveryUnitsYears()
    {
        var json = JsonDocument.Parse(Zi.Run("trends", "--db", db.Path, "--format", "json").Out).RootElement;

        Assert.Equal(2025, json.GetProperty("year").GetInt32());
        var groups = json.GetProperty("groups").EnumerateArray().ToList();
        Assert.Contains(groups, g => g.GetProperty("group").GetString() == "Badan Pusat Statistik" && g.GetProperty("year").GetInt32() == 2022);
        Assert.Equal(40, json.GetProperty("units").GetArrayLength());
        Assert.Contains(json.GetProperty("targets").EnumerateArray(), t => t.GetProperty("targetWbk").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public void Trends_ForOneInstansi_KeepsToItsUnits()
    {
        var json = JsonDocument.Parse(Zi.Run("trends", "--db", db.Path, "--instansi", "badan pusat statistik", "--format", "json").Out).RootElement;

        Assert.All(json.GetProperty("units").EnumerateArray(), u => Assert.StartsWith("BPS-", u.GetProperty("unitId").GetString(), StringComparison.Ordinal));
        Assert.Equal(1, Zi.Run("trends", "--db", db.Path, "--instansi", "Kementerian Tidak Ada").ExitCode);
        var years = json.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        Assert.Equal(years, json.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("year").GetInt32()));

        // The table lists each year once and fills the instansi's row.
        var lines = Zi.Run("trends", "--db", db.Path, "--instansi", "Badan Pusat Statistik").Out.Split('\n');
        Assert.All(years, y => Assert.Single(lines, l => l.StartsWith(y.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("Badan Pusat Statistik ", StringComparison.Ordinal) && l.Contains("13", StringComparison.Ordinal));
    }

    [Fact]
    public void Targets_ShowTargetReadyAndAwarded()
    {
        var rows = JsonDocument.Parse(Zi.Run("targets", "--db", db.Path, "--year", "2024", "--format", "json").Out).RootElement.EnumerateArray().ToList();

        var esdm = rows.Single(r => r.GetProperty("instansi").GetString() == "Kementerian Energi dan Sumber Daya Mineral");
        Assert.Equal((3, 1), (esdm.GetProperty("targetWbk").GetInt32(), esdm.GetProperty("awardedWbk").GetInt32()));
    }

    [Fact]
    public void Rules_ListsEveryVersionAndShowsTheYearsRuleWithItsSources()
    {
        var list = Zi.Run("rules");
        var for2025 = Zi.Run("rules", "--year", "2025");
        var amendment = JsonDocument.Parse(Zi.Run("rules", "5/2024", "--format", "json").Out).RootElement;

        foreach (var id in new[] { "52/2014", "10/2019", "90/2021", "5/2024" })
        {
            Assert.Contains(id, list.Out, StringComparison.Ordinal);
        }
        FitsTheTerminal(for2025.Out);
        Assert.Contains("90/2021 jo. 5/2024", for2025.Out, StringComparison.Ordinal);
        Assert.Contains("Opini BPK", for2025.Out, StringComparison.Ordinal);
        Assert.Equal(12, amendment.GetProperty("prerequisites").GetArrayLength());
        Assert.All(amendment.GetProperty("prerequisites").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("source").GetString())));
    }

    /// <summary>
    /// What <c>zi rules</c> shows: every rule version, and 52/2014, 90/2021 for 2023 (its own Tabel 5) and for 2025
    /// (with 5/2024) in full, each number beside the part and page of the regulation it is taken from.
    /// </summary>
    [Fact]
    public void Rules_AsApproved()
    {
        var runs = new[] { new[] { "rules" }, ["rules", "52/2014"], ["rules", "10/2019"], ["rules", "--year", "2023"], ["rules", "--year", "2025"] }
            .Select(args => (Args: string.Join(' ', args), Result: Zi.Run(args))).ToList();

        Assert.All(runs, r => Assert.Equal(0, r.Result.ExitCode));
        Assert.All(runs, r => FitsTheTerminal(r.Result.Out));
        Golden.Verify("rules", string.Join("\n", runs.Select(r => $"$ zi {r.Args}\n{r.Result.Out}")));
    }

    [Fact]
    public void Unit_A52Of2014Year_EndsItsTableThereAndSaysWhatTheRecapCannotShow()
    {
        var recapTotalOnly = Zi.Run("unit", "ESDM-10", "--db", db.Path, "--year", "2016");
        var recapWithParts = Zi.Run("unit", "ESDM-10", "--db", db.Path, "--year", "2017");

        Assert.Equal((0, 0), (recapTotalOnly.ExitCode, recapWithParts.ExitCode));
        FitsTheTerminal(recapTotalOnly.Out);
        var header = recapTotalOnly.Out.Split('\n').First(l => l.StartsWith("Nilai ", StringComparison.Ordinal));
        Assert.EndsWith("2016       Δ  Min WBK         Min WBBM", header.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("aturan 52/2014", recapTotalOnly.Out, StringComparison.Ordinal);
        Assert.Contains("? Tidak dapat diperiksa pada data 2016: rekap tanpa kolom 'persepsi_korupsi' atau 'indeks_persepsi_korupsi', 'tlhp' atau\n'persen_tlhp'", recapTotalOnly.Out, StringComparison.Ordinal);
        Assert.Contains("Syarat pengusulan (52/2014)", recapTotalOnly.Out, StringComparison.Ordinal);
        // With the parts (2017) every criterion of 52/2014 Bab III §B.4 is checked.
        Assert.DoesNotContain("Tidak dapat diperiksa", recapWithParts.Out, StringComparison.Ordinal);
        Assert.Contains("  TLHP                         -    4,88          ≥ 3,5 ✓", recapWithParts.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_Json_QuotesTheTextBesideEachNumber()
    {
        var rule = JsonDocument.Parse(Zi.Run("rules", "52/2014", "--format", "json").Out).RootElement;

        var wbk = rule.GetProperty("predicates").EnumerateArray().First().GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal("52/2014 Lampiran Bab III §B.4.1 p. 22 \"sub komponen Persentasi TLHP minimal 3,5\"", wbk.Single(c => c.GetProperty("metric").GetString() == "part:TLHP").GetProperty("source").GetString());
        Assert.Equal("PERSEN", rule.GetProperty("hasilParts").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "TLHP").GetProperty("kind").GetString());
        var opinion = rule.GetProperty("prerequisites").EnumerateArray().First();
        Assert.Equal("≥ WTP, 2 tahun berturut-turut", opinion.GetProperty("levels").GetProperty("WBBM").GetString());
    }

    [Fact]
    public void Rank_Json_AddsScoreReadinessPrerequisitesAndProjection()
    {
        var first = JsonDocument.Parse(Zi.Run("rank", "--db", db.Path, "--format", "json").Out).RootElement.EnumerateArray().First();

        foreach (var field in new[] { "scoreReadiness", "scoreReady", "prerequisitesOpen", "projectedTotal", "projectedScoreReady", "shortfalls" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public void HolderBelowItsCriteria_IsFlaggedTheSameInScoresAndUnit()
    {
        var scores = JsonDocument.Parse(Zi.Run("scores", "--db", db.Path, "--year", "2025", "--format", "json").Out).RootElement.EnumerateArray()
            .Single(s => s.GetProperty("unitId").GetString() == "KEMENAG-06");
        var unit = Zi.Run("unit", "KEMENAG-06", "--db", db.Path, "--year", "2025").Out;
        var table = Zi.Run("scores", "--db", db.Path, "--year", "2025").Out;

        Assert.Equal(("WBBM", "WBK"), (scores.GetProperty("nextLevel").GetString(), scores.GetProperty("heldBelow").GetString()));
        Assert.Equal(["area.PW", "hasil.IPAK"], scores.GetProperty("heldShortfalls").EnumerateArray().Select(s => s.GetProperty("criterion").GetString()));
        var points = scores.GetProperty("pointsNeeded").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
        Assert.Contains($"menuju WBBM: kurang {points} poin", unit, StringComparison.Ordinal);
        var below = scores.GetProperty("heldBelowPointsNeeded").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
        Assert.Contains($"Di bawah kriteria WBK yang dipegang: kurang {below} poin", unit, StringComparison.Ordinal);
        Assert.Contains("KEMENAG-06 (WBK, kurang", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_Table_ShowsValuesBesideMinimumsInTwoDecimalsAndNamesThatDiffer()
    {
        var lines = Zi.Run("scores", "--db", db.Path, "--year", "2025").Out.Split('\n');

        FitsTheTerminal(string.Join('\n', lines));
        // ESDM-06's SDM is 59,98% and BPS-03's PW 74,97%: shown whole they read as meeting 60% and 75%.
        Assert.Contains("59,98", lines.Single(l => l.StartsWith("ESDM-06 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("74,97", lines.Single(l => l.StartsWith("BPS-03 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        var kemenag = lines.Where(l => l.StartsWith("KEMENAG-", StringComparison.Ordinal)).Select(l => l[12..26]).ToList();
        Assert.Equal(kemenag.Count, kemenag.Distinct().Count());
    }
}
