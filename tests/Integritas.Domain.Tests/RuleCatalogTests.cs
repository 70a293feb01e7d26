using Integritas.Domain.Rules;

namespace Integritas.Domain.Tests;

public class RuleCatalogTests
{
    [Theory]
    [InlineData(2022)]
    [InlineData(2026)]
    public void ForYear_From2022_Is90Of2021(int year)
    {
        Assert.Equal("90/2021", RuleCatalog.Default.ForYear(year)?.Id);
    }

    [Fact]
    public void Default_90Of2021_HasTheRegulationsWeights()
    {
        var rule = RuleCatalog.Default.Find("90/2021")!;

        Assert.Equal([8m, 7m, 10m, 10m, 15m, 10m], rule.Areas.Select(a => a.Weight));
        Assert.Equal(30m, rule.Areas.Sum(a => a.Pemenuhan!.Value));
        Assert.Equal(40m, rule.HasilWeight);
        Assert.Equal(0.67m, rule.Answers.For(Domain.Lke.AnswerKind.ABCD)!["B"]);
        Assert.All(rule.Predicates.SelectMany(p => p.Criteria), c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
    }

    [Fact]
    public void Parse_AreaWeightsNotSummingToPengungkit_NamesTheFile()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rule-90-2021.json")).Replace("\"pemenuhan\": 7.5", "\"pemenuhan\": 7", StringComparison.Ordinal);

        var error = Assert.Throws<RuleFileException>(() => RuleCatalog.Parse("future.json", json));

        Assert.StartsWith("future.json: area weights sum to 59.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownMetric_IsRefusedWithTheChoices()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rule-90-2021.json")).Replace("\"metric\": \"pengungkit\"", "\"metric\": \"pengungkitt\"", StringComparison.Ordinal);

        var error = Assert.Throws<RuleFileException>(() => RuleCatalog.Parse("typo.json", json));

        Assert.Contains("unknown metric \"pengungkitt\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithFolder_ANewRuleFile_AddsARuleWithoutCode()
    {
        using var folder = new TestSupport.TempDirectory();
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rule-90-2021.json"))
            .Replace("\"id\": \"90/2021\"", "\"id\": \"99/2030\"", StringComparison.Ordinal)
            .Replace("\"from\": 2022", "\"from\": 2031", StringComparison.Ordinal);
        folder.Write("99-2030.json", json);

        var catalog = RuleCatalog.WithFolder(folder.Path);

        Assert.Equal("90/2021", catalog.ForYear(2030)?.Id);
        Assert.Equal("99/2030", catalog.ForYear(2031)?.Id);
    }

    private const string Amendment = """
        { "id": "7/2027", "amends": "90/2021", "years": { "from": 2027 },
          "prerequisites": [ { "id": "opini", "fact": "opini_bpk", "atLeast": { "WBK": "WTP" }, "source": "test" } ] }
        """;

    [Fact]
    public void WithFolder_AnAmendmentFile_ReplacesThePrerequisitesFromItsYear()
    {
        using var folder = new TestSupport.TempDirectory();
        folder.Write("7-2027.json", Amendment);

        var catalog = RuleCatalog.WithFolder(folder.Path);

        Assert.Equal(12, catalog.ForYear(2026)!.Prerequisites.Count);
        Assert.Equal("90/2021 jo. 5/2024 jo. 7/2027", catalog.ForYear(2027)!.Label);
        Assert.Equal(["opini"], catalog.ForYear(2027)!.Prerequisites.Select(p => p.Id));
    }

    [Theory]
    [InlineData("\"fact\": \"opini_bpk\"", "\"fact\": \"opini\"", "\"opini\" is not a known fact")]
    [InlineData("\"WTP\"", "\"BAIK\"", "\"BAIK\" is not a grade of opini_bpk")]
    [InlineData("\"atLeast\"", "\"is\"", "does not fit the Grade fact opini_bpk")]
    [InlineData("\"WBK\": \"WTP\"", "\"WBKK\": \"WTP\"", "\"WBKK\" is not a predicate of 90/2021")]
    public void WithFolder_ABadAmendment_NamesTheFileAndTheEntry(string from, string to, string message)
    {
        using var folder = new TestSupport.TempDirectory();
        folder.Write("7-2027.json", Amendment.Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<RuleFileException>(() => RuleCatalog.WithFolder(folder.Path));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
