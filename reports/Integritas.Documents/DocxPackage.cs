using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>
/// A .docx as its zip entries, written back deterministically (fixed entry order and timestamps), so the
/// same template and data give the same bytes. Knows just enough OPC to add pictures to a part.
/// </summary>
internal sealed class DocxPackage
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace Ct = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string ImageRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    private const string DocumentRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    private readonly List<string> _order;
    private readonly Dictionary<string, byte[]> _entries;
    private readonly Dictionary<string, XDocument> _xml = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _rendered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _imageByHash = new(StringComparer.Ordinal);

    private DocxPackage(List<string> order, Dictionary<string, byte[]> entries)
    {
        _order = order;
        _entries = entries;
    }

    public static DocxPackage Read(byte[] docx)
    {
        var order = new List<string>();
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(docx, false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                order.Add(entry.FullName);
                entries[entry.FullName] = buffer.ToArray();
            }
        }
        catch (InvalidDataException ex)
        {
            throw new TemplateException([new TemplateIssue("package", "file", "", $"not a Word document (.docx): {ex.Message}")]);
        }
        if (!entries.ContainsKey("[Content_Types].xml"))
        {
            throw new TemplateException([new TemplateIssue("package", "file", "", "not a Word document (.docx): [Content_Types].xml is missing")]);
        }
        return new DocxPackage(order, entries);
    }

    /// <summary>A copy sharing the unchanged entries' bytes.</summary>
    public DocxPackage Clone() => new([.. _order], new Dictionary<string, byte[]>(_entries, StringComparer.Ordinal));

    /// <summary>The main document part and the headers, footers, footnotes and endnotes it relates to.</summary>
    public IReadOnlyList<string> TextParts()
    {
        var main = MainDocument();
        var parts = new List<string> { main };
        foreach (var rel in Relationships(main))
        {
            var type = (string?)rel.Attribute("Type") ?? "";
            if (type.EndsWith("/header", StringComparison.Ordinal) || type.EndsWith("/footer", StringComparison.Ordinal)
                || type.EndsWith("/footnotes", StringComparison.Ordinal) || type.EndsWith("/endnotes", StringComparison.Ordinal))
            {
                var target = Resolve(main, (string)rel.Attribute("Target")!);
                if (_entries.ContainsKey(target))
                {
                    parts.Add(target);
                }
            }
        }
        return parts;
    }

    /// <summary>The part <paramref name="part"/> relates to by a relationship type ending in <paramref name="typeSuffix"/> (<c>/styles</c>, <c>/theme</c>), if it is there.</summary>
    public string? RelatedPart(string part, string typeSuffix)
    {
        var rel = Relationships(part).FirstOrDefault(r => ((string?)r.Attribute("Type") ?? "").EndsWith(typeSuffix, StringComparison.Ordinal));
        var target = rel is null ? null : Resolve(part, (string)rel.Attribute("Target")!);
        return target is not null && _entries.ContainsKey(target) ? target : null;
    }

    public string MainDocument()
    {
        var rels = XmlOf("_rels/.rels");
        var target = rels.Root!.Elements(Rel + "Relationship").FirstOrDefault(r => (string?)r.Attribute("Type") == DocumentRelType)?.Attribute("Target")?.Value
            ?? throw new TemplateException([new TemplateIssue("package", "file", "", "not a Word document: no main document part")]);
        return target.TrimStart('/');
    }

    public XDocument XmlOf(string part)
    {
        if (!_xml.TryGetValue(part, out var doc))
        {
            using var stream = new MemoryStream(_entries[part], false);
            doc = XDocument.Load(stream, LoadOptions.PreserveWhitespace);
            _xml[part] = doc;
        }
        return doc;
    }

    /// <summary>Replaces a part with rendered markup; the bytes must stay valid until <see cref="Save"/>.</summary>
    public void SetRendered(string part, ReadOnlyMemory<byte> markup)
    {
        _xml.Remove(part);
        _rendered[part] = markup;
    }

    /// <summary>Adds a picture related to <paramref name="part"/> (once per distinct image) and returns its relationship id.</summary>
    public string AddImage(string part, byte[] bytes, string extension)
    {
        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..16];
        var key = part + "|" + hash;
        if (_imageByHash.TryGetValue(key, out var existing))
        {
            return existing;
        }
        var name = $"word/media/zi-{hash.ToLowerInvariant()}.{extension}";
        if (!_entries.ContainsKey(name))
        {
            _order.Add(name);
            _entries[name] = bytes;
        }
        EnsureDefaultContentType(extension, extension == "png" ? "image/png" : "image/jpeg");
        var relsPart = RelsPartOf(part);
        if (!_entries.ContainsKey(relsPart) && !_xml.ContainsKey(relsPart))
        {
            _order.Add(relsPart);
            _xml[relsPart] = new XDocument(new XElement(Rel + "Relationships"));
        }
        var rels = XmlOf(relsPart);
        var ids = rels.Root!.Elements(Rel + "Relationship").Select(r => (string?)r.Attribute("Id")).ToHashSet();
        var n = 1;
        while (ids.Contains($"rIdZi{n}"))
        {
            n++;
        }
        var id = $"rIdZi{n}";
        var directory = part.Contains('/') ? part[..part.LastIndexOf('/')] + "/" : "";
        rels.Root.Add(new XElement(Rel + "Relationship", new XAttribute("Id", id), new XAttribute("Type", ImageRelType),
            new XAttribute("Target", name.StartsWith(directory, StringComparison.Ordinal) ? name[directory.Length..] : "/" + name)));
        _imageByHash[key] = id;
        return id;
    }

    public byte[] Save()
    {
        using var output = new MemoryStream(_rendered.Values.Sum(r => r.Length) / 8 + 16384);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in _order)
            {
                // Pictures are compressed already: deflating them again costs time and saves nothing.
                var level = IsCompressedMedia(name) ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
                var entry = zip.CreateEntry(name, level);
                entry.LastWriteTime = FixedTime;
                using var stream = entry.Open();
                if (_rendered.TryGetValue(name, out var markup))
                {
                    stream.Write(markup.Span);
                }
                else if (_xml.TryGetValue(name, out var doc))
                {
                    WriteXml(doc, stream);
                }
                else
                {
                    stream.Write(_entries[name]);
                }
            }
        }
        return output.ToArray();
    }

    private static bool IsCompressedMedia(string name) =>
        name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gif", StringComparison.OrdinalIgnoreCase);

    /// <summary>The size of a part as stored in the template (a first guess at its rendered size).</summary>
    public int SizeOf(string part) => _entries.TryGetValue(part, out var bytes) ? bytes.Length : 0;

    private static void WriteXml(XDocument doc, Stream stream)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.None };
        using var writer = XmlWriter.Create(stream, settings);
        writer.WriteStartDocument(true);
        doc.Root!.WriteTo(writer);
        writer.WriteEndDocument();
    }

    private IEnumerable<XElement> Relationships(string part)
    {
        var rels = RelsPartOf(part);
        return _entries.ContainsKey(rels) || _xml.ContainsKey(rels) ? XmlOf(rels).Root!.Elements(Rel + "Relationship") : [];
    }

    private static string RelsPartOf(string part)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? $"_rels/{part}.rels" : $"{part[..slash]}/_rels/{part[(slash + 1)..]}.rels";
    }

    private static string Resolve(string fromPart, string target)
    {
        if (target.StartsWith('/'))
        {
            return target[1..];
        }
        var directory = fromPart.Contains('/') ? fromPart[..fromPart.LastIndexOf('/')] : "";
        var segments = new List<string>(directory.Length == 0 ? [] : directory.Split('/'));
        foreach (var s in target.Split('/'))
        {
            if (s == "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (s != ".")
            {
                segments.Add(s);
            }
        }
        return string.Join('/', segments);
    }

    private void EnsureDefaultContentType(string extension, string contentType)
    {
        var types = XmlOf("[Content_Types].xml");
        if (!types.Root!.Elements(Ct + "Default").Any(d => string.Equals((string?)d.Attribute("Extension"), extension, StringComparison.OrdinalIgnoreCase)))
        {
            types.Root.AddFirst(new XElement(Ct + "Default", new XAttribute("Extension", extension), new XAttribute("ContentType", contentType)));
        }
    }
}
