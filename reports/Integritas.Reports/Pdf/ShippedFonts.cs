using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Integritas.Reports.Pdf;

/// <summary>
/// A font family shipped with zi: the family a template names for it (<see cref="StandsFor"/>, e.g. Calibri for
/// Carlito), or none for a fallback that only supplies glyphs the others lack; and the stem of its files' names (<c>Carlito</c>: Carlito-Regular.ttf…).
/// </summary>
public sealed record ShippedFamily(string Family, string? StandsFor, string FilePrefix);

/// <summary>
/// The fonts shipped with zi (<c>fonts/</c> beside the executable, built from <c>reports/Integritas.Reports/Fonts</c>
/// and the charts' DejaVu Sans; licences beside them) and the private fontconfig configuration that makes LibreOffice
/// lay a PDF out with them, whatever the host has: the host's own configuration, plus the shipped folder, minus the
/// host's copies of the shipped families and of the fonts they stand in for (a host's own Calibri or another Carlito
/// version would move lines), with Calibri and Consolas mapped to their stand-ins.
/// </summary>
public sealed class ShippedFonts(string folder)
{
    public const string FolderName = "fonts";

    /// <summary>
    /// What is shipped. Carlito is metric-compatible with Calibri, the templates' text font (SIL OFL 1.1). No open
    /// font has Consolas's metrics (0.55 em); Liberation Mono (0.6 em, SIL OFL 1.1) sets the annual report's 12-character
    /// SHA-256 column, which fits either way. DejaVu Sans (Bitstream Vera licence) supplies the glyphs Carlito lacks (✓).
    /// </summary>
    public static IReadOnlyList<ShippedFamily> Families { get; } =
    [
        new("Carlito", "Calibri", "Carlito"),
        new("Liberation Mono", "Consolas", "LiberationMono"),
        new("DejaVu Sans", null, "DejaVuSans"),
    ];

    /// <summary>The fonts beside the executable.</summary>
    public static ShippedFonts Default { get; } = new(Path.Combine(AppContext.BaseDirectory, FolderName));

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>The font files shipped, in name order; none when the folder is missing.</summary>
    public IReadOnlyList<string> Files => Directory.Exists(Folder)
        ? [.. Directory.EnumerateFiles(Folder).Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The shipped families whose files are there.</summary>
    public IReadOnlyList<ShippedFamily> Present
    {
        get
        {
            var files = Files.Select(Path.GetFileName).ToList();
            return [.. Families.Where(f => files.Any(n => IsFileOf(f, n!)))];
        }
    }

    /// <summary>Whether text in <paramref name="family"/> (as a template names it: Calibri, or Carlito itself) is set in a shipped font.</summary>
    public bool Covers(string family) =>
        Present.Any(f => SameFamily(f.Family, family) || f.StandsFor is { } standsFor && SameFamily(standsFor, family));

    /// <summary>The shipped family text in <paramref name="family"/> is set in, if any (Calibri → Carlito).</summary>
    public string? StandIn(string family) =>
        Present.FirstOrDefault(f => SameFamily(f.Family, family) || f.StandsFor is { } standsFor && SameFamily(standsFor, family))?.Family;

    /// <summary>Font names compare as fontconfig compares them: without case and blanks.</summary>
    public static bool SameFamily(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);

    internal static string Key(string family) => string.Concat(family.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>
    /// The host's fontconfig file the private one builds on: <c>FONTCONFIG_FILE</c> when set, else <c>fonts.conf</c>
    /// in <c>FONTCONFIG_PATH</c>, else <c>/etc/fonts/fonts.conf</c>.
    /// </summary>
    public static string HostConfiguration()
    {
        if (Environment.GetEnvironmentVariable("FONTCONFIG_FILE") is { Length: > 0 } file && Path.IsPathRooted(file))
        {
            return file;
        }
        if (Environment.GetEnvironmentVariable("FONTCONFIG_PATH") is { Length: > 0 } path)
        {
            return Path.Combine(path.Split(Path.PathSeparator)[0], "fonts.conf");
        }
        return "/etc/fonts/fonts.conf";
    }

    /// <summary>
    /// Writes <c>fonts.conf</c> into <paramref name="directory"/> (its font cache beside it) and returns its path: the file
    /// to give LibreOffice as <c>FONTCONFIG_FILE</c>.
    /// </summary>
    public string WriteConfiguration(string directory, string hostConfiguration)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "fonts.conf");
        var files = Files;
        var present = Present;
        var fallbacks = present.Where(f => f.StandsFor is null).Select(f => f.Family).ToList();
        var config = new XElement("fontconfig",
            new XComment(" Written by zi for one LibreOffice run: the fonts shipped with zi in place of the host's of the same names. "),
            // First, so the cache of the shipped folder is written here and goes with the run, not into the host's cache.
            new XElement("cachedir", Path.Combine(directory, "cache")),
            new XElement("include", new XAttribute("ignore_missing", "yes"), hostConfiguration),
            new XElement("dir", Folder),
            new XElement("selectfont",
                // Accepted fonts are exempt from the rejections below (fontconfig compares patterns with patterns, globs with globs).
                new XElement("acceptfont", files.Select(f => Pattern("file", f))),
                new XElement("rejectfont", present.SelectMany(f => new[] { f.Family, f.StandsFor }).OfType<string>().Select(n => Pattern("family", n)))),
            present.Where(f => f.StandsFor is not null).Select(f => Substitute(f.StandsFor!, f.Family, "assign")),
            present.Where(f => f.StandsFor is not null).SelectMany(f => fallbacks.Select(fallback => Substitute(f.Family, fallback, "append"))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XDocumentType("fontconfig", null, "urn:fontconfig:fonts.dtd", null), config);
        using (var writer = XmlWriter.Create(path, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }
        return path;
    }

    private static XElement Pattern(string element, string value) =>
        new("pattern", new XElement("patelt", new XAttribute("name", element), new XElement("string", value)));

    /// <summary>
    /// <c>assign</c>: a request for <paramref name="family"/> becomes one for <paramref name="replacement"/>;
    /// <c>append</c>: <paramref name="replacement"/> is tried right after it, for glyphs it lacks.
    /// </summary>
    private static XElement Substitute(string family, string replacement, string mode) =>
        new("match", new XAttribute("target", "pattern"),
            new XElement("test", new XAttribute("qual", "any"), new XAttribute("name", "family"), new XElement("string", family)),
            new XElement("edit", new XAttribute("name", "family"), new XAttribute("mode", mode), new XAttribute("binding", "strong"), new XElement("string", replacement)));

    /// <summary>Carlito-Bold.ttf and DejaVuSans.ttf are files of Carlito and DejaVu Sans; DejaVuSansMono.ttf is not.</summary>
    private static bool IsFileOf(ShippedFamily family, string fileName) =>
        fileName.Length > family.FilePrefix.Length && fileName.StartsWith(family.FilePrefix, StringComparison.Ordinal) && fileName[family.FilePrefix.Length] is '-' or '.';
}
