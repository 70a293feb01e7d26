using System.IO.Compression;
using System.Text;

namespace Integritas.TestSupport;

/// <summary>Minimal Word documents written from body XML (WordprocessingML), and small valid PNGs to put in them.</summary>
public static class WordFile
{
    public const string Ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\"";

    /// <summary>A paragraph of runs, each given as plain text (bold when it starts with '*'), or as markup when it starts with '&lt;'.</summary>
    public static string P(params string[] runs) => "<w:p>" + string.Concat(runs.Select(Run)) + "</w:p>";

    /// <summary>A run of text (bold when it starts with '*'); markup (starting with '&lt;') is taken as is.</summary>
    public static string Run(string text) => text.StartsWith('<') ? text
        : text.StartsWith('*') ? $"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{Escape(text[1..])}</w:t></w:r>"
        : $"<w:r><w:t xml:space=\"preserve\">{Escape(text)}</w:t></w:r>";

    /// <summary>A table; a cell given as markup starting with "&lt;w:p" is taken as its content, other text becomes one paragraph.</summary>
    public static string Table(params string[][] rows) =>
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>" + string.Concat(rows[0].Select(_ => "<w:gridCol w:w=\"2000\"/>")) + "</w:tblGrid>"
        + string.Concat(rows.Select(r => "<w:tr>" + string.Concat(r.Select(c => $"<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>{(c.StartsWith("<w:p", StringComparison.Ordinal) ? c : P(c))}</w:tc>")) + "</w:tr>"))
        + "</w:tbl>";

    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A .docx with the body (and header, footer); <paramref name="picture"/> adds a placeholder image related as rIdImg.</summary>
    public static byte[] Create(string body, string? header = null, string? footer = null, bool picture = false, string sectionExtra = "")
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, true))
        {
            void Add(string name, string content) => AddBytes(name, new UTF8Encoding(false).GetBytes(content));
            void AddBytes(string name, byte[] content)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
            var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdLink\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>");
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
            if (picture)
            {
                rels.Append("<Relationship Id=\"rIdImg\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/placeholder.png\"/>");
                types.Append("<Default Extension=\"png\" ContentType=\"image/png\"/>");
                AddBytes("word/media/placeholder.png", Png(10, 10, 200));
            }
            Add("[Content_Types].xml", types.Append("</Types>").ToString());
            Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Add("word/_rels/document.xml.rels", rels.Append("</Relationships>").ToString());
            Add("word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {Ns} mc:Ignorable=\"w14\"><w:body>{body}<w:sectPr>{refs}{sectionExtra}<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
        }
        return output.ToArray();
    }

    /// <summary>A valid PNG of the given size, filled with one grey level (different levels give different bytes).</summary>
    public static byte[] Png(int width, int height, byte grey = 0) => Png(width, height, (_, _) => (grey, grey, grey));

    /// <summary>A valid PNG drawn pixel by pixel.</summary>
    public static byte[] Png(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        using var stream = new MemoryStream();
        static void Chunk(Stream s, string type, byte[] data)
        {
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            s.Write(length);
            var typeBytes = Encoding.ASCII.GetBytes(type);
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
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                var at = y * (1 + width * 3) + 1 + x * 3;
                (raw[at], raw[at + 1], raw[at + 2]) = (r, g, b);
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, true))
        {
            z.Write(raw);
        }
        Chunk(stream, "IDAT", compressed.ToArray());
        Chunk(stream, "IEND", []);
        return stream.ToArray();
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
}
