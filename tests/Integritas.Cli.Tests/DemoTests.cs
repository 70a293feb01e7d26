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
        Assert.True(new FileInfo(_out.File("briefing-2025-area.png")).Length > 10_000);
        Assert.True(new FileInfo(_out.File("briefing-2025-tren.png")).Length > 10_000);
        using var document = WordprocessingDocument.Open(briefing, false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Contains("Briefing Menteri: Kesiapan Zona Integritas 2025", text, StringComparison.Ordinal);
        Assert.Contains("40 unit kerja dari 3 instansi", text, StringComparison.Ordinal);
        Assert.Contains("siap diusulkan WBK", text, StringComparison.Ordinal);
        Assert.Contains("Target, kesiapan dan anugerah per instansi", text, StringComparison.Ordinal);
        Assert.Contains("Memenuhi nilai, syarat belum lengkap", text, StringComparison.Ordinal);
        Assert.Contains("Kurang ≤ 2 poin menuju WBK", text, StringComparison.Ordinal);
        Assert.Contains("Unit yang menurun sejak 2024", text, StringComparison.Ordinal);
        Assert.Equal(2, document.MainDocumentPart.ImageParts.Count());
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
    public void Demo_BriefingData_CountsMatchTheScoresAndTheCandidates()
    {
        Demo();

        var data = JsonDocument.Parse(File.ReadAllText(_out.File("briefing-2025.json"))).RootElement;
        var db = _out.File("zi.duckdb");
        var scores = JsonDocument.Parse(Zi.Run("scores", "--db", db, "--year", "2025", "--format", "json").Out).RootElement;
        var verdicts = scores.EnumerateArray().Select(s => s.GetProperty("readiness").GetString()).ToList();
        var headline = data.GetProperty("headline");
        Assert.Equal(verdicts.Count, headline.GetProperty("units").GetInt32());
        Assert.Equal(verdicts.Count(v => v == "WBBM"), headline.GetProperty("wbbm").GetInt32());
        Assert.Equal(verdicts.Count(v => v == "WBK"), headline.GetProperty("wbk").GetInt32());
        Assert.Equal(verdicts.Count(v => v == "BELUM"), headline.GetProperty("belum").GetInt32());
        var wbk = JsonDocument.Parse(Zi.Run("candidates", "--db", db, "--format", "json").Out).RootElement.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(wbk.Count(c => c.GetProperty("ready").GetBoolean()), headline.GetProperty("proposeWbk").GetInt32());
        Assert.Equal(wbk.Where(c => !c.GetProperty("scoreReady").GetBoolean() && c.GetProperty("blankQuestions").GetInt32() == 0
                && c.GetProperty("pointsNeeded").GetProperty("total").GetDecimal() is > 0 and <= 2).Select(c => c.GetProperty("unitId").GetString()),
            data.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("unitId").GetString()));
        Assert.Equal(data.GetProperty("candidates").GetArrayLength(), headline.GetProperty("closeWbk").GetInt32());
        Assert.Equal(data.GetProperty("pending").GetArrayLength(), headline.GetProperty("prerequisitesOpen").GetInt32());
    }

    [Fact]
    public void Demo_CandidateList_ListsEveryCandidateInTheOrderOfZiCandidates()
    {
        var output = Demo();

        var list = _out.File("daftar-kandidat-2025.docx");
        Assert.Contains($"daftar-kandidat-2025: {list}", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(_out.File("daftar-kandidat-2025.xlsx")).Length > 5_000);
        using var document = WordprocessingDocument.Open(list, false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
        Assert.Contains("Daftar Kandidat WBK dan WBBM 2026", text, StringComparison.Ordinal);
        Assert.Contains("Rincian kandidat WBK teratas", text, StringComparison.Ordinal);
        Assert.Contains("Metode proyeksi dan uji balik", text, StringComparison.Ordinal);

        var data = JsonDocument.Parse(File.ReadAllText(_out.File("daftar-kandidat-2025.json"))).RootElement;
        var db = _out.File("zi.duckdb");
        foreach (var level in new[] { "WBK", "WBBM" })
        {
            var expected = JsonDocument.Parse(Zi.Run("candidates", "--db", db, "--target", level, "--format", "json").Out).RootElement
                .GetProperty("candidates").EnumerateArray().ToList();
            var section = data.GetProperty(level.ToLowerInvariant());
            var rows = section.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(expected.Select(c => c.GetProperty("unitId").GetString()), rows.Select(r => r.GetProperty("unitId").GetString()));
            Assert.Equal(expected.Count(c => c.GetProperty("ready").GetBoolean()), section.GetProperty("ready").GetInt32());
            Assert.Equal(rows.Count, section.GetProperty("ready").GetInt32() + section.GetProperty("prerequisitesOpen").GetInt32()
                + section.GetProperty("projectedReady").GetInt32() + section.GetProperty("notYet").GetInt32());
            // Every candidate's name is in the document; the first ones have a detail section of their own.
            Assert.All(rows, r => Assert.Contains(r.GetProperty("unitName").GetString()!, text, StringComparison.Ordinal));
        }
    }
}
