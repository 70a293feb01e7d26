using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>{{#if}} with and without {{else}}, every comparison, and values that are missing.</summary>
public class ConditionTests
{
    [Theory]
    [InlineData("total >= 75", "75", true)]
    [InlineData("total >= 75", "74.99", false)]
    [InlineData("total > 75", "75", false)]
    [InlineData("total > 75", "75.01", true)]
    [InlineData("total <= 75", "75", true)]
    [InlineData("total <= 75", "75.5", false)]
    [InlineData("total < 75", "74", true)]
    [InlineData("total < 75", "75", false)]
    [InlineData("total == 75", "75.00", true)]
    [InlineData("total == 75", "76", false)]
    [InlineData("total != 75", "76", true)]
    [InlineData("total != 75", "75", false)]
    [InlineData("total >= -1.5", "-1.5", true)]
    [InlineData("total >= 75", "\"80.5\"", true)]
    [InlineData("status == \"WBK\"", "\"WBK\"", true)]
    [InlineData("status == 'WBK'", "\"WBBM\"", false)]
    [InlineData("status != \"WBK\"", "\"WBBM\"", true)]
    [InlineData("status < \"B\"", "\"A\"", true)]
    [InlineData("status >= \"B\"", "\"A\"", false)]
    [InlineData("status > \"WBK\"", "\"WBKX\"", true)]
    [InlineData("status <= \"WBK\"", "\"WBK\"", true)]
    public void Render_Comparison_PicksTheBranch(string condition, string value, bool expected)
    {
        var field = condition.Split(' ')[0];
        var body = P($"{{{{#if {condition}}}}}ya{{{{else}}}}tidak{{{{/if}}}}");

        var docx = Fill(body, $$"""{"{{field}}": {{value}}}""");

        Assert.Equal(expected ? "ya" : "tidak", Text(docx));
    }

    [Theory]
    [InlineData("true", "ya")]
    [InlineData("false", "tidak")]
    [InlineData("1", "ya")]
    [InlineData("0", "tidak")]
    [InlineData("\"teks\"", "ya")]
    [InlineData("\"\"", "tidak")]
    [InlineData("[1]", "ya")]
    [InlineData("[]", "tidak")]
    [InlineData("{}", "ya")]
    [InlineData("null", "tidak")]
    public void Render_ConditionOnAValueAlone_IsTrueWhenItHasSomething(string value, string expected)
    {
        Assert.Equal(expected, Text(Fill(P("{{#if x}}ya{{else}}tidak{{/if}}"), $$"""{"x": {{value}}}""")));
    }

    [Theory]
    [InlineData("missing", "tidak")]
    [InlineData("missing.deeper", "tidak")]
    [InlineData("missing >= 1", "tidak")]
    [InlineData("missing == \"a\"", "tidak")]
    [InlineData("missing != 1", "ya")]
    [InlineData("text > 1", "tidak")]
    [InlineData("text != 1", "ya")]
    public void Render_ConditionOnAMissingOrUnfitValue_IsFalseNotAnError(string condition, string expected)
    {
        var docx = Fill(P($"{{{{#if {condition}}}}}ya{{{{else}}}}tidak{{{{/if}}}}"), """{"text": "abc"}""");

        Assert.Equal(expected, Text(docx));
    }

    [Fact]
    public void Render_InlineIfWithoutElse_ShowsOrDropsTheText()
    {
        var body = P("Status: {{#if ready}}siap {{/if}}selesai");

        Assert.Equal("Status: siap selesai", Text(Fill(body, """{"ready": true}""")));
        Assert.Equal("Status: selesai", Text(Fill(body, """{"ready": false}""")));
    }

    [Fact]
    public void Render_ParagraphIfElse_KeepsTheParagraphsOfOneBranch()
    {
        var body = P("awal") + P("{{#if ready}}") + P("Siap.") + P("Benar-benar siap.") + P("{{else}}") + P("Belum.") + P("{{/if}}") + P("akhir");

        Assert.Equal("awal\nSiap.\nBenar-benar siap.\nakhir", Text(Fill(body, """{"ready": true}""")));
        Assert.Equal("awal\nBelum.\nakhir", Text(Fill(body, """{"ready": false}""")));
    }

    [Fact]
    public void Render_ElseInTheOpeningParagraph_SplitsThatParagraph()
    {
        var body = P("{{#if ready}}Siap.{{else}}") + P("Belum.") + P("{{/if}}") + P("akhir");

        Assert.Equal("Siap.\nakhir", Text(Fill(body, """{"ready": true}""")));
        Assert.Equal("Belum.\nakhir", Text(Fill(body, """{"ready": false}""")));
    }

    [Fact]
    public void Render_ElseInTheClosingParagraph_SplitsThatParagraph()
    {
        var body = P("{{#if ready}}") + P("Siap.") + P("{{else}}Belum.{{/if}}") + P("akhir");

        Assert.Equal("Siap.\nakhir", Text(Fill(body, """{"ready": true}""")));
        Assert.Equal("Belum.\nakhir", Text(Fill(body, """{"ready": false}""")));
    }

    [Fact]
    public void Render_IfInOneTableRow_ShowsOrDropsTheRow()
    {
        var body = Table(["Unit", "Status"], ["{{#if late}}Terlambat", "ya{{/if}}"], ["Akhir", ""]);

        Assert.Equal("Unit | Status\nTerlambat | ya\nAkhir | ", Text(Fill(body, """{"late": true}""")));
        Assert.Equal("Unit | Status\nAkhir | ", Text(Fill(body, """{"late": false}""")));
    }

    [Fact]
    public void Render_ElseInARowOfItsOwnInARowBlock_SeparatesTheBranchesAndIsDropped()
    {
        var body = Table(["Kepala"], ["{{#if units}}Ada unit"], ["{{else}}"], ["Tidak ada unit{{/if}}"], ["Kaki"]);

        Assert.Equal("Kepala\nAda unit\nKaki", Text(Fill(body, """{"units": [1]}""")));
        Assert.Equal("Kepala\nTidak ada unit\nKaki", Text(Fill(body, """{"units": []}""")));
    }

    [Fact]
    public void Render_ElseStartingARowInARowBlock_StartsTheOtherBranchWithThatRow()
    {
        var body = Table(["Kepala", ""], ["{{#if units}}Ada", "unit"], ["{{else}}Tidak ada", "unit{{/if}}"]);

        Assert.Equal("Kepala | \nAda | unit", Text(Fill(body, """{"units": [1]}""")));
        Assert.Equal("Kepala | \nTidak ada | unit", Text(Fill(body, """{"units": []}""")));
    }

    [Fact]
    public void Render_LoopOverTheRowsOfAnIfElseRowBlock_DecidesPerItem()
    {
        var body = Table(["Unit", "Status"], ["{{#each units}}{{#if score >= 75}}{{name}}", "lulus"], ["{{else}}{{name}}", "belum{{/if}}{{/each}}"]);

        var docx = Fill(body, """{"units": [{"name": "A", "score": 80}, {"name": "B", "score": 60}]}""");

        Assert.Equal("Unit | Status\nA | lulus\nB | belum", Text(docx));
    }

    [Fact]
    public void Render_RowLoopHoldingAnInlineCondition_DecidesPerItem()
    {
        var body = Table(["Unit", "Status"], ["{{#each units}}{{name}}", "{{#if score >= 75}}lulus{{else}}belum{{/if}}{{/each}}"]);

        var docx = Fill(body, """{"units": [{"name": "A", "score": 80}, {"name": "B", "score": 60}]}""");

        Assert.Equal("Unit | Status\nA | lulus\nB | belum", Text(docx));
    }

    [Fact]
    public void Render_ConditionInsideALoop_ReadsOuterFields()
    {
        var body = P("{{#each units}}{{#if score >= 75}}{{name}} {{else}}{{#if showAll}}({{name}}) {{/if}}{{/if}}{{/each}}");

        var units = """[{"name": "A", "score": 80}, {"name": "B", "score": 60}, {"name": "C", "score": 75}]""";

        Assert.Equal("A C ", Text(Fill(body, $$"""{"showAll": false, "units": {{units}}}""")));
        Assert.Equal("A (B) C ", Text(Fill(body, $$"""{"showAll": true, "units": {{units}}}""")));
    }
}
