using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Integritas.Domain.Formatting;
using static Integritas.Web.Tests.Accounts;

namespace Integritas.Web.Tests;

/// <summary>A unit's page shows the figures <c>zi unit --format json</c> gives for that unit and year, and <c>zi scores</c> for the dashboard's counts.</summary>
[Collection(WebCollection.Name)]
public sealed partial class UnitAgreementTests(WebFixture web)
{
    [Theory]
    [InlineData(ScopedUnit, 2025)]
    [InlineData(OtherUnit, 2025)]
    [InlineData(ScopedUnit, 2023)]
    public async Task UnitPage_ShowsTheFiguresOfZiUnit(string unit, int year)
    {
        var cli = WebFixture.Zi(null, "unit", unit, "--db", web.Database, "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        Assert.True(cli.Code == 0, cli.Error);
        var json = JsonDocument.Parse(cli.Out).RootElement;
        var scores = json.GetProperty("scores");
        using var client = await web.ClientAsync(Admin);
        var html = await client.GetStringAsync($"/units/{unit}?year={year}", TestContext.Current.CancellationToken);
        var figures = Figures(html);

        Assert.Equal(Number(scores.GetProperty("total")), figures["total"]);
        Assert.Equal(Number(scores.GetProperty("pengungkit")), figures["pengungkit"]);
        Assert.Equal(Number(scores.GetProperty("hasil")), figures["hasil"]);
        Assert.Equal(scores.GetProperty("blankQuestions").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), figures["blankQuestions"]);
        Assert.Equal(scores.GetProperty("readiness").GetString() == "BELUM" ? "Belum" : scores.GetProperty("readiness").GetString(), figures["readiness"]);
        foreach (var area in scores.GetProperty("areas").EnumerateObject())
        {
            Assert.Equal(Number(area.Value.GetProperty("total")), figures[$"area.{area.Name}.total"]);
            Assert.Equal(Number(area.Value.GetProperty("percent")) + "%", figures[$"area.{area.Name}.percent"]);
        }
        var points = json.GetProperty("pointsNeeded");
        Assert.Equal(points.ValueKind == JsonValueKind.Null ? "–" : Number(points.GetProperty("total")), figures["pointsNeeded"]);
        if (json.GetProperty("projection") is { ValueKind: JsonValueKind.Object } projection)
        {
            Assert.Equal(Number(projection.GetProperty("total")), figures["projection.total"]);
        }

        // Every criterion: the value found as the page shows it, from the same number the CLI gives.
        var criteria = CriterionRow().Matches(html).ToDictionary(m => m.Groups["id"].Value, m => WebUtility.HtmlDecode(m.Groups["actual"].Value));
        var cliCriteria = json.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(cliCriteria.Count, criteria.Count);
        foreach (var c in cliCriteria.Where(c => c.GetProperty("unit").GetString() is "points" or "percent" && c.GetProperty("actual").ValueKind == JsonValueKind.Number))
        {
            var id = $"{c.GetProperty("predicate").GetString()}/{c.GetProperty("criterion").GetString()}";
            Assert.Equal(Formats.Number(c.GetProperty("actual").GetDecimal()) + (c.GetProperty("unit").GetString() == "percent" ? "%" : ""), criteria[id]);
        }
        // The questions that gain most, in the CLI's order.
        var questions = QuestionRow().Matches(html).Select(m => m.Groups[1].Value);
        Assert.Equal(json.GetProperty("topQuestions").EnumerateArray().Select(q => q.GetProperty("question").GetString()), questions);
    }

    [Fact]
    public async Task Dashboard_CountsEqualZiScores()
    {
        var cli = JsonDocument.Parse(WebFixture.Zi(null, "scores", "--db", web.Database, "--year", "2025", "--format", "json").Out).RootElement.EnumerateArray().ToList();
        using var client = await web.ClientAsync(Admin);
        var html = await client.GetStringAsync("/?year=2025", TestContext.Current.CancellationToken);
        var cards = CardValue().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Equal(cli.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), cards["Unit dinilai"]);
        Assert.Equal(cli.Count(s => s.GetProperty("readiness").GetString() == "WBBM").ToString(System.Globalization.CultureInfo.InvariantCulture), cards["Memenuhi WBBM"]);
        Assert.Equal(cli.Count(s => s.GetProperty("readiness").GetString() == "WBK").ToString(System.Globalization.CultureInfo.InvariantCulture), cards["Memenuhi WBK"]);
        Assert.Equal(cli.Count(s => s.GetProperty("readiness").GetString() == "BELUM").ToString(System.Globalization.CultureInfo.InvariantCulture), cards["Belum memenuhi"]);

        // The units list is the list the headline counts.
        var units = await client.GetStringAsync("/units?year=2025", TestContext.Current.CancellationToken);
        Assert.Equal(cli.Count, UnitLink().Matches(units).Count);
        var ranks = JsonDocument.Parse(WebFixture.Zi(null, "candidates", "--db", web.Database, "--year", "2025", "--format", "json").Out).RootElement.GetProperty("candidates").EnumerateArray()
            .Select(c => (c.GetProperty("rank").GetInt32(), c.GetProperty("unitId").GetString()!)).ToList();
        var page = await client.GetStringAsync("/candidates?year=2025", TestContext.Current.CancellationToken);
        Assert.Equal(ranks, CandidateRow().Matches(page).Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value)).ToList());
    }

    [Fact]
    public async Task UnitViewer_SeesOnlyTheirUnitInListsAndCounts()
    {
        using var client = await web.ClientAsync(UnitViewer);
        var units = await client.GetStringAsync("/units?year=2025", TestContext.Current.CancellationToken);
        Assert.Equal([ScopedUnit], UnitLink().Matches(units).Select(m => m.Groups[1].Value).Distinct());
        var candidates = await client.GetStringAsync("/candidates?year=2025", TestContext.Current.CancellationToken);
        Assert.All(CandidateRow().Matches(candidates), m => Assert.Equal(ScopedUnit, m.Groups[2].Value));
        var dashboard = await client.GetStringAsync("/?year=2025", TestContext.Current.CancellationToken);
        Assert.Equal("1", CardValue().Matches(dashboard).First(m => m.Groups[1].Value == "Unit dinilai").Groups[2].Value);
        Assert.DoesNotContain(OtherUnit, dashboard, StringComparison.Ordinal);
        var workbook = await client.GetByteArrayAsync("/candidates.xlsx?year=2025", TestContext.Current.CancellationToken);
        var path = web.File("kandidat-unit.xlsx");
        await File.WriteAllBytesAsync(path, workbook, TestContext.Current.CancellationToken);
        using var book = Spreadsheets.XlsxWorkbook.Open(path);
        var cells = book.Sheets.SelectMany(book.ReadRows).SelectMany(r => r.Cells).Select(c => c.Value).ToList();
        Assert.Contains(cells, c => c.Contains(ScopedUnit, StringComparison.Ordinal));
        Assert.DoesNotContain(cells, c => c.Contains(OtherUnit, StringComparison.Ordinal) || c.Contains(SameInstansiUnit, StringComparison.Ordinal));
    }

    private static string Number(JsonElement value) => Formats.Number(value.GetDecimal());

    private static Dictionary<string, string> Figures(string html) =>
        Figure().Matches(html).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value.Trim()));

    [GeneratedRegex("data-figure=\"([^\"]+)\"[^>]*>([^<]*)<")]
    private static partial Regex Figure();

    [GeneratedRegex("<tr data-criterion=\"(?<id>[^\"]+)\">\\s*<td>.*?</td>\\s*<td class=\"num\" data-figure=\"actual\">(?<actual>[^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex CriterionRow();

    [GeneratedRegex("<tr data-question=\"([^\"]+)\">")]
    private static partial Regex QuestionRow();

    [GeneratedRegex("<span class=\"label\">([^<]+)</span><span class=\"value\">([^<]+)</span>")]
    private static partial Regex CardValue();

    [GeneratedRegex("<td class=\"code\"><a href=\"/units/([^?\"]+)\\?year=2025\">")]
    private static partial Regex UnitLink();

    [GeneratedRegex("<td class=\"num\">(\\d+)</td>\\s*<td class=\"code\"><a href=\"/units/([^?\"]+)\\?")]
    private static partial Regex CandidateRow();
}
