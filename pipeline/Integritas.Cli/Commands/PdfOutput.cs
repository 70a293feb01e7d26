using System.CommandLine;
using Integritas.Reports.Pdf;

namespace Integritas.Cli.Commands;

/// <summary><c>--pdf</c>: a written document is also turned into PDF beside it, through LibreOffice.</summary>
public static class PdfOutput
{
    public static Option<bool> Option() => new("--pdf")
    {
        Description = "Also write a PDF beside the document (needs LibreOffice: soffice on PATH).",
    };

    public static async Task Write(CliContext context, string document, CancellationToken cancellation)
    {
        var pdf = await new PdfConverter().ConvertAsync(document, cancellation);
        context.Out.WriteLine("wrote " + pdf);
    }
}
