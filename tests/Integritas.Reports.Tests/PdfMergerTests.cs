using Integritas.Reports.Pdf;
using Integritas.TestSupport;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Integritas.Reports.Tests;

/// <summary>One consolidated PDF per packet: parts in order, a bookmark per titled part.</summary>
public sealed class PdfMergerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A PDF of blank pages of a given width, so the merged pages show where they came from.</summary>
    private string Blank(string name, int pages, double width)
    {
        PdfSharpLicense.SetAgplLicense();
        using var document = new PdfDocument();
        for (var i = 0; i < pages; i++)
        {
            document.AddPage().Width = XUnit.FromPoint(width);
        }
        var path = _dir.File(name);
        document.Save(path);
        return path;
    }

    [Fact]
    public void Merge_TwoPdfs_KeepsEveryPageInOrderWithABookmarkPerPart()
    {
        var briefing = Blank("briefing.pdf", 2, 500);
        var annex = Blank("lampiran.pdf", 3, 400);
        var merged = _dir.File("out/paket.pdf");

        PdfMerger.Merge([new PdfPart(briefing, "Briefing Menteri"), new PdfPart(annex, "Lampiran")], merged, "Paket 2025");

        Assert.Equal(5, PdfMerger.PageCount(merged));
        Assert.Equal(["Briefing Menteri", "Lampiran"], PdfMerger.Bookmarks(merged));
        using var document = PdfReader.Open(merged, PdfDocumentOpenMode.Import);
        var pages = Enumerable.Range(0, document.PageCount).Select(i => document.Pages[i]).ToList();
        Assert.Equal([500d, 500, 400, 400, 400], pages.Select(p => Math.Round(p.Width.Point)));
        Assert.Equal([0, 2], document.Outlines.Select(o => pages.IndexOf(o.DestinationPage!)));
        Assert.Equal(("Paket 2025", PdfPageMode.UseOutlines), (document.Info.Title, document.PageMode));
    }

    [Fact]
    public void Merge_PartsWithoutTitles_GetNoBookmarks()
    {
        var merged = _dir.File("paket.pdf");

        PdfMerger.Merge([new PdfPart(Blank("a.pdf", 1, 500)), new PdfPart(Blank("b.pdf", 1, 500), "Lampiran")], merged);

        Assert.Equal(2, PdfMerger.PageCount(merged));
        Assert.Equal(["Lampiran"], PdfMerger.Bookmarks(merged));
    }

    [Fact]
    public void Merge_AFileThatIsNoPdf_NamesIt()
    {
        var notPdf = _dir.Write("catatan.pdf", "bukan PDF");

        var error = Assert.Throws<PdfException>(() => PdfMerger.Merge([new PdfPart(Blank("a.pdf", 1, 500)), new PdfPart(notPdf)], _dir.File("paket.pdf")));

        Assert.Equal(notPdf, error.File);
        Assert.StartsWith($"{notPdf} cannot be read as a PDF", error.Message, StringComparison.Ordinal);
    }
}
