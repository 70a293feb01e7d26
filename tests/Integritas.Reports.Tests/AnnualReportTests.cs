using System.Text.Json.Nodes;
using Integritas.Domain.Formatting;
using Integritas.Domain.Rules;
using Integritas.Reports.Annual;

namespace Integritas.Reports.Tests;

/// <summary>The annual report on the samples: its chapters, every unit in the table and a section of its own, valid and repeatable.</summary>
public sealed class AnnualReportTests(AnnualReportTests.Written written) : IClassFixture<AnnualReportTests.Written>
{
    /// <summary>The samples' database and the annual report written from it once.</summary>
    public sealed class Written : IDisposable
    {
        public Written()
        {
            Output = Sample.Write(new AnnualReport(RuleCatalog.Default), "annual");
            Paragraphs = WordText.Paragraphs(Output.Document);
            Data = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(Output.Document, ".json")))!;
        }

        public SampleYear Sample { get; } = new();

        public ReportOutput Output { get; }

        public IReadOnlyList<string> Paragraphs { get; }

        public JsonNode Data { get; }

        public void Dispose() => Sample.Dispose();
    }

    private IReadOnlyList<string> Paragraphs => written.Paragraphs;

    private JsonArray Units => written.Data["units"]!.AsArray();

    [Fact]
    public void Write_OnTheSamples_WritesOneDocumentNamedForTheYearWithItsChartsBeside()
    {
        Assert.Equal(["laporan-tahunan-2025.docx"], written.Output.Documents.Select(Path.GetFileName));
        Assert.Equal("laporan-tahunan-2025", written.Output.PacketName);
        Assert.All(written.Output.Files, f => Assert.True(File.Exists(f), f));
        Assert.Equal(4 + 2 * Units.Count, written.Output.Files.Count(f => f.EndsWith(".png", StringComparison.Ordinal)));
        Assert.Equal(4 + 2 * Units.Count, WordText.Pictures(written.Output.Document));
    }

    [Fact]
    public void Text_HasEveryChapterInOrder()
    {
        string[] chapters =
        [
            "Laporan Tahunan Kesiapan Zona Integritas 2025", "1. Ringkasan Eksekutif", "Kesiapan dan target per instansi", "2. Metode dan Dasar Hukum",
            "Kriteria nilai", "Syarat pengusulan", "3. Analisis per Area Pengungkit", "4. Perkembangan Nilai Unit", "5. Daftar Unit Kerja",
            "6. Profil Unit Kerja", "7. Temuan atas Berkas LKE", "Lampiran A. Perkembangan per Instansi", "Lampiran B. Berkas Sumber",
        ];

        var positions = chapters.Select(c => Paragraphs.ToList().FindIndex(p => p == c)).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Text_SaysTheYearsNumbersInBahasaIndonesia()
    {
        var counts = written.Data["counts"]!;
        var mean = Formats.Number(written.Data["mean"]!["total"]!.GetValue<decimal>());
        var summary = Paragraphs.First(p => p.StartsWith("Pada tahun evaluasi 2025", StringComparison.Ordinal));

        Assert.Contains($"LKE Zona Integritas {counts["units"]} unit kerja dari {counts["instansi"]} instansi", summary, StringComparison.Ordinal);
        Assert.Contains($"Rata-rata nilai total {mean}", summary, StringComparison.Ordinal);
        Assert.Contains(",", mean, StringComparison.Ordinal);
        Assert.Contains(Paragraphs, p => p.StartsWith("PermenPANRB 90/2021 jo. 5/2024", StringComparison.Ordinal) || p.Contains("(disingkat PermenPANRB 90/2021 jo. 5/2024)", StringComparison.Ordinal));
    }

    [Fact]
    public void Units_EachInTheTableAndInASectionOfItsOwn_InUnitOrder()
    {
        var ids = Units.Select(u => u!["unitId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);

        var sections = Paragraphs.Where(p => p.StartsWith("6.", StringComparison.Ordinal) && !p.StartsWith("6. ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Units.Select(u => $"6.{u!["no"]} {u["unitName"]}"), sections);
        foreach (var unit in Units)
        {
            var total = Formats.Number(unit!["total"]!.GetValue<decimal>());
            Assert.Contains(Paragraphs, p => p == $"{unit["unitName"]} ({unit["unitId"]})");
            Assert.Contains(Paragraphs, p => p.StartsWith($"{unit["unitId"]} · {unit["instansi"]}", StringComparison.Ordinal));
            Assert.Contains(total, Paragraphs);
        }
    }

    [Fact]
    public void Text_HasNoTagLeftAndNoEmptyValueWritten()
    {
        WordText.FullyFilled(Paragraphs);
    }

    [Fact]
    public void Document_Validates()
    {
        Assert.Empty(WordText.ValidationErrors(written.Output.Document));
    }

    [Fact]
    public void Write_Twice_GivesTheSameBytes()
    {
        var again = written.Sample.Write(new AnnualReport(RuleCatalog.Default), "annual-again");

        Assert.Equal(File.ReadAllBytes(written.Output.Document), File.ReadAllBytes(again.Document));
    }
}
