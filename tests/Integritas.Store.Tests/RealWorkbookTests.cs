using Integritas.Domain.Lke;
using Integritas.Ingest;
using Integritas.Spreadsheets;
using Integritas.Store.Ingest;
using Integritas.Store.Queries;

namespace Integritas.Store.Tests;

/// <summary>
/// The real filled 90/2021 workbook that <c>zi ingest</c> refused (issue 9), as <see cref="PuskesmasReplica"/>
/// rebuilds it: its tree read by weights, scored as its own formulas would, its broken LHK formula reported.
/// </summary>
public sealed class RealWorkbookTests : IDisposable
{
    private static readonly Replica Replica = PuskesmasReplica.Build();

    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Replica_PengawasanReform_IsLaidOutAsTheRealFileAndTheRegulation()
    {
        using var book = XlsxWorkbook.Open(_store.Folder.Write(PuskesmasReplica.FileName, Replica.Bytes));
        var rows = book.ReadRows(book.FindSheet("LKE ZI")!).Where(r => r.Index is >= 167 and <= 189).ToDictionary(r => r.Index);

        Assert.Equal(167, Replica.Rows["PW:reform"]);
        Assert.Equal(("5.", "PENGUATAN PENGAWASAN", 7.5m), (rows[167].Text(4), rows[167].Text(5), rows[167][8]!.Value.Number));
        Assert.Equal(("i.", "Mekanisme Pengendalian", 2.5m), (rows[168].Text(5), rows[168].Text(6), rows[168][8]!.Value.Number));
        Assert.Equal("A/B/C/D/E", rows[169].Text(10));
        Assert.Equal(("ii.", 3m, "%"), (rows[170].Text(5), rows[170][8]!.Value.Number, rows[170].Text(10)));
        Assert.Equal("%", rows[171].Text(10));
        Assert.All(new[] { 172, 173, 174, 178, 179, 180, 181, 182, 185, 186, 187, 188, 189 }, r => Assert.Equal("Jumlah", rows[r].Text(10)));
        Assert.Equal(("iii.", "Penyampaian Laporan Harta Kekayaan", 2m), (rows[175].Text(5), rows[175].Text(6), rows[175][8]!.Value.Number));
        Assert.DoesNotContain(Enumerable.Range(176, 14), r => rows[r].Text(7).Length > 0 && rows[r][8] is not null);
        Assert.Equal(("i.", 1m), (rows[176].Text(5), rows[176][8]!.Value.Number));
        Assert.Equal(("", "Penyampaian Laporan Harta Kekayaan Aparatur Sipil Negara (LHKASN)", 1m), (rows[183].Text(5), rows[183].Text(6), rows[183][8]!.Value.Number));
        Assert.Equal(("%", "%"), (rows[177].Text(10), rows[184].Text(10)));
        Assert.Equal(("SUM(K179:K181)", "SUM(K186:K188)"), (rows[178][11]!.Value.Formula, rows[185][11]!.Value.Formula));
        Assert.Equal("L176", rows[175][12]!.Value.Formula);
        // Column A: a number repeated (row 169 keeps 168's) and one skipped (row 171).
        Assert.Equal(rows[168][1]!.Value.Number, rows[169][1]!.Value.Number);
        Assert.Equal(rows[170][1]!.Value.Number + 2, rows[171][1]!.Value.Number);
    }

    [Fact]
    public void Ingest_RealPuskesmasWorkbook_IsAcceptedAndScoredAsItsFormulas()
    {
        var outcome = _store.IngestBytes(PuskesmasReplica.FileName, Replica.Bytes);

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(["PKM01 2022 v1 (1 blank)"], outcome.Landed);
        var card = Assert.Single(_store.Scores(2022)).Card;
        // Decimal sums taken in another order differ past the 20th digit; the workbook itself computes in doubles.
        Assert.Equal(Math.Round(Replica.Total, 10), Math.Round(card.Total!.Value, 10));
        // Mekanisme Pengendalian A (1 × 2,5) + pengaduan 5 of 6 (× 3) + LHKPN 4 of 4 (× 1) + LHKASN 8 of 11 (× 1).
        var pwReform = 2.5m + 5m / 6m * 3m + 1m + 8m / 11m;
        Assert.Equal(Math.Round(pwReform, 10), Math.Round(card.Area("PW")!.Reform!.Value, 10));
        Assert.Equal(Math.Round(pwReform, 10), Math.Round(Replica.PwReform, 10));
        Assert.Equal((113, 1), (card.Questions, card.BlankQuestions));
    }

    [Fact]
    public void Ingest_RealPuskesmasWorkbook_StoresTheRegulationsIndicatorsUnderPengawasanReform()
    {
        _store.IngestBytes(PuskesmasReplica.FileName, Replica.Bytes);

        using var connection = _store.Database.OpenRead();
        var submission = Assert.Single(new Lineage(Domain.Rules.RuleCatalog.Default).History(connection, "PKM01", 2022));
        var pw = Lineage.Answers(connection, submission.SubmissionId).Where(a => a.Indicator.StartsWith("PW-R", StringComparison.Ordinal)).ToList();

        // Not PW-R4 (issue 9: the old reader took the repeated "i." for a new indicator and lost LHKASN's weight).
        Assert.Equal(["PW-R1-a", "PW-R2-a", "PW-R3A-a", "PW-R3B-a"], pw.Select(a => a.Question));
        Assert.Equal(["PW-R1", "PW-R2", "PW-R3A", "PW-R3B"], pw.Select(a => a.Indicator));
        Assert.Equal(["169", "171", "177", "184"], pw.Select(a => a.Cell![1..]));
        Assert.Equal(["1", "0.8333", "1", "0.7273"], pw.Select(a => Math.Round(a.Value!.Value, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Findings_OfTheRealWorkbook_ShowTheBrokenLhkFormulaAtTheGroupAndEveryRowAboveIt()
    {
        var outcome = _store.IngestBytes(PuskesmasReplica.FileName, Replica.Bytes);

        using var connection = _store.Database.OpenRead();
        var findings = Lineage.Findings(connection, 2022, "PKM01");
        var lhkasn = 8m / 11m;
        (string Cell, string Item) At(string row, string item) => ($"L{Replica.Rows[row]}", item);
        var expected = new[]
        {
            At("PW-R3", "PW-R3"), At("PW:reform", "PW:reform"), At("reform", "reform"), At("pengungkit", "pengungkit"),
            At("total pengungkit", "pengungkit"), At("total", "total"),
        };
        Assert.Equal(expected.Order(), findings.Where(f => f.Level == Finding.Value).Select(f => (f.Cell!, f.Item!)).Order());
        // Each row above the group is short by LHKASN's value, 8 of 11 × 1 (stored to 10 decimals).
        Assert.All(findings.Where(f => f.Level == Finding.Value), f => Assert.InRange(f.Recomputed!.Value - f.Cached!.Value - lhkasn, -1e-9m, 1e-9m));
        var group = findings.Single(f => f.Item == "PW-R3");
        Assert.Equal((PuskesmasReplica.FileName, "LKE ZI", 1m, Reviewer.Unit), (group.File, group.Sheet, group.Cached, group.Layer));
        Assert.Equal("group PW-R3: the workbook shows 1, its answers give 1.7273", group.Message);
        Assert.Equal(Math.Round(Replica.CachedTotal, 10), findings.Single(f => f.Item == "total").Cached);
        Assert.Equal(outcome.Findings.Count, findings.Count);
        Assert.DoesNotContain(findings, f => f.Level == Finding.AnswerKind);
    }

    [Theory]
    [InlineData("percentage item PW-R4-a is not in the catalogue")]
    [InlineData("percentage item PW-R4-b is not in the catalogue")]
    [InlineData("the weights of area PW reform indicators")]
    public void Ingest_RealPuskesmasWorkbook_NoLongerGivesTheErrorsOfIssue9(string message)
    {
        var outcome = _store.IngestBytes(PuskesmasReplica.FileName, Replica.Bytes);

        Assert.DoesNotContain(outcome.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Empty(outcome.Errors);
    }
}
