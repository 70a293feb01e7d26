using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Integritas.Domain.Rules;
using Integritas.Store;
using Integritas.Store.Ingest;
using Integritas.TestSupport;

namespace Integritas.Reports.Tests;

/// <summary>
/// The shipped samples (<c>data-samples</c>) ingested once into a temporary database, and reports written from
/// it with the shipped templates for the samples' last year, as <c>zi demo</c> writes them.
/// </summary>
public sealed class SampleYear : IDisposable
{
    public const int Year = 2025;

    private readonly TempDirectory _dir = new();

    public SampleYear()
    {
        Database = new ZiDatabase(_dir.File("zi.duckdb"), FixedClock.Default);
        var files = IngestService.Expand([Repository.PathOf("data-samples")]).Files;
        var outcomes = new IngestService(RuleCatalog.Default, FixedClock.Default).Ingest(Database, files).ToList();
        Assert.All(outcomes, o => Assert.True(o.Status == FileStatus.Accepted, $"{o.Path}: {string.Join("; ", o.Errors)}"));
    }

    public ZiDatabase Database { get; }

    /// <summary>Writes a report into a folder of its own under the fixture's temporary folder.</summary>
    public ReportOutput Write(IReportWriter writer, string folder)
    {
        using var connection = Database.OpenRead();
        return writer.Write(connection, new ReportRequest(Year, Repository.PathOf("templates"), _dir.File(folder), DateOnly.FromDateTime(FixedClock.Default.GetLocalNow().Date)));
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>What a test reads from a written Word document.</summary>
public static class WordText
{
    /// <summary>The body's paragraphs with text, in order (table cells included).</summary>
    public static IReadOnlyList<string> Paragraphs(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0)];
    }

    /// <summary>The validator's errors, as "path: description" lines.</summary>
    public static IReadOnlyList<string> ValidationErrors(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return [.. new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019)
            .Validate(document, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }

    public static int Pictures(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        return document.MainDocumentPart!.ImageParts.Count();
    }

    /// <summary>No tag left unfilled and no empty value written out as "null".</summary>
    public static void FullyFilled(IReadOnlyList<string> paragraphs)
    {
        Assert.DoesNotContain(paragraphs, p => p.Contains("{{", StringComparison.Ordinal) || p.Contains("}}", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("null", StringComparison.OrdinalIgnoreCase));
    }
}
