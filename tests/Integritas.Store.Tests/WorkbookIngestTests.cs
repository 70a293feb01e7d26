using Integritas.Domain.Lke;
using Integritas.Ingest;
using Integritas.SampleData;
using Integritas.Store.Ingest;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

/// <summary>The official LKE workbook: read as the regulation's formulas read it, quirks tolerated, cached values checked.</summary>
public sealed class WorkbookIngestTests : IDisposable
{
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Ingest_CleanWorkbook_ScoresOneHundredWithoutFindings()
    {
        var outcome = _store.IngestBytes("2024_U-01_lke.xlsx", Workbooks.LkeZi());

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Empty(outcome.Findings);
        var score = Assert.Single(_store.Scores(2024));
        Assert.Equal(100m, score.Card.Total);
        Assert.Equal(113, score.Card.Questions);
        Assert.Equal("U-01", score.Unit.UnitId);
    }

    [Fact]
    public void Ingest_Workbook_ScoresLikeTheSameAnswersInCanonicalCsv()
    {
        var answers = new Dictionary<string, string> { ["MP-P1-a"] = "Tidak", ["TT-P1-b"] = "C", ["PW-P5-a"] = "D", ["IPAK"] = "3.61", ["CAPAIAN"] = "B" };
        var counts = new Dictionary<string, IReadOnlyList<int?>> { ["MP-R1-a"] = [20, 17], ["PW-R3A-a"] = [1, 6, 3, 9], ["SDM-R3-a"] = [5, 2, 1] };
        _store.IngestBytes("2024_U-01_lke.xlsx", Workbooks.LkeZi(Workbooks.Layer(answers: answers, counts: counts)));
        var csvAnswers = new Dictionary<string, string>(answers)
        {
            ["MP-R1-a"] = "0.85",
            ["PW-R3A-a"] = (9m / 10m).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SDM-R3-a"] = "0.6",
        };
        _store.Ingest("lke.csv", Some.Lke("U-02", 2024, csvAnswers));

        var scores = _store.Scores(2024);

        Assert.Equal(scores[0].Card.Total, scores[1].Card.Total);
        Assert.Equal(scores[0].Card.Area("PW")!.Reform, scores[1].Card.Area("PW")!.Reform);
    }

    [Fact]
    public void Ingest_TypedOverFormula_IsAFindingNotAnError()
    {
        // TT-P2 (weight 2) recomputes to 2, but 1.5 is typed over its formula; the workbook's sums above include it.
        var quirks = new WorkbookQuirks { TypedValues = new Dictionary<string, decimal> { ["TT-P2"] = 1.5m } };

        var outcome = _store.IngestBytes("2024_U-01_lke.xlsx", Workbooks.LkeZi(quirks: quirks));

        Assert.Equal(FileStatus.Accepted, outcome.Status);
        var indicator = Assert.Single(outcome.Findings, f => f.Item == "TT-P2");
        Assert.Equal((1.5m, 2m, Finding.Value), (indicator.Cached!.Value, indicator.Recomputed!.Value, indicator.Level));
        Assert.Contains("typed over the formula", indicator.Message, StringComparison.Ordinal);
        Assert.Contains(outcome.Findings, f => f.Item == "TT:pemenuhan" && f.Cached == 3m && f.Recomputed == 3.5m);
        Assert.Contains(outcome.Findings, f => f.Item == "total" && f.Cached == 99.5m && f.Recomputed == 100m);
        Assert.Equal(100m, Assert.Single(_store.Scores(2024)).Card.Total);
    }

    [Fact]
    public void Ingest_PercentTypedOverItsCounts_UsesTheCountsAndRecordsIt()
    {
        var quirks = new WorkbookQuirks { TypedPercents = new Dictionary<string, decimal> { ["AK-R1-a"] = 0.9m } };
        var layer = Workbooks.Layer(counts: new Dictionary<string, IReadOnlyList<int?>> { ["AK-R1-a"] = [8, 6] });

        var outcome = _store.IngestBytes("2024_U-01_lke.xlsx", Workbooks.LkeZi(layer, quirks));

        var finding = Assert.Single(outcome.Findings, f => f.Item == "AK-R1-a");
        Assert.Equal((0.9m, 0.75m), (finding.Cached!.Value, finding.Recomputed!.Value));
        Assert.Equal(5m - 2m + 0.75m * 2m, Assert.Single(_store.Scores(2024)).Card.Area("AK")!.Reform);
    }

    [Fact]
    public void Ingest_RealWorldQuirks_AreToleratedAndNoted()
    {
        var quirks = new WorkbookQuirks
        {
            KindTypos = new Dictionary<string, string> { ["TT-P1-a"] = "A/B/CD", ["MP-P1-a"] = "Ya", ["SDM-P3-b"] = "A / B / C / D" },
            SkippedNumbering = true,
            HiddenSheet = true,
            LineBreaks = true,
            SignatureRows = true,
            NoteRowAfter = "PW-P2-b",
        };

        var outcome = _store.IngestBytes("2024_U-01_lke.xlsx", Workbooks.LkeZi(quirks: quirks));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Contains(outcome.Findings, f => f.Level == Finding.AnswerKind && f.Message.Contains("'A/B/CD' read as A/B/C/D", StringComparison.Ordinal));
        Assert.Contains(outcome.Findings, f => f.Level == Finding.AnswerKind && f.Message.Contains("'Ya' read as Ya/Tidak", StringComparison.Ordinal));
        Assert.Contains(outcome.Findings, f => f.Level == Finding.IgnoredRow && f.Item == "PW-P2");
        Assert.Equal(100m, Assert.Single(_store.Scores(2024)).Card.Total);
    }

    [Fact]
    public void Ingest_ZeroDenominator_IsScoredByTheDecisionAndRecorded()
    {
        // No public complaints to follow up: the workbook shows #DIV/0!; the product scores 1 (nothing left unresolved).
        var layer = Workbooks.Layer(counts: new Dictionary<string, IReadOnlyList<int?>> { ["PW-R2-a"] = [0, 0, 0], ["SDM-R3-a"] = [0, 3, 0] });

        var outcome = _store.IngestBytes("2024_U-01_lke.xlsx", Workbooks.LkeZi(layer));

        Assert.Contains(outcome.Findings, f => f.Item == "PW-R2-a" && f.Level == Finding.ZeroDenominator && f.Recomputed == 1m);
        Assert.Contains(outcome.Findings, f => f.Item == "SDM-R3-a" && f.Message.Contains("rose from 0 to 3", StringComparison.Ordinal));
        var card = Assert.Single(_store.Scores(2024)).Card;
        Assert.Equal(7.5m, card.Area("PW")!.Reform);
        Assert.Equal(3m, card.Area("SDM")!.Reform);
    }

    [Fact]
    public void Ingest_BadAnswerInAWorkbook_NamesSheetRowAndColumn()
    {
        var bytes = Workbooks.LkeZi(Workbooks.Layer(answers: new Dictionary<string, string> { ["PP-P2-b"] = "F" }));

        var outcome = _store.IngestBytes("2024_U-01_lke.xlsx", bytes);

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("LKE ZI", "K", "F"), (error.Sheet, error.Column, error.Value));
        Assert.StartsWith("2024_U-01_lke.xlsx [LKE ZI]:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L, 0L), _store.Counts());
    }

    [Fact]
    public void Ingest_WorkbookWithoutUnitAndYear_IsRefusedSayingHowToName()
    {
        var outcome = _store.IngestBytes("lke-unit-saya.xlsx", Workbooks.LkeZi());

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains("{tahun}_{kode_unit}", outcome.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_WorkbookWithOptions_TakesUnitAndYearFromThem()
    {
        var service = new IngestService(Domain.Rules.RuleCatalog.Default, TimeProvider.System,
            new IngestOptions { Year = 2024, UnitId = "U-77", UnitName = "Balai Contoh", Instansi = "Kementerian Contoh" });
        var path = _store.Folder.Write("lke.xlsx", Workbooks.LkeZi());

        var outcome = Assert.Single(service.Ingest(_store.Database, [path]));

        Assert.Equal(FileStatus.Accepted, outcome.Status);
        var score = Assert.Single(_store.Scores(2024));
        Assert.Equal(("U-77", "Balai Contoh", "Kementerian Contoh"), (score.Unit.UnitId, score.Unit.UnitName, score.Unit.Instansi));
    }

    [Fact]
    public void Ingest_TpiTemplate_StoresEveryLayerAndScoresTheMostSenior()
    {
        var unit = Workbooks.Layer(Reviewer.Unit);
        var tpiUnit = Workbooks.Layer(Reviewer.TpiUnit, new Dictionary<string, string> { ["MP-P1-b"] = "B" });
        var tpiItjen = Workbooks.Layer(Reviewer.TpiItjen, new Dictionary<string, string> { ["MP-P1-b"] = "C", ["IPAK"] = "3.5" });

        var outcome = _store.IngestBytes("2024_U-01_tpi.xlsx", Workbooks.Tpi(unit, tpiUnit, tpiItjen));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(["U-01 2024 [tpi_itjen] v1", "U-01 2024 [tpi_unit] v1", "U-01 2024 v1"], outcome.Landed.Order(StringComparer.Ordinal));
        var senior = Assert.Single(_store.Scores(2024));
        Assert.Equal(Reviewer.TpiItjen, senior.Layer);
        // MP-P1 (0.5): (Ya 1 + C 0) / 2 × 0.5 = 0.25, a loss of 0.25; IPAK 3.5 / 4 × 17.5 = 15.3125, a loss of 2.1875.
        Assert.Equal(100m - 0.25m - 2.1875m, senior.Card.Total);
        using var connection = _store.Database.OpenRead();
        var unitLayer = new Queries.ScoreQueries(Domain.Rules.RuleCatalog.Default).Load(connection, new Queries.ScoreFilter(2024, Layer: Reviewer.Unit));
        Assert.Equal(100m, Assert.Single(unitLayer).Card.Total);
    }

    [Fact]
    public void Ingest_TheItjenTemplateFilledIn_ReadsItsThreeLayers()
    {
        Assert.SkipUnless(File.Exists(Shared.TpiTemplate), $"the official template is not at {Shared.TpiTemplate}");
        var cells = new Dictionary<string, string>();
        // Fill every question of the real template: unit K, TPI unit O, TPI Itjen S (rows from its "Jawaban" sheet).
        foreach (var (row, kind) in TemplateRows())
        {
            var answer = kind switch { "Ya/Tidak" => "Ya", "Nilai\n(0-4)" => "3.8", "%" or "Jumlah" => "", _ => "A" };
            if (answer.Length > 0)
            {
                cells[$"K{row}"] = answer;
                cells[$"O{row}"] = answer;
                cells[$"S{row}"] = row == 7 ? "C" : answer;
            }
            else if (kind == "Jumlah")
            {
                foreach (var column in new[] { "K", "O", "S" })
                {
                    cells[$"{column}{row}"] = "5";
                }
            }
        }
        var path = _store.Folder.Write("2025_U-09_tpi.xlsx", XlsxPatch.SetCells(File.ReadAllBytes(Shared.TpiTemplate), "Jawaban", cells));

        var outcome = Assert.Single(_store.IngestFiles(path));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(3, outcome.Landed.Count);
        var score = Assert.Single(_store.Scores(2025));
        Assert.Equal(Reviewer.TpiItjen, score.Layer);
        // The Itjen TPI answered C (0) where the unit answered A on row 7: MP-P1 (weight 0.5) drops to 0.25.
        Assert.Equal(3.75m, score.Card.Area("MP")!.Pemenuhan);
    }

    private static IEnumerable<(int Row, string Kind)> TemplateRows()
    {
        using var book = Spreadsheets.XlsxWorkbook.Open(Shared.TpiTemplate);
        foreach (var row in book.ReadRows(book.FindSheet("Jawaban")!))
        {
            // Question, count and hasil rows; not the indicator rows that also carry a kind.
            if (row.Index > 1 && row.Text(10) is { Length: > 0 } kind && (row.Text(5).Length == 0 || row.Text(4).Length > 0))
            {
                yield return (row.Index, kind);
            }
        }
    }
}
