using System.Text.Json.Nodes;
using Integritas.TestSupport;
using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>Properties of every filled document: same input, same bytes; valid; usable by several threads at once.</summary>
public class OutputTests
{
    private const string Data = """{"title": "judul", "rows": [{"a": "x", "b": 1.25}, {"a": "y", "b": 2}], "note": "", "ready": true}""";

    private static string Body() =>
        P("{{title | upper}}") + Table(["A", "B"], ["{{#each rows}}{{a}}", "{{b | number:1}}{{/each}}"])
        + P("{{#if note}}{{note}}{{else}}tanpa catatan{{/if}}") + P("{{#if ready}}") + P("siap") + P("{{/if}}");

    [Fact]
    public void Render_SameInput_GivesTheSameBytes()
    {
        var data = JsonNode.Parse(Data);
        var template = DocxTemplate.Load(Create(Body()));

        var first = template.Render(data, Indonesian);

        Assert.Equal(first, template.Render(data, Indonesian));
        Assert.Equal(first, DocxTemplate.Load(Create(Body())).Render(JsonNode.Parse(Data), Indonesian));
    }

    [Fact]
    public void Render_FromSeveralThreadsAtOnce_GivesTheSameBytes()
    {
        var template = DocxTemplate.Load(Create(Body()));
        var expected = template.Render(JsonNode.Parse(Data), Indonesian);

        var results = new byte[16][];
        Parallel.For(0, results.Length, i => results[i] = template.Render(JsonNode.Parse(Data), Indonesian));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Render_Output_HasNoLeftoverTagsAndValidates()
    {
        var docx = Fill(Body(), Data);

        Assert.Equal("JUDUL\nA | B\nx | 1,3\ny | 2,0\ntanpa catatan\nsiap", Text(docx));
    }

    [Fact]
    public void Render_PartsWithoutTags_AreCopiedUnchanged()
    {
        var template = Create(P("{{a}}"), header: P("Kepala tetap"));

        var docx = Fill(template, """{"a": "b"}""");

        Assert.Equal(Entry(template, "word/header1.xml"), Entry(docx, "word/header1.xml"));
    }

    [Fact]
    public void Paths_OfATemplate_ListEachDataPathOnceQualifiedByItsLoops()
    {
        var body = P("{{title}} {{title | upper}}") + Table(["{{#each units}}{{@no}}", "{{name}} {{this.code}}{{/each}}"])
            + P("{{#each groups}}{{#if ready}}{{#each items}}{{this}}{{/each}}{{/if}}{{/each}}") + P("{{image chart}}");

        var template = DocxTemplate.Load(Create(body, footer: P("{{generatedOn | date}}")));

        Assert.Equal(["title", "units", "units[].name", "units[].code", "groups", "groups[].ready", "groups[].items", "groups[].items[]", "chart", "generatedOn"], template.Paths);
    }

    [Fact]
    public void TagCount_OfATemplate_CountsEveryTagInEveryPartOnce()
    {
        var body = P("{{title}} {{title | upper}}") + Table(["{{#each units}}{{@no}}", "{{name}}{{/each}}"])
            + P("{{#if a}}x{{else}}y{{/if}}") + P("t", TextBox(P("{{b}}")));

        var template = DocxTemplate.Load(Create(body, footer: P("{{generatedOn | date}}")));

        Assert.Equal(11, template.TagCount);
    }

    [Fact]
    public void Render_BenchmarkTemplate_FillsTitleSplitPeriodAndEveryRow()
    {
        var folder = Repository.PathOf("tests", "Integritas.Benchmarks", "Inputs");
        var template = File.ReadAllBytes(Path.Combine(folder, "template-zi.docx"));

        var docx = Fill(template, File.ReadAllText(Path.Combine(folder, "data-100.json")));

        var lines = Text(docx).Split('\n');
        Assert.Equal(104, lines.Length);
        Assert.Equal(["Readiness briefing for 1st Battalion", "Period: FY2025", "Unit | Score | YoY delta | Trend", "Unit 1 | 60.0 | -4.0 | up"], lines[..4]);
        Assert.Equal(["Unit 100 | 73.0 | -4.0 | up", "Prepared by Readiness Cell"], lines[^2..]);
    }
}
