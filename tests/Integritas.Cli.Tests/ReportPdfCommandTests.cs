using System.IO.Compression;
using Integritas.Reports.Pdf;
using Integritas.TestSupport;

namespace Integritas.Cli.Tests;

/// <summary><c>zi report … --pdf</c>: the PDF is laid out with the shipped fonts, and a font a template names that nobody has is named.</summary>
public sealed class ReportPdfCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A database of the sample LKE exports (the briefing needs no more).</summary>
    private string Database()
    {
        var db = _dir.File("zi.duckdb");
        var ingest = Zi.Run("ingest", "--db", db, Path.Combine(AppContext.BaseDirectory, "data-samples", "lke"));
        Assert.True(ingest.ExitCode == 0, ingest.Error + ingest.Out);
        return db;
    }

    /// <summary>The shipped briefing template with its text font renamed, in a templates folder of its own.</summary>
    private string TemplatesNaming(string font)
    {
        var folder = Directory.CreateDirectory(_dir.File("templates")).FullName;
        var template = Path.Combine(folder, "briefing.docx");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "templates", "briefing.docx"), template);
        using var zip = ZipFile.Open(template, ZipArchiveMode.Update);
        var entry = zip.GetEntry("word/styles.xml")!;
        string styles;
        using (var reader = new StreamReader(entry.Open()))
        {
            styles = reader.ReadToEnd();
        }
        Assert.Contains("w:ascii=\"Calibri\"", styles, StringComparison.Ordinal);
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("word/styles.xml").Open());
        writer.Write(styles.Replace("\"Calibri\"", $"\"{font}\"", StringComparison.Ordinal));
        return folder;
    }

    private static void SkipWithoutTools()
    {
        Assert.SkipWhen(PdfConverter.Locate() is null, LibreOffice.Missing);
        Assert.SkipWhen(PdfConverter.Locate("fc-list") is null, "fc-list (fontconfig) is not on PATH; install fontconfig to run this test.");
    }

    [Fact]
    public void ReportPdf_TemplateNamingAFontNobodyHas_WarnsOnceNamingItAndTheTemplateAndWritesThePdf()
    {
        SkipWithoutTools();
        var db = Database();
        var templates = TemplatesNaming("Zi Tiada Sans");

        var result = Zi.Run("report", "briefing", "--db", db, "--year", "2025", "--out", _dir.File("out"), "--templates", templates, "--pdf");

        Assert.True(result.ExitCode == 0, result.Error);
        var warning = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith($"warning: template {Path.Combine(templates, "briefing.docx")} names the font \"Zi Tiada Sans\", which is neither shipped with zi nor installed here", warning, StringComparison.Ordinal);
        Assert.Contains($"wrote {_dir.File("out/briefing-2025.pdf")}", result.Out, StringComparison.Ordinal);
        Assert.True(PdfMerger.PageCount(_dir.File("out/briefing-2025.pdf")) > 0);
    }

    [Fact]
    public void ReportPdf_ShippedTemplates_WarnNothing()
    {
        SkipWithoutTools();
        var db = Database();

        var result = Zi.Run("report", "briefing", "--db", db, "--year", "2025", "--out", _dir.File("out"), "--pdf");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.True(PdfMerger.PageCount(_dir.File("out/briefing-2025.pdf")) > 0);
    }
}
