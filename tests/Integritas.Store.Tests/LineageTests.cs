using Integritas.Domain.Lke;
using Integritas.Store.Queries;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

public sealed class LineageTests : IDisposable
{
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void History_Corrections_KeepEveryVersionQueryableWithItsScore()
    {
        _store.Ingest("v1.csv", Some.Lke(answers: new Dictionary<string, string> { ["IPAK"] = "3" }));
        _store.Ingest("v2.csv", Some.Lke(answers: new Dictionary<string, string> { ["IPAK"] = "3.8" }));
        _store.Ingest("v1-again.csv", Some.Lke(answers: new Dictionary<string, string> { ["IPAK"] = "3" }));

        using var connection = _store.Database.OpenRead();
        var history = new Lineage(Domain.Rules.RuleCatalog.Default).History(connection, "U-01");

        Assert.Equal([(1, false, "v1.csv"), (2, false, "v2.csv"), (3, true, "v1-again.csv")], history.Select(v => (v.Version, v.Current, v.File)));
        Assert.Equal([100m - 4.375m, 100m - 0.875m, 100m - 4.375m], history.Select(v => v.Total!.Value));
        Assert.All(history, v => Assert.Equal(64, v.Sha256.Length));
    }

    [Fact]
    public void Answers_FromAWorkbook_KeepFileSheetRowAndCell()
    {
        _store.IngestBytes("2024_U-01_lke.xlsx", Workbooks.LkeZi());

        using var connection = _store.Database.OpenRead();
        var version = Assert.Single(new Lineage(Domain.Rules.RuleCatalog.Default).History(connection, "U-01"));
        var answers = Lineage.Answers(connection, version.SubmissionId);

        var first = answers[0];
        // Row 2 holds the headers, then A. PENGUNGKIT, I. PEMENUHAN, 1. MANAJEMEN PERUBAHAN, i. Penyusunan Tim Kerja, then the question.
        Assert.Equal(("MP-P1-a", "2024_U-01_lke.xlsx", "LKE ZI", 7, "K7"), (first.Question, first.File, first.Sheet, first.Line, first.Cell));
        Assert.Equal(113, answers.Count);
        Assert.Contains(answers, a => a.Question == "MP-R1-a" && a.Cell!.StartsWith('K'));
    }

    [Fact]
    public void Answers_FromCsv_KeepTheirLine()
    {
        _store.Ingest("lke.csv", Some.Lke());

        using var connection = _store.Database.OpenRead();
        var version = Assert.Single(new Lineage(Domain.Rules.RuleCatalog.Default).History(connection, "U-01"));
        var answer = Lineage.Answers(connection, version.SubmissionId).Single(a => a.Question == "IPAK");

        Assert.Equal(("lke.csv", 112, (string?)null), (answer.File, answer.Line, answer.Sheet));
    }

    [Fact]
    public void Findings_OfASupersededVersion_AreNotListed()
    {
        var quirks = new SampleData.WorkbookQuirks { TypedValues = new Dictionary<string, decimal> { ["TT-P2"] = 1.5m } };
        _store.IngestBytes("2024_U-01_lke.xlsx", Workbooks.LkeZi(quirks: quirks));
        using (var connection = _store.Database.OpenRead())
        {
            Assert.NotEmpty(Lineage.Findings(connection, 2024));
        }

        _store.IngestBytes("2024_U-01_lke-fixed.xlsx", Workbooks.LkeZi(Workbooks.Layer(answers: new Dictionary<string, string> { ["AK-P1-a"] = "B" })));

        using var after = _store.Database.OpenRead();
        Assert.Empty(Lineage.Findings(after, 2024));
    }

    [Fact]
    public void Scores_DefaultToTheMostSeniorLayer_AndEachLayerOnRequest()
    {
        _store.IngestBytes("2024_U-01_tpi.xlsx", Workbooks.Tpi(
            Workbooks.Layer(Reviewer.Unit),
            Workbooks.Layer(Reviewer.TpiUnit, new Dictionary<string, string> { ["IPKP"] = "3" })));

        using var connection = _store.Database.OpenRead();
        var queries = new ScoreQueries(Domain.Rules.RuleCatalog.Default);
        Assert.Equal(Reviewer.TpiUnit, Assert.Single(queries.Load(connection, new ScoreFilter(2024))).Layer);
        Assert.Equal(100m, Assert.Single(queries.Load(connection, new ScoreFilter(2024, Layer: Reviewer.Unit))).Card.Total);
        Assert.Empty(queries.Load(connection, new ScoreFilter(2024, Layer: Reviewer.TpiItjen)));
    }
}
