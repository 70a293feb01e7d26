using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Integritas.Reports.Pdf;

/// <summary>
/// A delivery is one consolidated PDF per packet, not a pile of files: joins PDFs into one, in the order
/// given, with poppler's <c>pdfunite</c> (Debian: poppler-utils), run as a separate program so no PDF library
/// licence binds the product. <see cref="PageCount"/> reads a PDF's page count with poppler's <c>pdfinfo</c>.
/// </summary>
public static partial class PdfMerger
{
    private const string Install = "install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils)";

    /// <summary>How long one run may take before it is stopped.</summary>
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Joins <paramref name="parts"/> into <paramref name="outputPath"/>, pages in the order given.</summary>
    public static void Merge(IReadOnlyList<string> parts, string outputPath)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("There is nothing to merge: no PDF was given.", nameof(parts));
        }
        foreach (var part in parts)
        {
            Check(part);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        if (parts.Count == 1)
        {
            File.Copy(parts[0], outputPath, overwrite: true);
            return;
        }
        var (code, _, error) = Run("pdfunite", [.. parts, outputPath], parts[0]);
        if (code != 0 || !File.Exists(outputPath))
        {
            var culprit = parts.FirstOrDefault(p => error.Contains(Path.GetFileName(p), StringComparison.Ordinal)) ?? parts[0];
            throw new PdfException($"pdfunite could not join {parts.Count} PDFs into {outputPath} (exit code {code}): {error}", culprit, code, error);
        }
    }

    /// <summary>How many pages a PDF has.</summary>
    public static int PageCount(string path)
    {
        Check(path);
        var (code, output, error) = Run("pdfinfo", [path], path);
        var pages = PagesLine().Match(output);
        if (code != 0 || !pages.Success)
        {
            throw new PdfException($"{path} cannot be read as a PDF: {error}", path, code, error);
        }
        return int.Parse(pages.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Whether poppler's tools are installed (tests that need them skip otherwise).</summary>
    public static bool Available => PdfConverter.Locate("pdfunite") is not null && PdfConverter.Locate("pdfinfo") is not null;

    /// <summary>A part must exist and start like a PDF; the error names the file that does not.</summary>
    private static void Check(string path)
    {
        if (!File.Exists(path))
        {
            throw new PdfException($"There is no PDF {path}.", path);
        }
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[5];
        if (stream.Read(head) < 5 || !head.SequenceEqual("%PDF-"u8))
        {
            throw new PdfException($"{path} cannot be read as a PDF: it does not start with %PDF-.", path);
        }
    }

    private static (int Code, string Output, string Error) Run(string tool, IReadOnlyList<string> arguments, string file)
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
        catch (Win32Exception ex)
        {
            throw new PdfException($"{tool} is needed to join PDFs into one packet, but it was not found: {Install}.", file, inner: ex);
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new PdfException($"{tool} did not finish within {Timeout.TotalSeconds:0} s and was stopped.", file);
        }
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult().Trim());
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
