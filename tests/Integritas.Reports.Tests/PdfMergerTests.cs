using System.Diagnostics;
using Integritas.Reports.Pdf;
using Integritas.TestSupport;

namespace Integritas.Reports.Tests;

/// <summary>One consolidated PDF per packet: every part's pages, in order.</summary>
public sealed class PdfMergerTests : IDisposable
{
    private const string PopplerMissing = "pdfunite/pdfinfo (poppler-utils) are not on PATH; install poppler-utils to run this test.";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Blank(string name, int pages, int width) => _dir.Write(name, MinimalPdf.Blank(pages, width));

    /// <summary>The page widths of a PDF, read with pdfinfo, in page order.</summary>
    private static List<int> Widths(string pdf)
    {
        var start = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true, ArgumentList = { "-f", "1", "-l", "99", pdf } };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return [.. output.Split('\n').Where(l => l.StartsWith("Page", StringComparison.Ordinal) && l.Contains("size:", StringComparison.Ordinal))
            .Select(l => (int)double.Parse(l.Split("size:")[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Fact]
    public void Merge_TwoPdfs_KeepsEveryPageInOrder()
    {
        Assert.SkipUnless(PdfMerger.Available, PopplerMissing);
        var merged = _dir.File("out/paket.pdf");

        PdfMerger.Merge([Blank("briefing.pdf", 2, 500), Blank("lampiran.pdf", 3, 400)], merged);

        Assert.Equal(5, PdfMerger.PageCount(merged));
        Assert.Equal([500, 500, 400, 400, 400], Widths(merged));
    }

    [Fact]
    public void Merge_OnePart_IsThatPdf()
    {
        var merged = _dir.File("paket.pdf");
        var only = Blank("a.pdf", 2, 500);

        PdfMerger.Merge([only], merged);

        Assert.Equal(File.ReadAllBytes(only), File.ReadAllBytes(merged));
    }

    [Fact]
    public void Merge_AFileThatIsNoPdf_NamesIt()
    {
        var notPdf = _dir.Write("catatan.pdf", "bukan PDF");

        var error = Assert.Throws<PdfException>(() => PdfMerger.Merge([Blank("a.pdf", 1, 500), notPdf], _dir.File("paket.pdf")));

        Assert.Equal(notPdf, error.File);
        Assert.StartsWith($"{notPdf} cannot be read as a PDF", error.Message, StringComparison.Ordinal);
    }
}
