using System.Text.Json.Nodes;
using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>Values and their filters, written in the document's culture (id-ID in these tests).</summary>
public class FilterTests
{
    [Theory]
    [InlineData("{{a | number:2}}", """{"a": 75.324}""", "75,32")]
    [InlineData("{{a | number:2}}", """{"a": 75.325}""", "75,33")]
    [InlineData("{{a | number:0}}", """{"a": 1234567}""", "1.234.567")]
    [InlineData("{{a | number}}", """{"a": "60.5"}""", "60,50")]
    [InlineData("{{a | percent:1}}", """{"a": 0.812}""", "81,2%")]
    [InlineData("{{a | percent:1}}", """{"a": 0.8125}""", "81,3%")]
    [InlineData("{{a | percent}}", """{"a": 1}""", "100,0%")]
    [InlineData("{{a}}", """{"a": 75.5}""", "75,5")]
    [InlineData("{{a}}", """{"a": 1e30}""", "1E+30")]
    [InlineData("{{a}}", """{"a": true}""", "Ya")]
    [InlineData("{{a}}", """{"a": false}""", "Tidak")]
    [InlineData("{{d | date}}", """{"d": "2026-11-22"}""", "22 November 2026")]
    [InlineData("{{d | date}}", """{"d": "2026-11-22T23:30:00+07:00"}""", "22 November 2026")]
    [InlineData("{{d | date:\"dd/MM/yyyy HH:mm\"}}", """{"d": "2026-11-22T23:30:00+07:00"}""", "22/11/2026 23.30")]
    [InlineData("{{d | date:\"dddd, d MMMM yyyy\"}}", """{"d": "2026-11-22"}""", "Minggu, 22 November 2026")]
    [InlineData("{{s | upper}}", """{"s": "biro umum"}""", "BIRO UMUM")]
    [InlineData("{{s | lower}}", """{"s": "WBK"}""", "wbk")]
    [InlineData("{{s | default:\"-\"}}", """{"s": null}""", "-")]
    [InlineData("{{s | default:\"belum ada\"}}", """{}""", "belum ada")]
    [InlineData("{{s | default:\"-\"}}", """{"s": ""}""", "-")]
    [InlineData("{{s | default:\"-\" | upper}}", """{"s": "ada"}""", "ADA")]
    [InlineData("{{a | number:1 | default:\"-\"}}", """{}""", "-")]
    [InlineData("{{unit.areas.MP.total | number:2}}", """{"unit": {"areas": {"MP": {"total": 7.5}}}}""", "7,50")]
    [InlineData("{{units.1}}", """{"units": ["a", "b"]}""", "b")]
    public void Render_ValueWithFilters_IsWrittenInTheDocumentCulture(string tag, string json, string expected)
    {
        Assert.Equal(expected, Text(Fill(P(tag), json)));
    }

    [Fact]
    public void Render_MissingValue_IsAnErrorNamingTheTagAndPlace()
    {
        var template = DocxTemplate.Load(Create(P("Satu") + P("Nilai {{total}}")));

        var error = Assert.Throws<TemplateException>(() => template.Render(JsonNode.Parse("{}"), Indonesian));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("document", "paragraph 2", "{{total}}"), (issue.Part, issue.Location, issue.Snippet));
        Assert.Equal("no value 'total' in the data (add it, or give a default: {{total | default:\"-\"}})", issue.Message);
    }

    [Theory]
    [InlineData("""{"x": null}""")]
    [InlineData("""{"x": ""}""")]
    [InlineData("""{"y": 1}""")]
    public void Render_NullEmptyOrMissingValueWithoutDefault_IsAnErrorNeverTheWordNull(string json)
    {
        var template = DocxTemplate.Load(Create(P("{{x}}")));

        var error = Assert.Throws<TemplateException>(() => template.Render(JsonNode.Parse(json), Indonesian));

        Assert.Contains("'x'", Assert.Single(error.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingValuesInALoop_AreAllReportedWithTheItem()
    {
        var body = Table(["Unit", "Skor"], ["{{#each units}}{{name}}", "{{score | number:2}}{{/each}}"]) + P("{{author}}");
        var template = DocxTemplate.Load(Create(body));

        var error = Assert.Throws<TemplateException>(() => template.Render(
            JsonNode.Parse("""{"units": [{"name": "A", "score": 1}, {"name": "B"}, {"score": "x"}]}"""), Indonesian));

        Assert.Equal(
        [
            "document, table 1, row 2, cell 2 (units #2): no value 'score' in the data (add it, or give a default: {{score | default:\"-\"}}) — near \"{{score | number:2}}\"",
            "document, table 1, row 2, cell 1 (units #3): no value 'name' in the data (add it, or give a default: {{name | default:\"-\"}}) — near \"{{name}}\"",
            "document, table 1, row 2, cell 2 (units #3): filter 'number' needs a number, but 'score' is 'x' — near \"{{score | number:2}}\"",
            "document, paragraph 1: no value 'author' in the data (add it, or give a default: {{author | default:\"-\"}}) — near \"{{author}}\"",
        ], error.Issues.Select(i => i.ToString()));
    }

    [Theory]
    [InlineData("{{d | date}}", """{"d": "besok"}""", "filter 'date' needs a date")]
    [InlineData("{{a | percent}}", """{"a": "banyak"}""", "filter 'percent' needs a number")]
    [InlineData("{{a}}", """{"a": {"b": 1}}""", "'a' is a group of values, not a single value")]
    [InlineData("{{a}}", """{"a": [1]}""", "'a' is a list, not a single value")]
    public void Render_ValueThatDoesNotFitItsTag_IsAnError(string tag, string json, string message)
    {
        var template = DocxTemplate.Load(Create(P(tag)));

        var error = Assert.Throws<TemplateException>(() => template.Render(JsonNode.Parse(json), Indonesian));

        Assert.StartsWith(message, Assert.Single(error.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ErrorLimitOfZero_StillFailsTheFill()
    {
        var template = DocxTemplate.Load(Create(P("{{missing}}")));

        var error = Assert.Throws<TemplateException>(() => template.Render(JsonNode.Parse("{}"), Indonesian with { MaxErrors = 0 }));

        Assert.Single(error.Issues);
    }

    [Fact]
    public void Render_ManyErrors_StopsAtTheLimit()
    {
        var template = DocxTemplate.Load(Create(P("{{#each rows}}{{missing}}{{/each}}")));
        var rows = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode?)new JsonObject())]);

        var error = Assert.Throws<TemplateException>(() => template.Render(new JsonObject { ["rows"] = rows }, Indonesian with { MaxErrors = 5 }));

        Assert.Equal(5, error.Issues.Count);
    }
}
