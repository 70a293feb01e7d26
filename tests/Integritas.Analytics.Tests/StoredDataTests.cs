using Integritas.Domain.Rules;
using Integritas.Store;
using Integritas.Store.Ingest;
using Integritas.TestSupport;

namespace Integritas.Analytics.Tests;

/// <summary>Analytics over a real database: question gains from the stored answers, targets against awards.</summary>
public sealed class StoredDataTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ZiDatabase _db;

    public StoredDataTests() => _db = new ZiDatabase(_dir.File("zi.duckdb"), TimeProvider.System);

    public void Dispose() => _dir.Dispose();

    private void Ingest(string name, string content)
    {
        var outcome = new IngestService(RuleCatalog.Default, TimeProvider.System).Ingest(_db, [_dir.Write(name, content)]).Single();
        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("; ", outcome.Errors));
    }

    [Fact]
    public void QuestionGains_OneStepUp_IsTheValueGainedOverTheIndicatorsAnsweredQuestions()
    {
        // MP-P1 (weight 0.5) has two questions; MP-P1-b answered B (0.5) instead of A gains 0.5 ÷ 2 × 0.5.
        Ingest("lke.csv", Some.Lke(answers: new Dictionary<string, string> { ["MP-P1-b"] = "B", ["TT-P1-a"] = "" }));
        using var connection = _db.OpenRead();

        var gains = QuestionGains.For(connection, RuleCatalog.Default.ForYear(2024)!, 2024)["U-01"].ToList();

        var mp = gains.Single(g => g.Question == "MP-P1-b");
        Assert.Equal(("B", "A", 0.125m), (mp.Answer, mp.NextAnswer, mp.Gain!.Value));
        Assert.Contains(gains, g => g.Question == "TT-P1-a" && g.Blank);
        Assert.DoesNotContain(gains, g => g.Kind == "INDEKS");
    }

    [Fact]
    public void Targets_AMinistrySetThreeAndGotSeven_ShowsBoth()
    {
        var units = Enumerable.Range(1, 8).Select(i => $"U-{i:D2}").ToList();
        Ingest("lke.csv", Some.Csv(units.SelectMany(u => Some.LkeRows(u, 2024))));
        Ingest("predikat.csv", "kode_unit,tahun,predikat\n" + string.Concat(units.Take(7).Select(u => $"{u},2024,WBK\n")));
        Ingest("target.csv", $"tahun,instansi,target_wbk,target_wbbm\n2024,{Some.Instansi},3,\n2025,{Some.Instansi},4,1\n");
        using var connection = _db.OpenRead();
        var history = ScoreHistory.Load(connection, RuleCatalog.Default);

        var rows = TargetAnalysis.For(connection, history);

        var y2024 = rows.Single(r => r.Year == 2024);
        Assert.Equal((8, 3, (int?)null, 7, 8, true), (y2024.Units, y2024.TargetWbk!.Value, y2024.TargetWbbm, y2024.AwardedWbk, y2024.ScoreReadyWbk, y2024.AwardsKnown));
        var y2025 = rows.Single(r => r.Year == 2025);
        Assert.Equal((0, 4, false), (y2025.Units, y2025.TargetWbk!.Value, y2025.AwardsKnown));
    }

    [Fact]
    public void Readiness_OnEverySampleUnitYear_VerdictsAgreeWithTheCriteriaBuiltOnDemand()
    {
        // Verdicts are decided without building the criteria (national scale); the criteria a reader sees are
        // built later. Over the shipped samples (2019–2025: recaps, 90/2021, 5/2024 prerequisites, facts, held
        // predicates) the two must agree: the highest level whose every binding criterion passes.
        var outcomes = new IngestService(RuleCatalog.Default, TimeProvider.System)
            .Ingest(_db, IngestService.Expand([Repository.PathOf("data-samples")]).Files).ToList();
        Assert.True(outcomes.Count > 20);
        Assert.All(outcomes, o => Assert.NotEqual(FileStatus.Rejected, o.Status));
        using var connection = _db.OpenRead();

        var history = ScoreHistory.Load(connection, RuleCatalog.Default);

        Assert.InRange(history.All.Count, 200, int.MaxValue);
        foreach (var score in history.All)
        {
            var levels = score.Card.Rule.Predicates.Select(p => p.Code).ToList();
            string Highest(Func<Domain.Readiness.CriterionResult, bool> counts) =>
                levels.LastOrDefault(l => score.Readiness.Criteria.Where(c => c.Predicate == l && counts(c)).All(c => !c.Blocks)) ?? "BELUM";
            Assert.Equal(Highest(_ => true), score.Readiness.Verdict);
            Assert.Equal(Highest(c => c.Kind != Domain.Readiness.CriterionKind.Prerequisite), score.Readiness.ScoreVerdict);
        }
        Assert.Contains(history.All, s => s.Readiness.Verdict != s.Readiness.ScoreVerdict);
        Assert.Contains(history.All, s => s.Readiness.Verdict == "WBBM");
    }

    [Fact]
    public void ScoreCards_StoredAtIngest_GiveTheScoresTheAnswersGive()
    {
        // Ingest stores each item-level submission's card; loading uses it while its rule is unchanged. The cards
        // must give exactly what scoring the answers again gives: without them, and with a changed rule.
        var outcomes = new IngestService(RuleCatalog.Default, TimeProvider.System)
            .Ingest(_db, IngestService.Expand([Repository.PathOf("data-samples")]).Files).ToList();
        Assert.All(outcomes, o => Assert.NotEqual(FileStatus.Rejected, o.Status));
        var queries = new Store.Queries.ScoreQueries(RuleCatalog.Default);
        string Scores()
        {
            using var connection = _db.OpenRead();
            return string.Join("\n", queries.Load(connection, new Store.Queries.ScoreFilter()).Select(s =>
                $"{s.Unit.UnitId} {s.Year} {s.Card.Questions}/{s.Card.BlankQuestions} {s.Card.Total} {s.Card.Pengungkit} {s.Card.Hasil} " +
                string.Join(" ", s.Card.Areas.Select(a => $"{a.Code}:{a.Pemenuhan}/{a.Reform}/{a.Total}")) + " " +
                string.Join(" ", s.Card.HasilParts.Select(p => $"{p.Code}:{p.Value}")) + $" {s.Readiness.Verdict} {s.Readiness.NextLevelPoints?.Total}"));
        }
        int Cards(string sql)
        {
            using var connection = _db.OpenWrite();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteNonQuery();
        }

        var fromCards = Scores();
        var stale = Cards("UPDATE score_card SET rule_fingerprint = 'changed'");
        var afterRuleChange = Scores();
        Cards("DELETE FROM score_card");
        var fromAnswers = Scores();

        Assert.InRange(stale, 100, int.MaxValue);
        Assert.Equal(fromAnswers, fromCards);
        Assert.Equal(fromAnswers, afterRuleChange);
    }

    [Theory]
    [InlineData("tahun,instansi,target_wbk,target_wbbm\n2024,X,tiga,\n", 2, "target_wbk", "whole number")]
    [InlineData("tahun,instansi,target_wbk,target_wbbm\n2024,X,3,\n2024,x,4,\n", 3, "instansi", "already has a target on line 2")]
    [InlineData("tahun,instansi,target_wbk,target_wbbm,catatan2\n2024,X,3,,\n", 1, "catatan2", "is not a target column")]
    public void Targets_BadRow_IsRefusedNamingLineColumnAndValue(string content, int line, string column, string message)
    {
        var outcome = new IngestService(RuleCatalog.Default, TimeProvider.System).Ingest(_db, [_dir.Write("target.csv", content)]).Single();

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Line == line && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
