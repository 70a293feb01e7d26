using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Integritas.Documents.Tests;

/// <summary>Minimal Word documents written from body XML, and readers for what a filled document says.</summary>
internal static class TestDocx
{
    public const string Ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A paragraph of runs, each given as plain text (bold when it starts with '*').</summary>
    public static string P(params string[] runs) => "<w:p>" + string.Concat(runs.Select(R)) + "</w:p>";

    public static string R(string text) => text.StartsWith('*')
        ? $"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{Escape(text[1..])}</w:t></w:r>"
        : $"<w:r><w:t xml:space=\"preserve\">{Escape(text)}</w:t></w:r>";

    public static string Table(params string[][] rows) =>
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>" + string.Concat(rows[0].Select(_ => "<w:gridCol w:w=\"2000\"/>")) + "</w:tblGrid>"
        + string.Concat(rows.Select(r => "<w:tr>" + string.Concat(r.Select(c => $"<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>{(c.StartsWith("<w:p", StringComparison.Ordinal) ? c : P(c))}</w:tc>")) + "</w:tr>"))
        + "</w:tbl>";

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static byte[] Create(string body, string? header = null, string? footer = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
            var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
            var refs = "";
            if (header is not null)
            {
                rels.Append("<Relationship Id=\"rIdH\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>");
                types.Append("<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>");
                refs += "<w:headerReference w:type=\"default\" r:id=\"rIdH\"/>";
                Add("word/header1.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr {Ns}>{header}</w:hdr>");
            }
            if (footer is not null)
            {
                rels.Append("<Relationship Id=\"rIdF\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>");
                types.Append("<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>");
                refs += "<w:footerReference w:type=\"default\" r:id=\"rIdF\"/>";
                Add("word/footer1.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:ftr {Ns}>{footer}</w:ftr>");
            }
            Add("[Content_Types].xml", types.Append("</Types>").ToString());
            Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Add("word/_rels/document.xml.rels", rels.Append("</Relationships>").ToString());
            Add("word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {Ns}><w:body>{body}<w:sectPr>{refs}<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
        }
        return output.ToArray();
    }

    /// <summary>The text of a part, one line per paragraph; table cells joined by " | " on their row's line.</summary>
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
                        lines.Add(string.Join(" | ", row.Elements(W + "tc").Select(c => string.Join(" / ", c.Elements(W + "p").Select(ParagraphText)))));
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

    private static string ParagraphText(XElement p) => string.Concat(p.Descendants().Where(e => e.Name == W + "t" || e.Name == W + "br" || e.Name == W + "tab")
        .Select(e => e.Name == W + "t" ? e.Value : e.Name == W + "br" ? "\n" : "\t"));

    public static XDocument Xml(byte[] docx, string part = "word/document.xml")
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(part)!.Open();
        return XDocument.Load(stream);
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
}
