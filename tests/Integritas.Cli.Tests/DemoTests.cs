using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Integritas.TestSupport;

namespace Integritas.Cli.Tests;

/// <summary>The whole path on the shipped samples: ingest, score, rank, chart, Word.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly TempDirectory _out = new();

    public void Dispose() => _out.Dispose();

    private string Demo()
    {
        var result = Zi.Run("demo", "--out", _out.Path);
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        return result.Out;
    }

    [Fact]
    public void Demo_OnAFreshFolder_WritesTheDatabaseAndAValidBriefing()
    {
        var output = Demo();

        var briefing = _out.File("briefing-2025.docx");
        Assert.Contains($"briefing-2025: {briefing}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(_out.File("zi.duckdb")));
        Assert.True(new FileInfo(_out.File("briefing-2025-areas.png")).Length > 10_000);
        using var document = WordprocessingDocument.Open(briefing, false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Contains("Briefing Menteri: Kesiapan Zona Integritas 2025", text, StringComparison.Ordinal);
        Assert.Contains("40 unit kerja dari 3 instansi", text, StringComparison.Ordinal);
        Assert.Single(document.MainDocumentPart.ImageParts);
    }

    [Fact]
    public void Demo_Briefing_ReadsAsApproved()
    {
        Demo();

        using var document = WordprocessingDocument.Open(_out.File("briefing-2025.docx"), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText).Where(t => t.Length > 0);
        Golden.Verify("briefing-2025", string.Join("\n", paragraphs));
    }

    [Fact]
    public void Demo_RunTwice_StartsFromAnEmptyDatabaseEachTime()
    {
        Demo();
        var second = Demo();

        var files = Store.Ingest.IngestService.Expand([Path.Combine(AppContext.BaseDirectory, "data-samples")]).Files.Count;
        Assert.Contains($"{files} accepted, 0 unchanged", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_BriefingData_CountsMatchTheScores()
    {
        Demo();

        var data = JsonDocument.Parse(File.ReadAllText(_out.File("briefing-2025.json"))).RootElement;
        var scores = JsonDocument.Parse(Zi.Run("scores", "--db", _out.File("zi.duckdb"), "--year", "2025", "--format", "json").Out).RootElement;
        var verdicts = scores.EnumerateArray().Select(s => s.GetProperty("readiness").GetString()).ToList();
        var counts = data.GetProperty("counts");
        Assert.Equal(verdicts.Count, counts.GetProperty("units").GetInt32());
        Assert.Equal(verdicts.Count(v => v == "WBBM"), counts.GetProperty("wbbm").GetInt32());
        Assert.Equal(verdicts.Count(v => v == "WBK"), counts.GetProperty("wbk").GetInt32());
        Assert.Equal(verdicts.Count(v => v == "BELUM"), counts.GetProperty("belum").GetInt32());
    }
}
