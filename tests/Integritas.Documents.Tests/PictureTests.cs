using System.Text.Json.Nodes;
using Integritas.TestSupport;
using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>{{image path}} in text, and pictures whose alt text names the image to put in.</summary>
public class PictureTests
{
    [Fact]
    public void Render_ImageTagAloneInAParagraph_InsertsThePictureFromAPathRelativeToTheData()
    {
        using var folder = new TempDirectory();
        folder.Write("charts/chart.png", Png(400, 200));

        var docx = Fill(P("{{image chart}}"), """{"chart": "charts/chart.png"}""", Indonesian with { BaseDirectory = folder.Path });

        var media = Assert.Single(Entries(docx), e => e.StartsWith("word/media/", StringComparison.Ordinal));
        Assert.Equal(Png(400, 200), Entry(docx, media));
        var extent = Xml(docx).Descendants(Wp + "extent").Single();
        Assert.Equal((400L * 9525, 200L * 9525), ((long)extent.Attribute("cx")!, (long)extent.Attribute("cy")!));
    }

    [Fact]
    public void Render_PictureWiderThanTheText_IsShrunkToTheTextWidth()
    {
        using var folder = new TempDirectory();
        folder.Write("wide.png", Png(2000, 500));

        var docx = Fill(P("{{image chart}}"), """{"chart": "wide.png"}""", Indonesian with { BaseDirectory = folder.Path });

        var extent = Xml(docx).Descendants(Wp + "extent").Single();
        var textWidth = (11906L - 1134 - 1134) * 635;
        Assert.Equal((textWidth, textWidth / 4), ((long)extent.Attribute("cx")!, (long)extent.Attribute("cy")!));
    }

    [Fact]
    public void Render_ImageAsDataUri_IsInserted()
    {
        var uri = "data:image/png;base64," + Convert.ToBase64String(Png(20, 10));

        var docx = Fill(P("{{image logo}}"), $$"""{"logo": "{{uri}}"}""");

        Assert.Single(Entries(docx), e => e.StartsWith("word/media/", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PictureWithTagAsAltText_ReplacesTheImageKeepingSizeAndPosition()
    {
        using var folder = new TempDirectory();
        folder.Write("chart.png", Png(300, 100, grey: 50));
        var template = Create(P("Grafik:", AnchoredPicture("{{image chart}}", 3_000_000, 1_500_000)), picture: true);

        var docx = Fill(template, """{"chart": "chart.png"}""", Indonesian with { BaseDirectory = folder.Path });

        var xml = Xml(docx);
        var anchor = xml.Descendants(Wp + "anchor").Single();
        Assert.Equal(("3000000", "1500000"), ((string?)anchor.Element(Wp + "extent")!.Attribute("cx"), (string?)anchor.Element(Wp + "extent")!.Attribute("cy")));
        Assert.Equal("right", anchor.Element(Wp + "positionH")!.Value);
        Assert.Null(anchor.Element(Wp + "docPr")!.Attribute("descr"));
        var embed = (string)xml.Descendants(A + "blip").Single().Attribute(R + "embed")!;
        var rels = Xml(docx, "word/_rels/document.xml.rels").Root!.Elements().Single(r => (string?)r.Attribute("Id") == embed);
        Assert.Equal(Png(300, 100, grey: 50), Entry(docx, "word/" + (string)rels.Attribute("Target")!));
    }

    [Fact]
    public void Render_PictureInARepeatedRow_GetsEachItemsPictureAndUniqueDrawingIds()
    {
        using var folder = new TempDirectory();
        folder.Write("a.png", Png(40, 40, grey: 10));
        folder.Write("b.png", Png(40, 40, grey: 20));
        var body = Table(["Unit", "Logo"], ["{{#each units}}{{name}}", "{{image logo}}{{/each}}"]);

        var docx = Fill(body, """{"units": [{"name": "A", "logo": "a.png"}, {"name": "B", "logo": "b.png"}, {"name": "C", "logo": "a.png"}]}""",
            Indonesian with { BaseDirectory = folder.Path });

        var xml = Xml(docx);
        Assert.Equal(2, Entries(docx).Count(e => e.StartsWith("word/media/", StringComparison.Ordinal)));
        var ids = xml.Descendants(Wp + "docPr").Select(d => (string)d.Attribute("id")!).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        var embeds = xml.Descendants(A + "blip").Select(b => (string)b.Attribute(R + "embed")!).ToList();
        Assert.Equal(embeds[0], embeds[2]);
        Assert.NotEqual(embeds[0], embeds[1]);
    }

    [Fact]
    public void Render_AltTextPictureInARepeatedRow_CopiesTheDrawingWithFreshIds()
    {
        using var folder = new TempDirectory();
        folder.Write("a.png", Png(40, 40, grey: 10));
        var body = Table(["Unit", "Logo"], ["{{#each units}}{{name}}", P(AnchoredPicture("{{image logo}}", 360_000, 360_000, id: 5)) + P("{{/each}}")]);
        var template = Create(body, picture: true);

        var docx = Fill(template, """{"units": [{"name": "A", "logo": "a.png"}, {"name": "B", "logo": "a.png"}]}""", Indonesian with { BaseDirectory = folder.Path });

        var ids = Xml(docx).Descendants(Wp + "docPr").Select(d => (string)d.Attribute("id")!).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public void Render_PictureMissingOrUnreadable_IsAnErrorNamingIt()
    {
        using var folder = new TempDirectory();
        folder.Write("not-a-picture.png", "hello");
        var template = DocxTemplate.Load(Create(P("{{image a}}") + P("{{image b}}") + P("{{image c}}") + P("{{image d}}")));

        var error = Assert.Throws<TemplateException>(() => template.Render(
            JsonNode.Parse("""{"b": "nowhere.png", "c": "not-a-picture.png", "d": 5}"""), Indonesian with { BaseDirectory = folder.Path }));

        Assert.Collection(error.Issues,
            i => Assert.Equal(("paragraph 1", "no picture 'a' in the data"), (i.Location, i.Message)),
            i => Assert.Equal("paragraph 2", i.Location),
            i => Assert.Equal(("paragraph 3", "'not-a-picture.png' is not a PNG or JPEG picture"), (i.Location, i.Message)),
            i => Assert.Contains("must be a picture's file path", i.Message, StringComparison.Ordinal));
        Assert.StartsWith("there is no picture file 'nowhere.png'", error.Issues[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TagInThePicturesAltTitle_ReplacesTheImage()
    {
        var picture = AnchoredPicture("Grafik nilai", 1_000_000, 500_000).Replace("descr=\"Grafik nilai\"", "descr=\"Grafik nilai\" title=\"{{image chart}}\"", StringComparison.Ordinal);
        var uri = "data:image/png;base64," + Convert.ToBase64String(Png(20, 10));

        var docx = Fill(Create(P(picture), picture: true), $$"""{"chart": "{{uri}}"}""");

        var embed = (string)Xml(docx).Descendants(A + "blip").Single().Attribute(R + "embed")!;
        Assert.StartsWith("rIdZi", embed, StringComparison.Ordinal);
        var docPr = Xml(docx).Descendants(Wp + "docPr").Single();
        Assert.Equal(("Grafik nilai", null), ((string?)docPr.Attribute("descr"), (string?)docPr.Attribute("title")));
    }

    [Fact]
    public void Load_PictureAltTextThatIsNotAnImageTag_IsReported()
    {
        var issues = DocxTemplate.Check(Create(P(AnchoredPicture("{{chart}}", 100, 100)), picture: true));

        var issue = Assert.Single(issues);
        Assert.Equal(("document", "paragraph 1", "{{chart}}"), (issue.Part, issue.Location, issue.Snippet));
        Assert.Contains("may only hold {{image path}}", issue.Message, StringComparison.Ordinal);
    }
}
