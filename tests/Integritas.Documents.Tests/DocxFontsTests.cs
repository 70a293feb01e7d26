using System.IO.Compression;
using System.Text;
using Integritas.TestSupport;
using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>The fonts a Word document names for its Latin text, as the PDF check needs them.</summary>
public sealed class DocxFontsTests
{
    private const string Theme = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements><a:fontScheme name="Office">
        <a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
        <a:minorFont><a:latin typeface="Aptos"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>
        </a:fontScheme></a:themeElements></a:theme>
        """;

    /// <summary>A document with styles (and a theme) related to its main part, as Word saves one.</summary>
    private static byte[] WithStyles(byte[] docx, string styles, string? theme = null)
    {
        using var buffer = new MemoryStream();
        buffer.Write(docx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            void Put(string name, string content)
            {
                zip.GetEntry(name)?.Delete();
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(new UTF8Encoding(false).GetBytes(content));
            }
            var rels = "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + (theme is null ? "" : "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>");
            string existing;
            using (var reader = new StreamReader(zip.GetEntry("word/_rels/document.xml.rels")!.Open()))
            {
                existing = reader.ReadToEnd();
            }
            Put("word/_rels/document.xml.rels", existing.Replace("</Relationships>", rels + "</Relationships>", StringComparison.Ordinal));
            Put("word/styles.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles {Ns}>{styles}</w:styles>");
            if (theme is not null)
            {
                Put("word/theme/theme1.xml", theme);
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public void Named_ShippedTemplates_CalibriAndTheAnnualReportsConsolas()
    {
        Assert.Equal(["Calibri"], DocxFonts.Named(Repository.PathOf("templates", "briefing.docx")));
        Assert.Equal(["Calibri"], DocxFonts.Named(Repository.PathOf("templates", "daftar-kandidat.docx")));
        Assert.Equal(["Calibri"], DocxFonts.Named(Repository.PathOf("templates", "rapor-unit.docx")));
        Assert.Equal(["Calibri", "Consolas"], DocxFonts.Named(Repository.PathOf("templates", "laporan-tahunan.docx")));
    }

    [Fact]
    public void Named_StylesRunsAndHeader_EachFontOnceInTheOrderMet()
    {
        var body = P("<w:r><w:rPr><w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\"/></w:rPr><w:t>a</w:t></w:r>")
            + P("<w:r><w:rPr><w:rFonts w:hAnsi=\"Verdana\"/></w:rPr><w:t>b</w:t></w:r>");
        var header = P("<w:r><w:rPr><w:rFonts w:ascii=\"Cambria\" w:hAnsi=\"Cambria\"/></w:rPr><w:t>c</w:t></w:r>");
        var styles = "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"MS Mincho\" w:cs=\"Times New Roman\"/></w:rPr></w:rPrDefault></w:docDefaults>"
            + "<w:style w:type=\"character\" w:styleId=\"Code\"><w:rPr><w:rFonts w:ascii=\"georgia\" w:hAnsi=\"georgia\"/></w:rPr></w:style>";

        var fonts = DocxFonts.Named(WithStyles(WordFile.Create(body, header), styles));

        Assert.Equal(["Calibri", "georgia", "Verdana", "Cambria"], fonts);
    }

    [Fact]
    public void Named_ThemeFonts_AreTheThemesLatinTypefaces()
    {
        var styles = "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\" w:hAnsiTheme=\"minorHAnsi\" w:eastAsiaTheme=\"minorEastAsia\" w:cstheme=\"minorBidi\"/></w:rPr></w:rPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:rPr><w:rFonts w:asciiTheme=\"majorHAnsi\" w:hAnsiTheme=\"majorHAnsi\"/></w:rPr></w:style>";

        var fonts = DocxFonts.Named(WithStyles(WordFile.Create(P("a")), styles, Theme));

        Assert.Equal(["Aptos", "Calibri Light"], fonts);
    }

    [Fact]
    public void Named_NoFontsNamed_IsEmpty()
    {
        Assert.Empty(DocxFonts.Named(WordFile.Create(P("Laporan"))));
    }
}
