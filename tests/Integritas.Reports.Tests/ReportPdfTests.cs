using Integritas.Domain.Rules;
using Integritas.Reports.Pdf;
using Integritas.TestSupport;

namespace Integritas.Reports.Tests;

/// <summary>
/// The sample reports as PDF, laid out with the fonts shipped with zi: no number or word broken across two lines,
/// the briefing within three pages, and the same pages on a host that has no Carlito of its own.
/// </summary>
public sealed class ReportPdfTests(ReportPdfTests.Converted converted) : IClassFixture<ReportPdfTests.Converted>
{
    /// <summary>The samples' reports, each written and converted once, the first time a test asks for it.</summary>
    public sealed class Converted : IDisposable
    {
        private readonly Dictionary<string, (IReadOnlyList<string> Documents, IReadOnlyList<string> Pdfs)> _reports = [];
        private readonly TempDirectory _dir = new();

        public SampleYear Sample { get; } = new();

        public (IReadOnlyList<string> Documents, IReadOnlyList<string> Pdfs) Report(string kind)
        {
            if (!_reports.TryGetValue(kind, out var report))
            {
                var output = Sample.Write(ReportKinds.Find(kind)!.Create(RuleCatalog.Default), kind);
                var pdfs = new PdfConverter().ConvertAsync(output.Documents, _dir.File(kind), TestContext.Current.CancellationToken).GetAwaiter().GetResult();
                _reports[kind] = report = (output.Documents, pdfs);
            }
            return report;
        }

        /// <summary>
        /// A fontconfig file for a host like this one but without Carlito: it includes the host's configuration and
        /// rejects every Carlito it lists (the shipped one is accepted by file, which a rejection does not override).
        /// </summary>
        public string HostWithoutCarlito()
        {
            var path = _dir.File("host-without-carlito.conf");
            File.WriteAllText(path, $"""
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">{ShippedFonts.HostConfiguration()}</include>
                  <selectfont><rejectfont><pattern><patelt name="family"><string>Carlito</string></patelt></pattern></rejectfont></selectfont>
                </fontconfig>
                """);
            return path;
        }

        public string Folder(string name) => _dir.File(name);

        public void Dispose()
        {
            Sample.Dispose();
            _dir.Dispose();
        }
    }

    private static void SkipWithoutTools()
    {
        Assert.SkipWhen(PdfConverter.Locate() is null, LibreOffice.Missing);
        Assert.SkipUnless(PdfText.Available, PdfText.Missing);
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the shipped fonts reach LibreOffice through fontconfig, which LibreOffice uses on Linux");
    }

    [Theory]
    [InlineData("briefing")]
    [InlineData("candidates")]
    [InlineData("scorecards")]
    [InlineData("annual")]
    public void Pdf_SampleReport_BreaksNoNumberOrWordAcrossLines(string kind)
    {
        SkipWithoutTools();
        var (documents, pdfs) = converted.Report(kind);

        var splits = documents.Zip(pdfs)
            .SelectMany(d => PdfText.Splits(d.Second, PdfText.Tokens(WordText.Paragraphs(d.First))).Select(s => $"{Path.GetFileName(d.Second)} {s}"))
            .ToList();

        Assert.True(splits.Count == 0, $"{splits.Count} numbers or words broken across lines (a column too narrow for them):\n{string.Join('\n', splits)}");
    }

    [Fact]
    public void Pdf_Briefing_FitsThreePages()
    {
        SkipWithoutTools();
        var pdf = converted.Report("briefing").Pdfs[0];

        Assert.InRange(PdfMerger.PageCount(pdf), 1, 3);
    }

    [Fact]
    public async Task Pdf_HostWithoutCarlito_LaysTheBriefingOutAsWithIt()
    {
        SkipWithoutTools();
        var (documents, pdfs) = converted.Report("briefing");
        var host = converted.HostWithoutCarlito();
        var cancel = TestContext.Current.CancellationToken;

        var shipped = (await new PdfConverter(new PdfConverterOptions { HostFontConfiguration = host }).ConvertAsync(documents, converted.Folder("without-carlito"), cancel))[0];
        var hostOnly = (await new PdfConverter(new PdfConverterOptions { HostFontConfiguration = host, Fonts = null }).ConvertAsync(documents, converted.Folder("without-any-carlito"), cancel))[0];

        Assert.Equal(PdfText.Layout(pdfs[0]), PdfText.Layout(shipped));
        Assert.Contains("Carlito", PdfText.Fonts(shipped));
        // Without the shipped fonts the same host has no Carlito at all: the check above would have seen the difference.
        Assert.DoesNotContain("Carlito", PdfText.Fonts(hostOnly));
        Assert.NotEqual(PdfText.Layout(pdfs[0]), PdfText.Layout(hostOnly));
    }
}
