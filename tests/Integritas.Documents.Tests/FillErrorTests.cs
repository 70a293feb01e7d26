using System.Text.Json.Nodes;
using Integritas.TestSupport;
using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>Data that cannot fill a sound template: every kind of error, all reported from one render.</summary>
public class FillErrorTests
{
    [Fact]
    public void Render_EveryKindOfFillError_IsReportedWithPartPlaceAndSnippet()
    {
        using var folder = new TempDirectory();
        folder.Write("text.png", "not a picture");
        var body = P("{{missing}}") + P("{{empty}}") + P("{{list}}") + P("{{group}}") + P("{{word | number:1}}") + P("{{word | date}}")
            + P("{{#each nothing}}x{{/each}}") + P("{{#each word}}x{{/each}}") + P("{{image nothing}}") + P("{{image gone}}")
            + P("{{image text}}") + P("{{image list}}") + Table(["{{#each rows}}{{@no}}", "{{value | percent}}{{/each}}"]);
        var template = DocxTemplate.Load(Create(body, header: P("{{headerValue}}")));
        var data = JsonNode.Parse("""
            {"empty": "", "list": [1], "group": {"a": 1}, "word": "kata", "gone": "gone.png", "text": "text.png",
             "rows": [{"value": 0.5}, {"value": "x"}]}
            """);

        var error = Assert.Throws<TemplateException>(() => template.Render(data, Indonesian with { BaseDirectory = folder.Path }));

        Assert.Equal(
        [
            ("document", "paragraph 1", "{{missing}}", "no value 'missing' in the data (add it, or give a default: {{missing | default:\"-\"}})"),
            ("document", "paragraph 2", "{{empty}}", "'empty' is empty (give a default: {{empty | default:\"-\"}})"),
            ("document", "paragraph 3", "{{list}}", "'list' is a list, not a single value: name one of its fields, or repeat it with {{#each list}}"),
            ("document", "paragraph 4", "{{group}}", "'group' is a group of values, not a single value: name one of its fields, or repeat it with {{#each group}}"),
            ("document", "paragraph 5", "{{word | number:1}}", "filter 'number' needs a number, but 'word' is 'kata'"),
            ("document", "paragraph 6", "{{word | date}}", "filter 'date' needs a date (2026-11-22), but 'word' is 'kata'"),
            ("document", "paragraph 7", "{{#each nothing}}", "no list 'nothing' in the data"),
            ("document", "paragraph 8", "{{#each word}}", "'word' is not a list, so it cannot be repeated"),
            ("document", "paragraph 9", "{{image nothing}}", "no picture 'nothing' in the data"),
            ("document", "paragraph 10", "{{image gone}}", $"there is no picture file 'gone.png' (looked for {folder.File("gone.png")})"),
            ("document", "paragraph 11", "{{image text}}", "'text.png' is not a PNG or JPEG picture"),
            ("document", "paragraph 12", "{{image list}}", "'list' must be a picture's file path (or a data: URI)"),
            ("document", "table 1, row 1, cell 2 (rows #2)", "{{value | percent}}", "filter 'percent' needs a number, but 'value' is 'x'"),
            ("header1", "paragraph 1", "{{headerValue}}", "no value 'headerValue' in the data (add it, or give a default: {{headerValue | default:\"-\"}})"),
        ], error.Issues.Select(i => (i.Part, i.Location, i.Snippet, i.Message)));
    }

    [Fact]
    public void Render_ErrorInNestedLoops_NamesEveryItemOnTheWay()
    {
        var template = DocxTemplate.Load(Create(P("{{#each groups}}{{#each items}}{{name}}{{/each}}{{/each}}")));

        var error = Assert.Throws<TemplateException>(() => template.Render(
            JsonNode.Parse("""{"groups": [{"items": [{"name": "a"}]}, {"items": [{"name": "b"}, {}]}]}"""), Indonesian));

        Assert.Equal("paragraph 1 (groups #2, items #2)", Assert.Single(error.Issues).Location);
    }
}
