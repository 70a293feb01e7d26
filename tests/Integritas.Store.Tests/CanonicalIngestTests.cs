using Integritas.Store.Ingest;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

public sealed class CanonicalIngestTests : IDisposable
{
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Ingest_SemicolonDecimalCommaAndBom_ReadsLikeTheCommaFile()
    {
        var file = new LkeFile(answers: new Dictionary<string, string> { ["MP-R1-a"] = "85,5%", ["IPAK"] = "3,65", ["MP-P1-b"] = "B" });
        foreach (var row in file.Rows)
        {
            row[7] = row[7].Replace('.', ',');
        }

        var outcome = _store.Ingest("semicolon.csv", file.Text(';'), bom: true);

        Assert.Equal(FileStatus.Accepted, outcome.Status);
        var card = Assert.Single(_store.Scores(2024)).Card;
        Assert.Equal(3.65m / 4m * 17.5m, card.Part("IPAK"));
        // MP-R1: (0.855 + 1) / 2 × 2 = 1.855, plus MP-R2 and MP-R3 at 1 each.
        Assert.Equal(3.855m, card.Area("MP")!.Reform);
        // MP-P1: (Ya 1 + B 0.5) / 2 × 0.5 = 0.375, plus 3.5 for the other indicators.
        Assert.Equal(3.875m, card.Area("MP")!.Pemenuhan);
    }

    [Fact]
    public void Ingest_QuotedNameWithCommaAndLineBreak_IsOneField()
    {
        var file = new LkeFile();
        foreach (var row in file.Rows)
        {
            row[2] = "Balai \"Besar\", Wilayah\nTimur";
        }

        var outcome = _store.Ingest("quoted.csv", file.Text());

        Assert.Equal(FileStatus.Accepted, outcome.Status);
        Assert.Equal("Balai \"Besar\", Wilayah\nTimur", Assert.Single(_store.Scores(2024)).Unit.UnitName);
    }

    [Fact]
    public void Ingest_SameContentTwice_ChangesNothing()
    {
        _store.Ingest("a.csv", Some.Lke());
        var before = _store.Counts();

        var again = _store.Ingest("a-copy.csv", Some.Lke());

        Assert.Equal(FileStatus.Unchanged, again.Status);
        Assert.Equal(before, _store.Counts());
    }

    [Fact]
    public void Ingest_ChangedExport_AddsACurrentVersionAndKeepsTheOld()
    {
        _store.Ingest("v1.csv", Some.Lke(answers: new Dictionary<string, string> { ["IPAK"] = "3" }));

        var outcome = _store.Ingest("v2.csv", Some.Lke(answers: new Dictionary<string, string> { ["IPAK"] = "3.8" }));

        Assert.Equal(["U-01 2024 v2"], outcome.Landed);
        var score = Assert.Single(_store.Scores(2024));
        Assert.Equal(2, score.Version);
        Assert.Equal(3.8m / 4m * 17.5m, score.Card.Part("IPAK"));
        Assert.Equal((2L, 2L, 226L, 0L), _store.Counts());
    }

    [Fact]
    public void Ingest_BlankAnswers_AreStoredAndCounted()
    {
        _store.Ingest("blank.csv", Some.Lke(answers: new Dictionary<string, string> { ["AK-P2-c"] = "", ["PP-P1-a"] = " " }));

        var card = Assert.Single(_store.Scores(2024)).Card;
        Assert.Equal(2, card.BlankQuestions);
        Assert.Equal(113, card.Questions);
        Assert.Equal(5m, card.Area("AK")!.Pemenuhan);
    }

    [Fact]
    public void Ingest_HandWorkedLke_ScoresAsTheWorkbookDoes()
    {
        _store.Ingest("hand.csv", Some.Lke(answers: new Dictionary<string, string>
        {
            ["MP-P1-a"] = "Tidak", ["MP-P1-b"] = "B", ["TT-P1-a"] = "B", ["TT-P1-b"] = "C", ["TT-P1-c"] = "D",
            ["MP-R1-a"] = "85%", ["MP-R1-b"] = "0,5", ["SDM-P3-c"] = "", ["IPAK"] = "3,6", ["CAPAIAN"] = "C", ["IPKP"] = "3.2",
        }));

        var score = Assert.Single(_store.Scores(2024));

        Assert.Equal(6.975m, score.Card.Area("MP")!.Total);
        Assert.Equal(90.70m, Domain.Scoring.Score.Round2(score.Card.Total!.Value));
        Assert.Equal("BELUM", score.Readiness.Verdict);
    }

    [Fact]
    public void Ingest_Predicates_FeedWbbmReadiness()
    {
        _store.Ingest("lke.csv", Some.Lke());
        Assert.Equal("WBK", Assert.Single(_store.Scores(2024)).Readiness.ScoreVerdict);

        var outcome = _store.Ingest("predikat.csv", "kode_unit,tahun,predikat\nU-01,2022,WBK\n");

        Assert.Equal(FileStatus.Accepted, outcome.Status);
        Assert.Equal("WBBM", Assert.Single(_store.Scores(2024)).Readiness.ScoreVerdict);
        Assert.Equal(FileStatus.Unchanged, _store.Ingest("predikat-again.csv", "kode_unit,tahun,predikat\nU-01,2022,WBK\n").Status);
    }

    [Theory]
    [InlineData("kode_unit,tahun,predikat\nU-01,2022,WBKK\n", 2, "predikat", "unknown predicate")]
    [InlineData("kode_unit,tahun,predikat\nU-01,dua ribu,WBK\n", 2, "tahun", "whole number")]
    [InlineData("kode_unit,tahun,predikat\nU-01,2022,WBK\nU-01,2022,WBBM\n", 3, "kode_unit", "already has a predicate on line 2")]
    public void Ingest_BadPredicateRow_IsRefused(string content, int line, string column, string reason)
    {
        var outcome = _store.Ingest("predikat.csv", content);

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Line == line && e.Column == column && e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Equal((0L, 0L, 0L, 0L), _store.Counts());
    }

    [Fact]
    public void Expand_Folder_TakesDataFilesAndSkipsTheRest()
    {
        var folder = _store.Folder;
        folder.Write("in/a.csv", "x");
        folder.Write("in/sub/b.txt", "x");
        folder.Write("in/notes.md", "x");
        folder.Write("in/.hidden.csv", "x");
        folder.Write("in/obj/c.csv", "x");
        folder.Write("in/failed/d.csv.error.txt", "x");

        var (files, skipped) = IngestService.Expand([folder.File("in")]);

        Assert.Equal(["a.csv", "b.txt"], files.Select(Path.GetFileName));
        Assert.Equal(["d.csv.error.txt", "notes.md"], skipped.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
