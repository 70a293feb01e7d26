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
        var scratch = Path.Combine(outputDirectory, ".pdf-" + report.PacketName);
        Directory.CreateDirectory(scratch);
        try
        {
            var pdfs = await converter.ConvertAsync(report.Documents, scratch, cancellation);
            var packet = Path.Combine(outputDirectory, report.PacketName + ".pdf");
            PdfMerger.Merge(pdfs, packet);
            return packet;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
