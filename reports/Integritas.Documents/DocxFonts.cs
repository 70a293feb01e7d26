using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>
/// The fonts a Word document names for its Latin text: the <c>w:ascii</c> and <c>w:hAnsi</c> fonts of its styles,
/// document defaults and runs (body, headers, footers, notes), a theme font (<c>w:asciiTheme</c>, <c>w:hAnsiTheme</c>)
/// resolved through the document's theme. East Asian and complex-script fonts (<c>w:eastAsia</c>, <c>w:cs</c>) are
/// left out: a report in Bahasa Indonesia has no text set in them, and Word names them in every document it saves.
/// Numbering (bullet fonts such as Symbol) is left out too: LibreOffice draws bullets from its own OpenSymbol.
/// </summary>
public static class DocxFonts
{
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    /// <summary>The font families named, each once (first spelling kept), in the order first met.</summary>
    public static IReadOnlyList<string> Named(byte[] docx)
    {
        var package = DocxPackage.Read(docx);
        var main = package.MainDocument();
        var theme = package.RelatedPart(main, "/theme") is { } themePart ? ThemeFonts(package.XmlOf(themePart)) : [];
        var parts = new List<string>();
        if (package.RelatedPart(main, "/styles") is { } styles)
        {
            parts.Add(styles);
        }
        parts.AddRange(package.TextParts());
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts)
        {
            foreach (var fonts in package.XmlOf(part).Descendants(W.Ns + "rFonts"))
            {
                foreach (var name in new[] { Font(fonts, "ascii", theme), Font(fonts, "hAnsi", theme) })
                {
                    if (!string.IsNullOrWhiteSpace(name) && seen.Add(name.Trim()))
                    {
                        names.Add(name.Trim());
                    }
                }
            }
        }
        return names;
    }

    public static IReadOnlyList<string> Named(string path) => Named(File.ReadAllBytes(path));

    /// <summary>A theme reference wins over the explicit name, as in Word (ECMA-376 Part 1, 17.3.2.26).</summary>
    private static string? Font(XElement fonts, string slot, Dictionary<string, string> theme)
    {
        var reference = (string?)fonts.Attribute(W.Ns + (slot + "Theme"));
        if (reference is not null)
        {
            return theme.GetValueOrDefault(reference.StartsWith("major", StringComparison.Ordinal) ? "major" : "minor");
        }
        return (string?)fonts.Attribute(W.Ns + slot);
    }

    /// <summary>The theme's Latin fonts: <c>major</c> (headings) and <c>minor</c> (body).</summary>
    private static Dictionary<string, string> ThemeFonts(XDocument theme)
    {
        var fonts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, element) in new[] { ("major", "majorFont"), ("minor", "minorFont") })
        {
            var typeface = (string?)theme.Descendants(A + element).FirstOrDefault()?.Element(A + "latin")?.Attribute("typeface");
            if (!string.IsNullOrWhiteSpace(typeface))
            {
                fonts[key] = typeface;
            }
        }
        return fonts;
    }
}
