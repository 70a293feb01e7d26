using System.Globalization;
using System.Text.Json.Nodes;
using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

public class DocxTemplateTests
{
    private static readonly RenderOptions Indonesian = new() { Culture = CultureInfo.GetCultureInfo("id-ID") };

    private static byte[] Render(string body, string json, RenderOptions? options = null) =>
        DocxTemplate.Load(Create(body)).Render(JsonNode.Parse(json), options ?? Indonesian);

    [Fact]
    public void Render_TagSplitAcrossRunsByWord_IsFoundAndKeepsTheFirstRunsFormatting()
    {
        var body = P("Tahun ", "*{{ye", "ar", "}}", " selesai");

        var docx = Render(body, """{"year": 2025}""");

        Assert.Equal("Tahun 2025 selesai", Text(docx));
        var run = Xml(docx).Descendants().First(e => e.Name.LocalName == "t" && e.Value == "2025").Parent!;
        Assert.NotNull(run.Descendants().FirstOrDefault(e => e.Name.LocalName == "b"));
    }

    [Fact]
    public void Render_CurlyQuotesFromWord_WorkInFilterArguments()
    {
        var docx = Render(P("{{missing | default:\u201C-\u201D}}"), "{}");

        Assert.Equal("-", Text(docx));
    }

    [Fact]
    public void Render_NumberAndPercentFilters_UseTheDocumentCulture()
    {
        var docx = Render(P("{{a | number:2}} / {{b | percent:1}} / {{c | number:0}}"), """{"a": 75.324, "b": 0.8125, "c": 1234567}""");

        Assert.Equal("75,32 / 81,3% / 1.234.567", Text(docx));
    }

    [Fact]
    public void Render_EachInOneTableRow_RepeatsTheRow()
    {
        var body = Table(["No", "Unit"], ["{{#each units}}{{@no}}", "{{name}}{{/each}}"]);

        var docx = Render(body, """{"units": [{"name": "A"}, {"name": "B"}, {"name": "C"}]}""");

        Assert.Equal("No | Unit\n1 | A\n2 | B\n3 | C", Text(docx));
    }

    [Fact]
    public void Render_EachOverAnEmptyList_LeavesTheHeaderRow()
    {
        var body = Table(["No", "Unit"], ["{{#each units}}{{@no}}", "{{name}}{{/each}}"]);

        Assert.Equal("No | Unit", Text(Render(body, """{"units": []}""")));
    }

    [Fact]
    public void Render_EachInOwnParagraphs_RepeatsTheParagraphsBetween()
    {
        var body = P("Daftar:") + P("{{#each units}}") + P("- ", "{{name}}") + P("  skor {{score}}") + P("{{/each}}") + P("Selesai");

        var docx = Render(body, """{"units": [{"name": "A", "score": 1}, {"name": "B", "score": 2}]}""");

        Assert.Equal("Daftar:\n- A\n  skor 1\n- B\n  skor 2\nSelesai", Text(docx));
    }

    [Fact]
    public void Render_InlineIfElse_PicksTheBranch()
    {
        var body = P("Status: {{#if ready}}siap{{else}}belum siap{{/if}}.") + P("{{#if total >= 75}}lulus{{else}}tidak lulus{{/if}}");

        Assert.Equal("Status: siap.\nlulus", Text(Render(body, """{"ready": true, "total": 75}""")));
        Assert.Equal("Status: belum siap.\ntidak lulus", Text(Render(body, """{"ready": false, "total": 74.99}""")));
    }

    [Fact]
    public void Render_NestedLoops_ReachOuterFields()
    {
        var body = P("{{#each groups}}{{name}}: {{#each items}}{{this}} ({{name}}/{{title}}) {{/each}}{{/each}}");

        var docx = Render(body, """{"title": "T", "groups": [{"name": "g1", "items": [1, 2]}, {"name": "g2", "items": [3]}]}""");

        Assert.Equal("g1: 1 (g1/T) 2 (g1/T) g2: 3 (g2/T) ", Text(docx));
    }

    [Fact]
    public void Render_ImageTagAloneInAParagraph_InsertsThePicture()
    {
        using var folder = new TestSupport.TempDirectory();
        folder.Write("chart.png", Png(400, 200));
        var template = DocxTemplate.Load(Create(P("{{image chart}}")));

        var docx = template.Render(JsonNode.Parse("""{"chart": "chart.png"}"""), Indonesian with { BaseDirectory = folder.Path });

        Assert.Contains(Entries(docx), e => e.StartsWith("word/media/", StringComparison.Ordinal) && e.EndsWith(".png", StringComparison.Ordinal));
        Assert.Single(Xml(docx).Descendants(), e => e.Name.LocalName == "drawing");
        Assert.Empty(Validate(docx));
    }

    [Fact]
    public void Render_HeaderAndFooterTags_AreFilled()
    {
        var template = DocxTemplate.Load(Create(P("Isi"), header: P("Laporan {{year}}"), footer: P("Unit {{unit}}")));

        var docx = template.Render(JsonNode.Parse("""{"year": 2025, "unit": "BPS"}"""), Indonesian);

        Assert.Equal("Laporan 2025", Text(docx, "word/header1.xml"));
        Assert.Equal("Unit BPS", Text(docx, "word/footer1.xml"));
    }

    [Fact]
    public void Render_MissingValue_IsAnErrorNamingTheTagAndPlace()
    {
        var template = DocxTemplate.Load(Create(P("Satu") + P("Nilai {{total}}")));

        var error = Assert.Throws<TemplateException>(() => template.Render(JsonNode.Parse("{}"), Indonesian));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("document", "paragraph 2", "{{total}}"), (issue.Part, issue.Location, issue.Snippet));
        Assert.Contains("no value 'total'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NullValue_IsNeverTheWordNull()
    {
        var template = DocxTemplate.Load(Create(P("{{x}}")));

        Assert.Throws<TemplateException>(() => template.Render(JsonNode.Parse("""{"x": null}"""), Indonesian));
        Assert.Equal("-", Text(DocxTemplate.Load(Create(P("{{x | default:\"-\"}}"))).Render(JsonNode.Parse("""{"x": null}"""), Indonesian)));
    }

    [Fact]
    public void Render_Output_HasNoLeftoverTagsAndValidates()
    {
        var body = P("{{title | upper}}") + Table(["A", "B"], ["{{#each rows}}{{a}}", "{{b | number:1}}{{/each}}"]) + P("{{#if note}}{{note}}{{/if}}");

        var docx = Render(body, """{"title": "judul", "rows": [{"a": "x", "b": 1.25}], "note": ""}""");

        Assert.DoesNotContain("{{", Text(docx), StringComparison.Ordinal);
        Assert.DoesNotContain("}}", Text(docx), StringComparison.Ordinal);
        Assert.Empty(Validate(docx));
        Assert.DoesNotContain("urn:integritas", Xml(docx).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInput_GivesTheSameBytes()
    {
        var template = DocxTemplate.Load(Create(P("{{a}}") + Table(["x"], ["{{#each l}}{{this}}{{/each}}"])));
        var data = JsonNode.Parse("""{"a": "b", "l": [1, 2, 3]}""");

        Assert.Equal(template.Render(data, Indonesian), template.Render(data, Indonesian));
    }

    [Fact]
    public void Check_BrokenTemplate_ListsEveryDefect()
    {
        var body = P("{{#each units}}") + P("{{name | bogus}}") + P("{{#if a}} tanpa penutup") + P("{{/each}}") + P("teks {{tidak ditutup");

        var issues = DocxTemplate.Check(Create(body));

        Assert.Contains(issues, i => i.Message.Contains("unknown filter 'bogus'", StringComparison.Ordinal) && i.Location == "paragraph 2");
        Assert.Contains(issues, i => i.Message.Contains("{{/each}} found while {{#if a}}", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Message.Contains("never closed", StringComparison.Ordinal) && i.Location == "paragraph 5");
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>A valid PNG of the given size (one colour).</summary>
    internal static byte[] Png(int width, int height)
    {
        using var stream = new MemoryStream();
        static void Chunk(Stream s, string type, byte[] data)
        {
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            s.Write(length);
            var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
            s.Write(typeBytes);
            s.Write(data);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
            s.Write(crc);
        }
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk(stream, "IHDR", ihdr);
        var raw = new byte[height * (1 + width * 3)];
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, true))
        {
            z.Write(raw);
        }
        Chunk(stream, "IDAT", compressed.ToArray());
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }
}
