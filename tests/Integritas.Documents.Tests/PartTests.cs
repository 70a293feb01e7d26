using System.Text.Json.Nodes;
using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>Tags outside the main text: headers, footers and text boxes.</summary>
public class PartTests
{
    [Fact]
    public void Render_HeaderAndFooterTags_AreFilled()
    {
        var template = Create(P("Isi"), header: P("Laporan {{year}}"), footer: P("Unit {{unit | upper}}") + P("{{#each pages}}{{this}} {{/each}}"));

        var docx = Fill(template, """{"year": 2025, "unit": "bps", "pages": [1, 2]}""");

        Assert.Equal("Laporan 2025", Text(docx, "word/header1.xml"));
        Assert.Equal("Unit BPS\n1 2 ", Text(docx, "word/footer1.xml"));
    }

    [Fact]
    public void Render_HeaderWhoseParagraphsAreALoopOverAnEmptyList_StillHoldsAParagraph()
    {
        var template = Create(P("Isi"), header: P("{{#each notes}}") + P("{{this}}") + P("{{/each}}"));

        var docx = Fill(template, """{"notes": []}""");

        Assert.Single(Xml(docx, "word/header1.xml").Root!.Elements(W + "p"));
    }

    [Fact]
    public void Render_TextBoxInADrawing_IsFilledInBothOfWordsCopies()
    {
        var body = P("Utama", TextBox(P("Nilai {{total | number:2}}") + P("{{#each units}}") + P("- {{this}}") + P("{{/each}}")));

        var docx = Fill(body, """{"total": 81.256, "units": ["A", "B"]}""");

        Assert.Equal(["Nilai 81,26 / - A / - B"], TextBoxes(docx));
        var fallback = Xml(docx).Descendants(W + "txbxContent").Last();
        Assert.Equal("Nilai 81,26 / - A / - B", string.Join(" / ", fallback.Elements(W + "p").Select(ParagraphText)));
        Assert.Equal("Utama", Text(docx));
    }

    [Fact]
    public void Render_VmlTextBox_IsFilled()
    {
        var docx = Fill(P(VmlTextBox(P("Unit {{unit}}"))), """{"unit": "Biro Umum"}""");

        Assert.Equal(["Unit Biro Umum"], TextBoxes(docx));
    }

    [Fact]
    public void Render_TextBoxInARepeatedParagraph_GetsFreshDrawingIds()
    {
        var body = P("{{#each units}}") + P(TextBox(P("{{this}}"), id: 3)) + P("{{/each}}");

        var docx = Fill(body, """{"units": ["A", "B", "C"]}""");

        Assert.Equal(["A", "B", "C"], TextBoxes(docx));
        Assert.Equal(3, Xml(docx).Descendants(Wp + "docPr").Select(d => (string?)d.Attribute("id")).Distinct().Count());
    }

    [Fact]
    public void Render_MissingValueInATextBox_IsReportedOnceWithTheTextBox()
    {
        var template = DocxTemplate.Load(Create(P("Utama", TextBox(P("a") + P("{{missing}}")))));

        var error = Assert.Throws<TemplateException>(() => template.Render(JsonNode.Parse("{}"), Indonesian));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("document", "text box 1, paragraph 2", "{{missing}}"), (issue.Part, issue.Location, issue.Snippet));
    }

    [Fact]
    public void Render_MissingValueInTheFooter_NamesTheFooter()
    {
        var template = DocxTemplate.Load(Create(P("Isi"), footer: P("Halaman") + P("{{unit}}")));

        var error = Assert.Throws<TemplateException>(() => template.Render(JsonNode.Parse("{}"), Indonesian));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("footer1", "paragraph 2", "{{unit}}"), (issue.Part, issue.Location, issue.Snippet));
    }
}
