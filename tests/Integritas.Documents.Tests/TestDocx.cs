using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Integritas.TestSupport;

namespace Integritas.Documents.Tests;

/// <summary>Minimal Word documents written from body XML, and readers for what a filled document says.</summary>
internal static class TestDocx
{
    public const string Ns = WordFile.Ns;
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    public static readonly RenderOptions Indonesian = new() { Culture = CultureInfo.GetCultureInfo("id-ID") };

    /// <summary>A paragraph of runs, each given as plain text (bold when it starts with '*'), or as markup when it starts with '&lt;'.</summary>
    public static string P(params string[] runs) => WordFile.P(runs);

    public static string Run(string text) => WordFile.Run(text);

    public static string Table(params string[][] rows) => WordFile.Table(rows);

    /// <summary>A hyperlink (to https://example.org) around runs given as for <see cref="P"/>.</summary>
    public static string Link(params string[] runs) => "<w:hyperlink r:id=\"rIdLink\">" + string.Concat(runs.Select(Run)) + "</w:hyperlink>";

    /// <summary>A run holding a text box as Word 2010+ writes it: a DrawingML shape, with a VML copy for older readers.</summary>
    public static string TextBox(string paragraphs, int id = 10) =>
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        + $"<wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" relativeHeight=\"{id}\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
        + "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>"
        + "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>"
        + "<wp:extent cx=\"2540000\" cy=\"635000\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapSquare wrapText=\"bothSides\"/>"
        + $"<wp:docPr id=\"{id}\" name=\"Kotak Teks {id}\"/><wp:cNvGraphicFramePr/>"
        + "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:cNvSpPr txBox=\"1\"/>"
        + "<wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"2540000\" cy=\"635000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></wps:spPr>"
        + $"<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        + "</w:drawing></mc:Choice><mc:Fallback>" + VmlTextBox(paragraphs, inRun: false) + "</mc:Fallback></mc:AlternateContent></w:r>";

    /// <summary>A text box in VML only (as older Word versions write it).</summary>
    public static string VmlTextBox(string paragraphs, bool inRun = true)
    {
        var pict = "<w:pict><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" path=\"m,l,21600r21600,l21600,xe\"/>"
            + $"<v:shape id=\"tb\" type=\"#_x0000_t202\" style=\"width:200pt;height:50pt\"><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict>";
        return inRun ? "<w:r>" + pict + "</w:r>" : pict;
    }

    /// <summary>A run holding a floating picture of the placeholder image (<see cref="Create"/> with picture: true).</summary>
    public static string AnchoredPicture(string alt, long cx, long cy, int id = 20) =>
        "<w:r><w:drawing>"
        + $"<wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" relativeHeight=\"{id}\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
        + "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"margin\"><wp:align>right</wp:align></wp:positionH>"
        + "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>127000</wp:posOffset></wp:positionV>"
        + $"<wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapSquare wrapText=\"bothSides\"/>"
        + $"<wp:docPr id=\"{id}\" name=\"Gambar {id}\" descr=\"{Escape(alt).Replace("\"", "&quot;", StringComparison.Ordinal)}\"/><wp:cNvGraphicFramePr/>"
        + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
        + "<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"placeholder.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
        + "<pic:blipFill><a:blip r:embed=\"rIdImg\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        + $"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
        + "</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>";

    public static string Bookmark(int id, string name, params string[] runs) =>
        $"<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/>" + string.Concat(runs.Select(Run)) + $"<w:bookmarkEnd w:id=\"{id}\"/>";

    private static string Escape(string text) => WordFile.Escape(text);

    /// <summary>A .docx with the body (and header, footer); <paramref name="picture"/> adds a placeholder image related as rIdImg.</summary>
    public static byte[] Create(string body, string? header = null, string? footer = null, bool picture = false, string sectionExtra = "") =>
        WordFile.Create(body, header, footer, picture, sectionExtra);

    /// <summary>Loads the template and fills it, then checks the result is sound: schema-valid, no tag or engine markup left.</summary>
    public static byte[] Fill(byte[] template, string json, RenderOptions? options = null)
    {
        var docx = DocxTemplate.Load(template).Render(JsonNode.Parse(json), options ?? Indonesian);
        AssertSound(docx);
        return docx;
    }

    public static byte[] Fill(string body, string json, RenderOptions? options = null) => Fill(Create(body), json, options);

    /// <summary>What every filled document must be: valid for OpenXmlValidator, with no {{, }} or engine markup in any part.</summary>
    public static void AssertSound(byte[] docx)
    {
        var errors = Validate(docx);
        Assert.True(errors.Count == 0, "OpenXmlValidator: " + string.Join("\n", errors));
        foreach (var part in Entries(docx).Where(e => e.StartsWith("word/", StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.Ordinal)))
        {
            var xml = Xml(docx, part).ToString();
            Assert.DoesNotContain("{{", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("urn:integritas", xml, StringComparison.Ordinal);
        }
    }

    /// <summary>The text of a part, one line per paragraph; table cells joined by " | " on their row's line (paragraphs in a cell by " / ").</summary>
    public static string Text(byte[] docx, string part = "word/document.xml")
    {
        var root = Xml(docx, part).Root!;
        var lines = new List<string>();
        void Walk(XElement element)
        {
            foreach (var child in element.Elements())
            {
                if (child.Name == W + "p")
                {
                    lines.Add(ParagraphText(child));
                }
                else if (child.Name == W + "tbl")
                {
                    foreach (var row in child.Elements(W + "tr"))
                    {
                        lines.Add(string.Join(" | ", row.Elements(W + "tc").Select(c => string.Join(" / ", c.Elements().Where(e => e.Name == W + "p" || e.Name == W + "tbl")
                            .Select(e => e.Name == W + "p" ? ParagraphText(e) : "[table]")))));
                    }
                }
                else
                {
                    Walk(child);
                }
            }
        }
        Walk(root);
        return string.Join("\n", lines);
    }

    /// <summary>The paragraph's own text (not that of text boxes anchored in it).</summary>
    public static string ParagraphText(XElement p) => string.Concat(p.Descendants()
        .Where(e => (e.Name == W + "t" || e.Name == W + "br" || e.Name == W + "tab") && e.Ancestors(W + "p").First() == p)
        .Select(e => e.Name == W + "t" ? e.Value : e.Name == W + "br" ? "\n" : "\t"));

    /// <summary>The text of each text box of a part (Word's fallback copies left out), paragraphs joined by " / ".</summary>
    public static IReadOnlyList<string> TextBoxes(byte[] docx, string part = "word/document.xml") =>
        [.. Xml(docx, part).Descendants(W + "txbxContent")
            .Where(t => !t.Ancestors(Mc + "Fallback").Any() && !t.Ancestors(W + "txbxContent").Any())
            .Select(t => string.Join(" / ", t.Elements(W + "p").Select(ParagraphText)))];

    public static XDocument Xml(byte[] docx, string part = "word/document.xml")
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(part)!.Open();
        return XDocument.Load(stream);
    }

    public static byte[] Entry(byte[] docx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(name)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static IReadOnlyList<string> Entries(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>Every schema error OpenXmlValidator finds (empty when the document is valid).</summary>
    public static IReadOnlyList<string> Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return [.. new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }

    /// <summary>A valid PNG of the given size, filled with one grey level (different levels give different bytes).</summary>
    public static byte[] Png(int width, int height, byte grey = 0) => WordFile.Png(width, height, grey);

    /// <summary>A valid PNG drawn pixel by pixel.</summary>
    public static byte[] Png(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel) => WordFile.Png(width, height, pixel);
}
