using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>Tags as Word stores them: split across runs, with curly quotes, inside hyperlinks and smart tags.</summary>
public class TagPlacementTests
{
    [Fact]
    public void Render_TagSplitAcrossRunsByWord_IsFoundAndKeepsTheFirstRunsFormatting()
    {
        var body = P("Tahun ", "*{{ye", "ar", "}}", " selesai");

        var docx = Fill(body, """{"year": 2025}""");

        Assert.Equal("Tahun 2025 selesai", Text(docx));
        var run = Xml(docx).Descendants(W + "t").Single(t => t.Value == "2025").Parent!;
        Assert.NotNull(run.Element(W + "rPr")?.Element(W + "b"));
    }

    [Fact]
    public void Render_TagSplitWithSpellingMarksAndRevisionIds_IsFound()
    {
        var body = "<w:p><w:r w:rsidR=\"00A1B2C3\"><w:t xml:space=\"preserve\">Unit {</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
            + "<w:r w:rsidR=\"00B2C3D4\"><w:t>{na</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>me}</w:t></w:r><w:proofErr w:type=\"spellEnd\"/>"
            + "<w:r><w:t xml:space=\"preserve\">} siap</w:t></w:r></w:p>";

        var docx = Fill(body, """{"name": "Biro Umum"}""");

        Assert.Equal("Unit Biro Umum siap", Text(docx));
        Assert.Empty(Xml(docx).Descendants(W + "proofErr"));
    }

    [Fact]
    public void Render_SeveralTagsInOneRun_AreEachFilled()
    {
        var docx = Fill(P("{{a}}-{{b}}{{c}} dan {{a}}"), """{"a": "x", "b": "y", "c": "z"}""");

        Assert.Equal("x-yz dan x", Text(docx));
    }

    [Fact]
    public void Render_CurlyQuotesFromWord_WorkInFilterArgumentsAndConditions()
    {
        var body = P("{{missing | default:\u201C-\u201D}} {{d | date:\u2018dd/MM/yyyy\u2019}} {{#if status == \u201CWBK\u201D}}ya{{else}}tidak{{/if}}");

        var docx = Fill(body, """{"d": "2026-11-22", "status": "WBK"}""");

        Assert.Equal("- 22/11/2026 ya", Text(docx));
    }

    [Fact]
    public void Render_ValueTagInsideHyperlink_StaysInTheLink()
    {
        var body = P("Lihat ", Link("{{site}}"), " untuk rincian");

        var docx = Fill(body, """{"site": "laman unit"}""");

        Assert.Equal("Lihat laman unit untuk rincian", Text(docx));
        Assert.Equal("laman unit", Xml(docx).Descendants(W + "hyperlink").Single().Value);
    }

    [Fact]
    public void Render_LoopWhollyInsideHyperlink_RepeatsTheLinkedText()
    {
        var body = P("Tautan: ", Link("{{#each names}}{{this}} {{/each}}"));

        var docx = Fill(body, """{"names": ["a", "b"]}""");

        Assert.Equal("Tautan: a b ", Text(docx));
        Assert.All(Xml(docx).Descendants(W + "hyperlink"), h => Assert.Equal("rIdLink", (string?)h.Attribute(R + "id")));
        Assert.Equal("a b ", string.Concat(Xml(docx).Descendants(W + "hyperlink").Select(h => h.Value)));
    }

    [Fact]
    public void Render_ConditionOpenedInsideHyperlinkAndClosedOutside_CutsTheLinkAroundTheTag()
    {
        var body = P(Link("Lihat {{#if linked}}situs"), "{{/if}} kami");

        var shown = Fill(body, """{"linked": true}""");
        var hidden = Fill(body, """{"linked": false}""");

        Assert.Equal("Lihat situs kami", Text(shown));
        Assert.Equal("Lihat situs", string.Concat(Xml(shown).Descendants(W + "hyperlink").Select(h => h.Value)));
        Assert.Equal("Lihat  kami", Text(hidden));
        Assert.Equal("Lihat ", Xml(hidden).Descendants(W + "hyperlink").Single().Value);
    }

    [Fact]
    public void Render_LoopTagsAloneInHyperlinkedParagraphs_RepeatTheParagraphsBetween()
    {
        var body = P(Link("{{#each units}}")) + P(Link("{{name}}")) + P(Link("{{/each}}"));

        var docx = Fill(body, """{"units": [{"name": "A"}, {"name": "B"}]}""");

        Assert.Equal("A\nB", Text(docx));
        Assert.Equal(2, Xml(docx).Descendants(W + "hyperlink").Count());
    }

    [Fact]
    public void Render_TagsInSmartTags_AreFoundAndTheObsoleteSmartTagsUnwrapped()
    {
        const string SmartTag = "<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"place\">";
        var body = "<w:p>" + SmartTag + Run("{{#if show}}Jakarta") + "</w:smartTag>" + Run(" Pusat") + SmartTag + Run("{{/if}}") + "</w:smartTag></w:p>";

        var docx = Fill(body, """{"show": true}""");

        Assert.Equal("Jakarta Pusat", Text(docx));
        Assert.Empty(Xml(docx).Descendants(W + "smartTag"));
        Assert.Equal("", Text(Fill(body, """{"show": false}""")));
    }

    [Fact]
    public void Render_ValueRunFormatting_IsCopiedToTheFilledText()
    {
        var body = "<w:p><w:r><w:rPr><w:b/><w:color w:val=\"FF0000\"/></w:rPr><w:t>{{total | number:2}}</w:t></w:r></w:p>";

        var docx = Fill(body, """{"total": 75.5}""");

        var rPr = Xml(docx).Descendants(W + "r").Single().Element(W + "rPr")!;
        Assert.NotNull(rPr.Element(W + "b"));
        Assert.Equal("FF0000", (string?)rPr.Element(W + "color")!.Attribute(W + "val"));
        Assert.Equal("75,50", Text(docx));
    }

    [Fact]
    public void Render_ValueWithLineBreaksTabsAndMarkupCharacters_IsWrittenAsWordText()
    {
        var docx = Fill(P("{{note}}"), """{"note": "baris 1\nbaris 2\tkolom <b> & \"kutip\"\u0001"}""");

        Assert.Equal("baris 1\nbaris 2\tkolom <b> & \"kutip\"", Text(docx));
        Assert.Single(Xml(docx).Descendants(W + "br"));
        Assert.Single(Xml(docx).Descendants(W + "tab"));
    }
}
