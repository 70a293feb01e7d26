using System.CommandLine;
using Integritas.Reports;
using Integritas.Reports.Pdf;

namespace Integritas.Cli.Commands;

/// <summary><c>--pdf</c>: written documents are also turned into PDF through LibreOffice; a packet of several becomes one PDF.</summary>
public static class PdfOutput
{
    public static Option<bool> Option() => new("--pdf")
    {
        Description = "Also write the PDF (needs LibreOffice: soffice on PATH); several documents of one report are joined into one PDF (needs poppler-utils).",
    };

    public static async Task Write(CliContext context, string document, CancellationToken cancellation)
    {
        var pdf = await new PdfConverter().ConvertAsync(document, cancellation);
        context.Out.WriteLine("wrote " + pdf);
    }

    /// <summary>
    /// The report's PDF: its one document converted, or every document converted in one LibreOffice run and
    /// joined, in order, into <c>{packet}.pdf</c> (the per-document PDFs are removed: the delivery is one file).
    /// </summary>
    public static async Task<string> Packet(ReportOutput report, string outputDirectory, CancellationToken cancellation)
    {
        if (report.Documents.Count == 1)
        {
            return await new PdfConverter().ConvertAsync(report.Document, cancellation);
        }
        var scratch = Path.Combine(outputDirectory, ".pdf-" + report.PacketName);
        Directory.CreateDirectory(scratch);
        try
        {
            var pdfs = await new PdfConverter().ConvertAsync(report.Documents, scratch, cancellation);
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
