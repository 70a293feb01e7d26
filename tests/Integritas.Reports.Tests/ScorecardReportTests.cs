using System.Text.Json.Nodes;
using Integritas.Analytics;
using Integritas.Domain.Formatting;
using Integritas.Domain.Rules;
using Integritas.Reports.Scorecards;

namespace Integritas.Reports.Tests;

/// <summary>The unit scorecards on the samples: one document per unit in unit order, each about its unit, valid and repeatable.</summary>
public sealed class ScorecardReportTests(ScorecardReportTests.Written written) : IClassFixture<ScorecardReportTests.Written>
{
    /// <summary>The samples' database and the scorecards written from it once.</summary>
    public sealed class Written : IDisposable
    {
        public Written()
        {
            Output = Sample.Write(new ScorecardReport(RuleCatalog.Default), "scorecards");
            using var connection = Sample.Database.OpenRead();
            UnitIds = [.. ScoreHistory.Load(connection, RuleCatalog.Default).InYear(SampleYear.Year).Select(s => s.Unit.UnitId).Order(StringComparer.Ordinal)];
        }

        public SampleYear Sample { get; } = new();

        public ReportOutput Output { get; }

        /// <summary>The units with an LKE in the year, by code.</summary>
        public IReadOnlyList<string> UnitIds { get; }

        public void Dispose() => Sample.Dispose();
    }

    private static JsonNode Data(string docx) => JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(docx, ".json")))!;

    [Fact]
    public void Write_OnTheSamples_OneDocumentPerUnitInUnitOrder()
    {
        var documents = written.Output.Documents;

        Assert.Equal(written.UnitIds.Select(ReportFiles.Safe), documents.Select(Path.GetFileNameWithoutExtension));
        Assert.All(documents, d => Assert.Equal("rapor-unit-2025", Path.GetFileName(Path.GetDirectoryName(d))));
        Assert.Equal("rapor-unit-2025", written.Output.PacketName);
        Assert.All(written.Output.Files, f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public void EachScorecard_IsAboutItsUnit_InBahasaIndonesia()
    {
        foreach (var document in written.Output.Documents)
        {
            var unit = Data(document)["unit"]!;
            var paragraphs = WordText.Paragraphs(document);

            Assert.Equal("Rapor Zona Integritas 2025", paragraphs[0]);
            Assert.Equal(unit["unitName"]!.GetValue<string>(), paragraphs[1]);
            Assert.StartsWith($"{unit["instansi"]} · kode unit {unit["unitId"]}", paragraphs[2], StringComparison.Ordinal);
            Assert.Contains(unit["status"]!.GetValue<string>(), paragraphs);
            Assert.Contains(Formats.Number(unit["total"]!.GetValue<decimal>()), paragraphs);
            Assert.Contains($"Kriteria dan syarat pengusulan {unit["target"]}", paragraphs);
            Assert.Contains("Riwayat penilaian", paragraphs);
            Assert.Equal(1, WordText.Pictures(document));
            WordText.FullyFilled(paragraphs);
        }
    }

    [Fact]
    public void EachScorecard_Validates()
    {
        Assert.All(written.Output.Documents, d => Assert.Empty(WordText.ValidationErrors(d)));
    }

    [Fact]
    public void Write_Twice_GivesTheSameBytes()
    {
        var again = written.Sample.Write(new ScorecardReport(RuleCatalog.Default), "scorecards-again");

        Assert.Equal(written.Output.Documents.Count, again.Documents.Count);
        Assert.All(written.Output.Documents.Zip(again.Documents), pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
    }
}
