using System.CommandLine;
using Integritas.Reports;
using Integritas.Reports.Pdf;

namespace Integritas.Cli.Commands;

/// <summary>
/// <c>--pdf</c>: written documents are also turned into PDF through LibreOffice, laid out with the fonts shipped
/// with zi; a packet of several becomes one PDF. A template naming a font that is neither shipped nor installed
/// gets a warning line on standard error; the PDF is written all the same.
/// </summary>
public static class PdfOutput
{
    public static Option<bool> Option() => new("--pdf")
    {
        Description = "Also write the PDF (needs LibreOffice: soffice on PATH), laid out with the fonts shipped with zi; several documents of one report are joined into one PDF (needs poppler-utils).",
    };

    public static async Task Write(CliContext context, string document, string template, CancellationToken cancellation)
    {
        var converter = new PdfConverter();
        Warn(context, converter, template);
        var pdf = await converter.ConvertAsync(document, cancellation);
        context.Out.WriteLine("wrote " + pdf);
    }

    /// <summary>
    /// The report's PDF: its one document converted, or every document converted in one LibreOffice run and
    /// joined, in order, into <c>{packet}.pdf</c> (the per-document PDFs are removed: the delivery is one file).
    /// </summary>
    public static async Task<string> Packet(CliContext context, ReportOutput report, string template, string outputDirectory, CancellationToken cancellation)
    {
        var converter = new PdfConverter();
        Warn(context, converter, template);
        return await PdfPacket.WriteAsync(converter, report, outputDirectory, cancellation);
    }

    private static void Warn(CliContext context, PdfConverter converter, string template)
    {
        foreach (var missing in converter.MissingFonts([template]))
        {
            context.Error.WriteLine("warning: " + missing.Message);
        }
    }
}
