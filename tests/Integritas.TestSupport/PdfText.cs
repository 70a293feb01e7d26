using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Integritas.TestSupport;

/// <summary>A line of a PDF as poppler's <c>pdftotext -bbox-layout</c> groups it: its page and its words.</summary>
public sealed record PdfLine(int Page, IReadOnlyList<string> Words)
{
    public override string ToString() => string.Join(' ', Words);
}

/// <summary>
/// A word or number that a PDF breaks across two lines of one block (a table cell is a block): the part ending one
/// line and the part starting the next, with both lines.
/// </summary>
public sealed record PdfSplit(int Page, string Before, string After, PdfLine First, PdfLine Second)
{
    public override string ToString() => $"page {Page}: \"{Before}\" + \"{After}\" (\"{First}\" / \"{Second}\")";
}

/// <summary>What poppler reads out of a PDF (Debian: poppler-utils): its text as laid out, its blocks of lines.</summary>
public static partial class PdfText
{
    public const string Missing = "pdftotext (poppler-utils) is not on PATH; install poppler-utils to run this test.";

    public static bool Available => Run("pdftotext", ["-v"]) is not null;

    /// <summary><c>pdftotext -layout</c>: the text as it stands on the pages.</summary>
    public static string Layout(string pdf) => Run("pdftotext", ["-layout", pdf, "-"]) ?? throw new InvalidOperationException(Missing);

    /// <summary>The fonts embedded in the PDF (<c>pdffonts</c>), without subset prefixes: Carlito, Carlito-Bold…</summary>
    public static IReadOnlySet<string> Fonts(string pdf)
    {
        var listing = Run("pdffonts", [pdf]) ?? throw new InvalidOperationException(Missing);
        return listing.Split('\n').Skip(2).Select(l => l.Split(' ', 2)[0]).Where(n => n.Length > 0)
            .Select(n => n.Contains('+', StringComparison.Ordinal) ? n[(n.IndexOf('+', StringComparison.Ordinal) + 1)..] : n).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The PDF's blocks (paragraphs, table cells), each as its lines.</summary>
    public static IReadOnlyList<IReadOnlyList<PdfLine>> Blocks(string pdf)
    {
        var xhtml = Run("pdftotext", ["-bbox-layout", pdf, "-"]) ?? throw new InvalidOperationException(Missing);
        using var reader = XmlReader.Create(new StringReader(xhtml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var document = XDocument.Load(reader);
        XNamespace x = "http://www.w3.org/1999/xhtml";
        var blocks = new List<IReadOnlyList<PdfLine>>();
        var page = 0;
        foreach (var pageElement in document.Descendants(x + "page"))
        {
            page++;
            foreach (var block in pageElement.Descendants(x + "block"))
            {
                blocks.Add([.. block.Elements(x + "line").Select(l => new PdfLine(page, [.. l.Elements(x + "word").Select(w => w.Value)]))]);
            }
        }
        return blocks;
    }

    /// <summary>
    /// Where a line of a block ends inside a token of <paramref name="tokens"/> (the words and numbers the document
    /// holds, split at white space) and the next line goes on with the rest of it: "88,1" + "8", "Targe" + "t". A
    /// break after a hyphen that follows a letter ("ESDM-" + "02") is where lines may break, and is not counted.
    /// </summary>
    public static IReadOnlyList<PdfSplit> Splits(string pdf, IReadOnlySet<string> tokens)
    {
        var splits = new List<PdfSplit>();
        foreach (var block in Blocks(pdf))
        {
            for (var i = 1; i < block.Count; i++)
            {
                var (first, second) = (block[i - 1], block[i]);
                if (first.Words.Count == 0 || second.Words.Count == 0)
                {
                    continue;
                }
                var (before, after) = (first.Words[^1], second.Words[0]);
                if (!HyphenBreak().IsMatch(before) && tokens.Contains(before + after))
                {
                    splits.Add(new PdfSplit(first.Page, before, after, first, second));
                }
            }
        }
        return splits;
    }

    /// <summary>The tokens of texts as <see cref="Splits"/> takes them: split at white space, no-break spaces included.</summary>
    public static HashSet<string> Tokens(IEnumerable<string> texts) =>
        [.. texts.SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))];

    [GeneratedRegex(@"\p{L}-$")]
    private static partial Regex HyphenBreak();

    private static string? Run(string tool, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return null;
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var text = output.GetAwaiter().GetResult();
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed (exit code {process.ExitCode}): {error.GetAwaiter().GetResult()}");
    }
}
