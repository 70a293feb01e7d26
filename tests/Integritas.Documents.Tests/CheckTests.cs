using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>Template defects: each found by Check, all in one pass, with the part, place and text around them.</summary>
public class CheckTests
{
    private static TemplateIssue Only(string body) => Assert.Single(DocxTemplate.Check(Create(body)));

    [Theory]
    [InlineData("Nilai {{total tanpa penutup", "{{total tanpa penutup", "'{{' is never closed with '}}'")]
    [InlineData("Nilai {{a {{b}}", "{{a", "'{{' is never closed with '}}'")]
    [InlineData("Nilai total}} di sini", "Nilai total}}", "'}}' closes no tag (a '{{' is missing)")]
    [InlineData("{{}}", "{{}}", "empty tag")]
    [InlineData("{{total skor}}", "{{total skor}}", "'total skor' is not a value name (letters, digits, _ and - joined by dots)")]
    [InlineData("{{@nomor}}", "{{@nomor}}", "'@nomor' is not known (inside a loop: @no for 1, 2, …; @index for 0, 1, …)")]
    [InlineData("{{a | bogus}}", "{{a | bogus}}", "unknown filter 'bogus' (known: date, default, lower, number, percent, upper)")]
    [InlineData("{{a | number:dua}}", "{{a | number:dua}}", "filter 'number' takes the number of decimals (0–10), not 'dua'")]
    [InlineData("{{a | percent:11}}", "{{a | percent:11}}", "filter 'percent' takes the number of decimals (0–10), not '11'")]
    [InlineData("{{a | date:\"%\"}}", "{{a | date:\"%\"}}", "filter 'date': '%' is not a date format (e.g. \"d MMMM yyyy\" or \"dd/MM/yyyy\")")]
    [InlineData("{{a | default}}", "{{a | default}}", "filter 'default' needs the text to show, e.g. default:\"-\"")]
    [InlineData("{{a | default:\"-}}", "{{a | default:\"-}}", "filter 'default': the argument \"- has no closing quote")]
    [InlineData("{{a | upper:1}}", "{{a | upper:1}}", "filter 'upper' takes no argument")]
    [InlineData("{{a |}}", "{{a |}}", "an empty filter after '|'")]
    [InlineData("{{#if total >> 75}}x{{/if}}", "{{#if total >> 75}}", "'>>' is not a comparison (use == != > >= < <=)")]
    [InlineData("{{#if total = 75}}x{{/if}}", "{{#if total = 75}}", "'=' is not a comparison (use == != > >= < <=)")]
    [InlineData("{{#if total >= tinggi}}x{{/if}}", "{{#if total >= tinggi}}", "compare with a number (75, 2.5) or a quoted text (\"WBK\"), not 'tinggi'")]
    [InlineData("{{#if total >=}}x{{/if}}", "{{#if total >=}}", "nothing to compare 'total' with after '>='")]
    [InlineData("{{#if total 75}}x{{/if}}", "{{#if total 75}}", "after 'total' a comparison (== != > >= < <=) is expected, not '75'")]
    [InlineData("{{#if}}x{{/if}}", "{{#if}}", "{{#if}} needs a condition, e.g. {{#if ready}} or {{#if total >= 75}}")]
    [InlineData("{{#each}}x{{/each}}", "{{#each}}", "{{#each}} needs a list to repeat over, e.g. {{#each units}}")]
    [InlineData("{{#for units}}x", "{{#for units}}", "unknown block '#for' (use #each or #if)")]
    [InlineData("x{{/for}}", "{{/for}}", "unknown closing tag '/for' (use /each or /if)")]
    [InlineData("{{#each a}}x{{/each a}}", "{{/each a}}", "a closing tag names nothing: write {{/each}}")]
    [InlineData("{{#else}}", "{{#else}}", "write {{else}} without '#'")]
    [InlineData("{{image}}", "{{image}}", "{{image}} needs the value that holds the picture, e.g. {{image chart}}")]
    [InlineData("x{{/each}}", "{{/each}}", "{{/each}} closes nothing: no {{#each …}} is open")]
    [InlineData("{{#if a}}x{{/each}}{{/if}}", "{{/each}}", "{{/each}} closes nothing: the open block is {{#if a}} (paragraph 2), which needs {{/if}}")]
    [InlineData("{{#each units}} x", "{{#each units}}", "{{#each units}} is never closed with {{/each}}")]
    [InlineData("{{else}}", "{{else}}", "{{else}} outside any {{#if}}")]
    [InlineData("{{#if a}}x{{else}}y{{else}}z{{/if}}", "{{else}}", "a second {{else}} in {{#if a}} (paragraph 2)")]
    [InlineData("{{#each a}}x{{else}}y{{/each}}", "{{else}}", "{{else}} inside {{#each a}} (paragraph 2), which is not an {{#if}}")]
    public void Check_DefectInAParagraph_IsReportedWithPartPlaceAndSnippet(string text, string snippet, string message)
    {
        var issue = Only(P("Pembuka") + P(text));

        Assert.Equal(("document", "paragraph 2", snippet, message), (issue.Part, issue.Location, issue.Snippet, issue.Message));
    }

    [Fact]
    public void Check_DefectSplitAcrossRuns_QuotesTheWholeTag()
    {
        var issue = Only(P("{{tot", "*al | bog", "us}}"));

        Assert.Equal(("paragraph 1", "{{total | bogus}}"), (issue.Location, issue.Snippet));
    }

    [Fact]
    public void Check_DefectInATableCell_NamesTableRowAndCell()
    {
        var issue = Only(P("a") + Table(["x", "y"], ["1", "2"]) + Table(["Unit", "Skor"], ["{{#each units}}{{name}}", "{{score | angka}}{{/each}}"]));

        Assert.Equal(("document", "table 2, row 2, cell 2", "{{score | angka}}"), (issue.Part, issue.Location, issue.Snippet));
    }

    [Fact]
    public void Check_DefectInAHeaderFooterOrTextBox_NamesThePartAndTextBox()
    {
        var issues = DocxTemplate.Check(Create(P("isi", TextBox(P("ok") + P("{{a | x}}"))), header: P("{{#if a}}"), footer: P("b") + P("c}}")));

        Assert.Equal(
        [
            ("document", "text box 1, paragraph 2", "{{a | x}}"),
            ("header1", "paragraph 1", "{{#if a}}"),
            ("footer1", "paragraph 2", "c}}"),
        ], issues.Select(i => (i.Part, i.Location, i.Snippet)));
    }

    [Fact]
    public void Check_BlockSpanningATableAndTheTextOutside_IsReported()
    {
        var issue = Only(P("{{#each units}}") + Table(["{{name}}", "{{/each}}"]));

        Assert.Equal(("paragraph 1", "{{#each units}}"), (issue.Location, issue.Snippet));
        Assert.StartsWith("{{#each units}} and its {{/each}} (table 1, row 1, cell 2) must stand in one paragraph, in one table row, in rows of one table, or in paragraphs side by side",
            issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BlockFromOneTableIntoAnother_IsReported()
    {
        var issue = Only(Table(["{{#each a}}x", "y"]) + Table(["z", "{{/each}}"]));

        Assert.Equal(("table 1, row 1, cell 1", "{{#each a}}"), (issue.Location, issue.Snippet));
        Assert.Equal("{{#each a}} and its {{/each}} (table 2, row 1, cell 2) must stand in one paragraph, in one table row, in rows of one table, or in paragraphs side by side", issue.Message);
    }

    [Fact]
    public void Check_BlockRunningOutOfATextBox_IsReportedOnBothSides()
    {
        var issues = DocxTemplate.Check(Create(P("x", TextBox(P("{{#each a}}"))) + P("{{/each}}")));

        Assert.Equal(
        [
            ("text box 1, paragraph 1", "{{#each a}}", "{{#each a}} is never closed with {{/each}}"),
            ("paragraph 2", "{{/each}}", "{{/each}} closes nothing: no {{#each …}} is open"),
        ], issues.Select(i => (i.Location, i.Snippet, i.Message)));
    }

    [Fact]
    public void Check_ElseThatCannotSplitARow_IsReported()
    {
        var issue = Only(Table(["{{#if a}}x", "{{else}}", "y{{/if}}"]));

        Assert.Equal(("table 1, row 1, cell 2", "{{else}}"), (issue.Location, issue.Snippet));
        Assert.StartsWith("{{else}} cannot split one table row", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ElseInTheFirstRowOfARowBlock_IsReported()
    {
        var issue = Only(Table(["{{#if a}}x", "{{else}}"], ["y", "{{/if}}"]));

        Assert.StartsWith("in a block of table rows, {{else}} must begin a row after the {{#if}} row", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BrokenTemplate_ListsEveryDefectInOnePass()
    {
        var body = P("{{#each units}}") + P("{{name | bogus}}") + P("{{#if a}} tanpa penutup") + P("{{/each}}") + P("teks {{tidak ditutup") + P("{{#if x >< 1}}");

        var issues = DocxTemplate.Check(Create(body));

        Assert.Equal(
        [
            ("paragraph 2", "unknown filter 'bogus' (known: date, default, lower, number, percent, upper)"),
            ("paragraph 5", "'{{' is never closed with '}}'"),
            ("paragraph 6", "'><' is not a comparison (use == != > >= < <=)"),
            ("paragraph 3", "{{#if a}} is never closed with {{/if}}: {{/each}} (paragraph 4) closes the block around it first"),
        ], issues.Select(i => (i.Location, i.Message)));
    }

    [Fact]
    public void Load_BrokenTemplate_ThrowsWithEveryDefect()
    {
        var error = Assert.Throws<TemplateException>(() => DocxTemplate.Load(Create(P("{{a | x}}") + P("{{/if}}"))));

        Assert.Equal(2, error.Issues.Count);
        Assert.StartsWith("2 template problems:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NotAWordDocument_IsOneIssue()
    {
        var issue = Assert.Single(DocxTemplate.Check([1, 2, 3]));

        Assert.Equal(("package", "file"), (issue.Part, issue.Location));
        Assert.StartsWith("not a Word document (.docx)", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ShippedBriefingTemplate_IsSound()
    {
        var path = TestSupport.Repository.PathOf("templates", "briefing.docx");

        Assert.Empty(DocxTemplate.Check(path));
    }
}
