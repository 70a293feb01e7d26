using Integritas.Ingest;
using Integritas.SampleData;
using Integritas.Spreadsheets;
using Integritas.Store.Ingest;
using Integritas.Store.Queries;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

/// <summary>
/// The shapes of the official workbook that units' copies take (issue 9), each written by the sample generator
/// and ingested: read by weights, kinds and texts, scored as its formulas, and what cannot be placed refused
/// with sheet, row and column.
/// </summary>
public sealed class WorkbookVariantTests : IDisposable
{
    private const string File = "2024_U-01_lke.xlsx";

    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    private FileOutcome Ingest(byte[] bytes) => _store.IngestBytes(File, bytes);

    private IReadOnlyList<(string Question, string Indicator)> Stored()
    {
        using var connection = _store.Database.OpenRead();
        var submission = new Lineage(Domain.Rules.RuleCatalog.Default).History(connection, "U-01", 2024).Single(v => v.Current);
        return [.. Lineage.Answers(connection, submission.SubmissionId).Select(a => (a.Question, a.Indicator))];
    }

    private static Dictionary<int, Row> Rows(byte[] bytes, string sheet = "LKE ZI")
    {
        using var folder = new TempDirectory();
        using var book = XlsxWorkbook.Open(folder.Write("x.xlsx", bytes));
        return book.ReadRows(book.FindSheet(sheet)!).ToDictionary(r => r.Index);
    }

    private static int RowOf(Dictionary<int, Row> rows, string text, int column = 7) =>
        rows.Values.First(r => r.Text(column) == text).Index;

    [Fact]
    public void Generator_LkeZi_LaysOutTheLhkGroupAsTheRegulationPrintsIt()
    {
        var rows = Rows(Workbooks.LkeZi());

        var group = RowOf(rows, "Penyampaian Laporan Harta Kekayaan", 6);
        Assert.Equal(("iii.", "2", "%"), (rows[group].Text(5), rows[group].Text(8), rows[group].Text(10)));
        Assert.Equal(("i.", "1"), (rows[group + 1].Text(5), rows[group + 1].Text(8)));
        var lhkasn = RowOf(rows, "Penyampaian Laporan Harta Kekayaan Aparatur Sipil Negara (LHKASN)", 6);
        Assert.Equal(("", "1"), (rows[lhkasn].Text(5), rows[lhkasn].Text(8)));
        var subtotal = RowOf(rows, "Jumlah yang harus melaporkan");
        Assert.Equal($"SUM(K{subtotal + 1}:K{subtotal + 3})", rows[subtotal][11]!.Value.Formula);
        Assert.Equal("- Lainnya", rows[subtotal + 3].Text(7));
        Assert.Equal(("-", "Jumlah yang sudah melaporkan"), (rows[subtotal + 4].Text(6), rows[subtotal + 4].Text(7)));
        Assert.Equal("%", rows[RowOf(rows, "Penanganan Pengaduan Masyarakat", 6)].Text(10));
    }

    [Fact]
    public void Ingest_RegulationLayout_IsReadWithoutFindingsAndKeepsTheCodes()
    {
        var outcome = Ingest(Workbooks.LkeZi());

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Empty(outcome.Findings);
        Assert.Equal(100m, Assert.Single(_store.Scores(2024)).Card.Total);
        Assert.Equal(Domain.Catalog.LkeCatalog.Lke90.Indicators.SelectMany(i => i.Questions.Select(q => (q.Code, i.Code))), Stored());
    }

    [Theory]
    [InlineData(SubIndicatorNumbering.Regulation)]
    [InlineData(SubIndicatorNumbering.Letters)]
    public void Ingest_SubIndicatorsNumberedEitherWay_ScoreTheSame(SubIndicatorNumbering numbering)
    {
        var layer = Workbooks.Layer(counts: new Dictionary<string, IReadOnlyList<int?>> { ["PW-R3A-a"] = [1, 2, 1, 3], ["PW-R3B-a"] = [0, 4, 16, 15] });

        var outcome = Ingest(Workbooks.LkeZi(layer, new WorkbookQuirks { SubIndicators = numbering }));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        // LHKPN 3 of 4 and LHKASN 15 of 20 (× 1 each), beside Mekanisme Pengendalian 2,5 and pengaduan 3.
        Assert.Equal(2.5m + 3m + 0.75m + 0.75m, Assert.Single(_store.Scores(2024)).Card.Area("PW")!.Reform);
    }

    [Fact]
    public void Ingest_PercentOnEveryPercentIndicatorRow_IsNotTakenForAQuestion()
    {
        var quirks = new WorkbookQuirks { PercentOnIndicatorRows = ["MP-R1", "SDM-R3", "AK-R1", "PW-R2", "PW-R3", "PW-R3A", "PW-R3B", "PP-R1"] };

        var outcome = Ingest(Workbooks.LkeZi(quirks: quirks));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Empty(outcome.Findings);
        Assert.Equal(113, Stored().Count);
    }

    [Fact]
    public void Ingest_RepeatedAndMissingNumbering_KeepsEveryCode()
    {
        var quirks = new WorkbookQuirks { SkippedNumbering = true };
        var rows = Rows(Workbooks.LkeZi(quirks: quirks));
        var outcome = Ingest(Workbooks.LkeZi(quirks: quirks));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(Domain.Catalog.LkeCatalog.Lke90.Questions.Select(q => q.Code).Order(StringComparer.Ordinal), Stored().Select(s => s.Question).Order(StringComparer.Ordinal));
        Assert.Equal(100m, Assert.Single(_store.Scores(2024)).Card.Total);
        // The copy's own numbering: "ii." twice in Tatalaksana, none on SDM's second indicator, column A not a running count.
        Assert.Equal("ii.", rows[RowOf(rows, "Keterbukaan Informasi Publik", 6)].Text(5));
        Assert.Equal("", rows[RowOf(rows, "Pola Mutasi Internal", 6)].Text(5));
        Assert.Contains(rows.Values, r => r.Index > 3 && rows.TryGetValue(r.Index - 1, out var above) && r[1]?.Number == above[1]?.Number);
    }

    [Fact]
    public void Ingest_KindCellsWithStraySpacesAndLineBreaks_AreReadAsTheirKinds()
    {
        var bytes = Workbooks.LkeZi(quirks: new WorkbookQuirks { StrayKindSpaces = true });
        var kinds = Rows(bytes).Values.Select(r => r[10]?.Value ?? "").ToList();

        var outcome = Ingest(bytes);

        Assert.Contains(kinds, k => k.EndsWith('\n'));
        Assert.Contains(kinds, k => k.Contains(" / ", StringComparison.Ordinal));
        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Empty(outcome.Findings);
        Assert.Equal(100m, Assert.Single(_store.Scores(2024)).Card.Total);
    }

    [Fact]
    public void Ingest_SubtotalTypedOverItsFormula_UsesTheRowsItAddsUpAndRecordsBoth()
    {
        // LHKASN: 1 + 2 + 3 must report, 5 did; 25 is typed over the SUM, so the workbook's own % reads 5 / 25.
        var layer = Workbooks.Layer(counts: new Dictionary<string, IReadOnlyList<int?>> { ["PW-R3B-a"] = [1, 2, 3, 5] });
        var quirks = new WorkbookQuirks { TypedSubtotals = new Dictionary<string, int> { ["PW-R3B-a"] = 25 } };

        var outcome = Ingest(Workbooks.LkeZi(layer, quirks));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        var subtotal = Assert.Single(outcome.Findings, f => f.Item == "PW-R3B-a" && f.Cached == 25m);
        Assert.Equal((6m, Finding.Value), (subtotal.Recomputed, subtotal.Level));
        Assert.Contains("(a value typed over the formula); the rows are used", subtotal.Message, StringComparison.Ordinal);
        Assert.Contains(outcome.Findings, f => f.Item == "PW-R3B-a" && f.Cached == 0.2m && f.Recomputed == Domain.Lke.AnswerParser.RoundRatio(5m / 6m));
        Assert.Equal(7.5m - 1m + Domain.Lke.AnswerParser.RoundRatio(5m / 6m), Assert.Single(_store.Scores(2024)).Card.Area("PW")!.Reform);
    }

    [Fact]
    public void Ingest_SubtotalTypedWithoutItsRows_StandsForTheirSum()
    {
        var layer = Workbooks.Layer(counts: new Dictionary<string, IReadOnlyList<int?>> { ["PW-R3A-a"] = [null, null, null, 4] });
        var quirks = new WorkbookQuirks { TypedSubtotals = new Dictionary<string, int> { ["PW-R3A-a"] = 5 } };

        var outcome = Ingest(Workbooks.LkeZi(layer, quirks));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        var typed = Assert.Single(outcome.Findings, f => f.Level == Finding.TypedOverFormula);
        Assert.Equal("PW-R3A-a: 'Jumlah yang harus melaporkan' is typed as 5 and the rows it adds up are empty; it is used as their sum", typed.Message);
        Assert.Equal(7.5m - 1m + 0.8m, Assert.Single(_store.Scores(2024)).Card.Area("PW")!.Reform);
    }

    [Fact]
    public void Ingest_GroupFormulaAddingOneSubIndicator_IsAFindingAtTheGroupAndEveryRowAbove()
    {
        var outcome = Ingest(Workbooks.LkeZi(quirks: new WorkbookQuirks { BrokenGroupFormulas = ["PW-R3"] }));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(["PW-R3", "PW:reform", "pengungkit", "pengungkit", "reform", "total"], outcome.Findings.Select(f => f.Item).Order(StringComparer.Ordinal));
        Assert.StartsWith("group PW-R3: the workbook shows 1, its answers give 2", outcome.Findings.Single(f => f.Item == "PW-R3").Message, StringComparison.Ordinal);
        Assert.All(outcome.Findings, f => Assert.Equal(1m, f.Recomputed - f.Cached));
        Assert.Equal(100m, Assert.Single(_store.Scores(2024)).Card.Total);
    }

    [Fact]
    public void Ingest_GroupValueTypedOverItsFormula_IsRecordedAsTyped()
    {
        var outcome = Ingest(Workbooks.LkeZi(quirks: new WorkbookQuirks { TypedValues = new Dictionary<string, decimal> { ["PW-R3"] = 1.5m } }));

        var group = Assert.Single(outcome.Findings, f => f.Item == "PW-R3");
        Assert.Equal("group PW-R3: the workbook shows 1.5, its answers give 2 (a value typed over the formula)", group.Message);
    }

    [Fact]
    public void Ingest_JumlahRowsInAnotherOrder_AreMatchedByTheirTexts()
    {
        // PW-R2-a: 10 to follow up, 1 in process, 6 resolved; the copy lists "selesai" first and "harus" last.
        var layer = Workbooks.Layer(counts: new Dictionary<string, IReadOnlyList<int?>> { ["PW-R2-a"] = [10, 1, 6] });
        var bytes = Workbooks.LkeZi(layer);
        var rows = Rows(bytes);
        var first = RowOf(rows, "- Jumlah pengaduan masyarakat yang harus ditindaklanjuti");
        var swapped = XlsxPatch.SetCells(bytes, "LKE ZI", new Dictionary<string, string>
        {
            [$"G{first}"] = "- Jumlah pengaduan masyarakat yang selesai ditindaklanjuti", [$"K{first}"] = "6",
            [$"G{first + 2}"] = "- Jumlah pengaduan masyarakat yang harus ditindaklanjuti", [$"K{first + 2}"] = "10",
        });

        var outcome = Ingest(swapped);

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(7.5m - 3m + 0.6m * 3m, Assert.Single(_store.Scores(2024)).Card.Area("PW")!.Reform);
    }

    [Fact]
    public void Ingest_PercentQuestionsInAnotherOrder_KeepTheirCodes()
    {
        // MP-R1-a: 17 changes by 20 agents; MP-R1-b: 4 of 10 changes integrated. The copy lists b before a.
        var layer = Workbooks.Layer(counts: new Dictionary<string, IReadOnlyList<int?>> { ["MP-R1-a"] = [20, 17], ["MP-R1-b"] = [10, 4] });
        var bytes = Workbooks.LkeZi(layer);
        var rows = Rows(bytes);
        var a = rows.Values.First(r => r.Text(7).StartsWith("Agen perubahan telah membuat", StringComparison.Ordinal)).Index;
        var b = a + 3;
        var cells = new Dictionary<string, string>();
        foreach (var offset in new[] { 0, 1, 2 })
        {
            foreach (var column in new[] { "G", "K" })
            {
                var (x, y) = (rows[a + offset][Cell.ColumnIndex(column)], rows[b + offset][Cell.ColumnIndex(column)]);
                if (offset > 0 || column == "G")
                {
                    cells[$"{column}{a + offset}"] = y!.Value.Value;
                    cells[$"{column}{b + offset}"] = x!.Value.Value;
                }
            }
        }

        var outcome = Ingest(XlsxPatch.SetCells(bytes, "LKE ZI", cells));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        using var connection = _store.Database.OpenRead();
        var submission = new Lineage(Domain.Rules.RuleCatalog.Default).History(connection, "U-01", 2024).Single(v => v.Current);
        var stored = Lineage.Answers(connection, submission.SubmissionId).Where(x => x.Indicator == "MP-R1").ToDictionary(x => x.Question);
        Assert.Equal((0.85m, $"K{b}"), (stored["MP-R1-a"].Value, stored["MP-R1-a"].Cell));
        Assert.Equal((0.4m, $"K{a}"), (stored["MP-R1-b"].Value, stored["MP-R1-b"].Cell));
    }

    [Fact]
    public void Ingest_CountRowsWithPortalRbTextsAndNoSubtotal_AreMatchedByTheirTexts()
    {
        // An export in PortalRB's words, the subtotal row left empty: "Jumlah Lainnya yang sudah melaporkan" is the numerator.
        var layer = Workbooks.Layer(counts: new Dictionary<string, IReadOnlyList<int?>> { ["PW-R3A-a"] = [1, 3, 4, 6] });
        var bytes = Workbooks.LkeZi(layer);
        var subtotal = RowOf(Rows(bytes), "Jumlah yang harus melaporkan");
        var patched = XlsxPatch.SetCells(bytes, "LKE ZI", new Dictionary<string, string>
        {
            [$"F{subtotal}"] = "", [$"G{subtotal}"] = "", [$"J{subtotal}"] = "", [$"K{subtotal}"] = "",
            [$"G{subtotal + 1}"] = "- Jumlah Kepala satuan kerja yang harus melaporkan", [$"G{subtotal + 4}"] = "Jumlah Lainnya yang sudah melaporkan",
        });

        var outcome = Ingest(patched);

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(7.5m - 1m + 0.75m, Assert.Single(_store.Scores(2024)).Card.Area("PW")!.Reform);
    }

    [Fact]
    public void Ingest_LhkSubIndicatorsWithoutTheirGroupRow_KeepTheirCodes()
    {
        var bytes = Workbooks.LkeZi();
        var group = RowOf(Rows(bytes), "Penyampaian Laporan Harta Kekayaan", 6);

        var outcome = Ingest(XlsxPatch.SetCells(bytes, "LKE ZI", new Dictionary<string, string> { [$"E{group}"] = "", [$"F{group}"] = "", [$"H{group}"] = "", [$"J{group}"] = "" }));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal([("PW-R3A-a", "PW-R3A"), ("PW-R3B-a", "PW-R3B")], Stored().Where(s => s.Indicator.StartsWith("PW-R3", StringComparison.Ordinal)));
        Assert.Equal(100m, Assert.Single(_store.Scores(2024)).Card.Total);
    }

    [Fact]
    public void Ingest_ComponentPartAreaAndHasilRowsWithoutWeights_TakeTheRulesWeights()
    {
        var bytes = Workbooks.LkeZi();
        var rows = Rows(bytes);
        var named = rows.Values.Where(r => r.Text(3) is "PENGUNGKIT" or "HASIL" || r.Text(4) is "PEMENUHAN" or "REFORM" or "BIROKRASI YANG BERSIH DAN AKUNTABEL" or "PELAYANAN PUBLIK YANG PRIMA"
                                           || (r.Text(4).EndsWith('.') && r.Text(5).Length > 0 && r.Text(5) == r.Text(5).ToUpperInvariant())).ToList();

        var outcome = Ingest(XlsxPatch.SetCells(bytes, "LKE ZI", named.ToDictionary(r => $"H{r.Index}", _ => "")));

        Assert.Equal(2 + 2 + 12 + 2, named.Count);
        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Empty(outcome.Findings);
        Assert.Equal(100m, Assert.Single(_store.Scores(2024)).Card.Total);
    }

    [Fact]
    public void Ingest_SubIndicatorWeightThatFitsNowhere_NamesSheetRowAndColumn()
    {
        var bytes = Workbooks.LkeZi();
        var lhkasn = RowOf(Rows(bytes), "Penyampaian Laporan Harta Kekayaan Aparatur Sipil Negara (LHKASN)", 6);
        var group = RowOf(Rows(bytes), "Penyampaian Laporan Harta Kekayaan", 6);

        var outcome = Ingest(XlsxPatch.SetCells(bytes, "LKE ZI", new Dictionary<string, string> { [$"H{lhkasn}"] = "1.5" }));

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("LKE ZI", lhkasn, "H", "1.5"), (error.Sheet, error.Line, error.Column, error.Value));
        Assert.Equal($"its weight 1.5 fits under no row above it (row {group} has 1 left of 2); check the weights in column H", error.Message);
        Assert.Equal((0L, 0L, 0L, 0L), _store.Counts());
    }

    [Fact]
    public void Ingest_SubIndicatorsNotFillingTheirGroup_NamesTheGroupRow()
    {
        var bytes = Workbooks.LkeZi();
        var rows = Rows(bytes);
        var lhkasn = RowOf(rows, "Penyampaian Laporan Harta Kekayaan Aparatur Sipil Negara (LHKASN)", 6);
        var group = RowOf(rows, "Penyampaian Laporan Harta Kekayaan", 6);

        var outcome = Ingest(XlsxPatch.SetCells(bytes, "LKE ZI", new Dictionary<string, string> { [$"H{lhkasn}"] = "0.5" }));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((group, "H"), (error.Line, error.Column));
        Assert.Equal($"its sub-indicators (rows {group + 1}, {lhkasn}) weigh 1.5 in all, not its 2", error.Message);
    }

    [Fact]
    public void Ingest_IndicatorRowWithoutWeight_NamesItsWeightCell()
    {
        var bytes = Workbooks.LkeZi();
        var row = RowOf(Rows(bytes), "Mekanisme Pengendalian", 6);

        var outcome = Ingest(XlsxPatch.SetCells(bytes, "LKE ZI", new Dictionary<string, string> { [$"H{row}"] = "" }));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((row, "H"), (error.Line, error.Column));
        Assert.Equal("a row labelled like an indicator, with questions under it, but no weight in column H", error.Message);
    }

    [Fact]
    public void Ingest_PercentItemWhoseJumlahRowsMatchNothing_SaysTheFormulaIsUnknown()
    {
        var bytes = Workbooks.LkeZi(quirks: new WorkbookQuirks { NoteRowAfter = "PP-R2-a" });
        var rows = Rows(bytes);
        var question = rows.Values.First(r => r.Text(7).StartsWith("Penanganan pengaduan pelayanan dilakukan", StringComparison.Ordinal)).Index;

        var outcome = Ingest(XlsxPatch.SetCells(bytes, "LKE ZI", new Dictionary<string, string>
        {
            [$"J{question}"] = "%", [$"J{question + 1}"] = "Jumlah", [$"G{question + 1}"] = "- Jumlah kanal pengaduan", [$"K{question + 1}"] = "3",
        }));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((question + 1, "G"), (error.Line, error.Column));
        Assert.Equal("percentage item PP-R2-a: its 'Jumlah' rows (- Jumlah kanal pengaduan) match no percentage item of the catalogue, so its formula is unknown", error.Message);
    }

    [Fact]
    public void Ingest_ExtraJumlahRow_SaysHowManyTheItemExpects()
    {
        var bytes = Workbooks.LkeZi(quirks: new WorkbookQuirks { NoteRowAfter = "PP-R1-b" });
        var note = RowOf(Rows(bytes), "Catatan: bukti dukung menyusul setelah rapat pimpinan");

        var outcome = Ingest(XlsxPatch.SetCells(bytes, "LKE ZI", new Dictionary<string, string> { [$"J{note}"] = "Jumlah", [$"K{note}"] = "2" }));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((note - 2, "G"), (error.Line, error.Column));
        Assert.Equal("percentage item PP-R1-b: expects 2 'Jumlah' rows, found 3", error.Message);
    }

    [Fact]
    public void Ingest_QuestionWhoseIndicatorRowIsGone_NamesTheQuestionRow()
    {
        var bytes = Workbooks.LkeZi();
        var rows = Rows(bytes);
        var indicator = RowOf(rows, "Penyusunan Tim Kerja", 6);

        var outcome = Ingest(XlsxPatch.SetCells(bytes, "LKE ZI", new Dictionary<string, string> { [$"E{indicator}"] = "", [$"F{indicator}"] = "", [$"H{indicator}"] = "" }));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((indicator + 1, "G"), (error.Line, error.Column));
        Assert.Equal("a question row directly under area MP pemenuhan: the indicator it belongs to has no row with a weight in column H", error.Message);
    }
}
