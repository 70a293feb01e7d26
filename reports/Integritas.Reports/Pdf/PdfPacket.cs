namespace Integritas.Reports.Pdf;

/// <summary>
/// A report's PDF: its one document converted, or every document converted in one LibreOffice run and joined, in
/// order, into <c>{packet}.pdf</c> (the per-document PDFs are removed: the delivery is one file). Shared by
/// <c>zi report --pdf</c>, the worker and the web app.
/// </summary>
public static class PdfPacket
{
    public static async Task<string> WriteAsync(PdfConverter converter, ReportOutput report, string outputDirectory, CancellationToken cancellation = default)
    {
        if (report.Documents.Count == 1)
        {
            return await converter.ConvertAsync(report.Document, cancellation);
        }
        return await JoinAsync(converter, report.Documents, Path.Combine(outputDirectory, report.PacketName + ".pdf"), cancellation);
    }

    /// <summary>Converts the documents in one LibreOffice run in a scratch folder beside <paramref name="pdfPath"/> and joins them, in order, into it.</summary>
    public static async Task<string> JoinAsync(PdfConverter converter, IReadOnlyList<string> documents, string pdfPath, CancellationToken cancellation = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(pdfPath))!;
        var scratch = Path.Combine(folder, ".pdf-" + Path.GetFileNameWithoutExtension(pdfPath));
        Directory.CreateDirectory(scratch);
        try
        {
            var pdfs = await converter.ConvertAsync(documents, scratch, cancellation);
            PdfMerger.Merge(pdfs, pdfPath);
            return pdfPath;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
