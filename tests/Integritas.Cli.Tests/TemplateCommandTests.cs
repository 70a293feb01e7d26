using System.IO.Compression;
using Integritas.Reports.Pdf;
using Integritas.TestSupport;
using static Integritas.TestSupport.WordFile;

namespace Integritas.Cli.Tests;

/// <summary>zi template check, render and fields as a template author runs them.</summary>
public sealed class TemplateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Template(string body, string? header = null) => _dir.Write("laporan.docx", Create(body, header));

    [Fact]
    public void Check_TemplateWithSeveralDefects_ListsEachWithItsPlaceAndExitsOne()
    {
        var template = Template(
            P("Laporan {{title}}") + P("Nilai {{total | angka}}") + Table(["No", "Unit"], ["{{#each units}}{{@no}}", "{{name}}{{/each}}"], ["x", "{{skor"]) + P("{{/if}}"),
            header: P("{{#if draft}}DRAFT"));

        var result = Zi.Run("template", "check", template);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            "laporan.docx: document, paragraph 2: unknown filter 'angka' (known: date, default, lower, number, percent, upper) — near \"{{total | angka}}\"",
            "laporan.docx: document, table 1, row 3, cell 2: '{{' is never closed with '}}' — near \"{{skor\"",
            "laporan.docx: document, paragraph 3: {{/if}} closes nothing: no {{#if …}} is open — near \"{{/if}}\"",
            "laporan.docx: header1, paragraph 1: {{#if draft}} is never closed with {{/if}} — near \"{{#if draft}}\"",
        ], result.Out.TrimEnd().Split('\n'));
        Assert.Equal("zi: laporan.docx has 4 defects; fix them in Word and check again.", result.Error.TrimEnd());
    }

    [Fact]
    public void Check_CleanTemplate_ExitsZeroCountingTagsAndFields()
    {
        var template = Template(P("Laporan {{title}}") + Table(["No", "Unit"], ["{{#each units}}{{@no}}", "{{name}}{{/each}}"]) + P("{{image chart}}"));

        var result = Zi.Run("template", "check", template);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("OK: 6 tags, fields used: title, units, units[].name, chart", result.Out.TrimEnd());
    }

    [Fact]
    public void Check_WithKind_AFieldTheReportLacks_FailsNamingTheFieldAndItsPlace()
    {
        var template = Template(
            P("Briefing {{year}}: {{headline.unitz}} unit") + Table(["No", "Unit"], ["{{#each ready}}{{@no}}", "{{unitName}} {{skor}}{{/each}}"]),
            header: P("{{#if draft}}DRAFT{{/if}}"));

        var result = Zi.Run("template", "check", template, "--kind", "briefing");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            "laporan.docx: document, paragraph 1: field 'headline.unitz' is not in the briefing report's data (zi template fields briefing lists them); did you mean headline.units? — near \"{{headline.unitz}}\"",
            "laporan.docx: document, table 1, row 2, cell 2: field 'ready[].skor' is not in the briefing report's data (zi template fields briefing lists them) — near \"{{skor}}\"",
            "laporan.docx: header1, paragraph 1: field 'draft' is not in the briefing report's data (zi template fields briefing lists them) — near \"{{#if draft}}\"",
        ], result.Out.TrimEnd().Split('\n'));
        Assert.Equal("zi: laporan.docx has 3 defects; fix them in Word and check again.", result.Error.TrimEnd());
    }

    [Fact]
    public void Check_WithKind_ATemplateThatChecksRendersFromTheReportsData()
    {
        var template = Template(P("Briefing {{year}}: {{headline.units}} unit") + Table(["No", "Unit"], ["{{#each ready}}{{@no}}", "{{unitName}} {{year}}{{/each}}"]));

        var result = Zi.Run("template", "check", template, "--kind", "briefing");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("OK: 7 tags, fields used: year, headline.units, ready, ready[].unitName, ready[].year (all in the briefing report's data)", result.Out.TrimEnd());
    }

    [Theory]
    [InlineData("briefing")]
    [InlineData("annual")]
    [InlineData("scorecards")]
    [InlineData("candidates")]
    public void Check_WithKind_TheShippedTemplateOfEachReportPasses(string kind)
    {
        var report = Reports.ReportKinds.Find(kind)!;

        var result = Zi.Run("template", "check", Repository.PathOf("templates", report.TemplateFile), "--kind", kind);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.EndsWith($"(all in the {kind} report's data)", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithAnUnknownKind_IsAUsageError()
    {
        var result = Zi.Run("template", "check", Template(P("{{year}}")), "--kind", "memo");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Check_NoSuchFile_ExitsOneNamingIt()
    {
        var result = Zi.Run("template", "check", _dir.File("tidak-ada.docx"));

        Assert.Equal((1, $"zi: there is no template {_dir.File("tidak-ada.docx")}."), (result.ExitCode, result.Error.TrimEnd()));
    }

    [Fact]
    public void Render_PicturePathRelativeToTheJson_IsFilledFromBesideIt()
    {
        var template = Template(P("{{title}}") + P("{{image chart}}"));
        var picture = Png(40, 20, 90);
        _dir.Write("data/img/grafik.png", picture);
        var data = _dir.Write("data/data.json", """{"title": "Laporan", "chart": "img/grafik.png"}""");
        var output = _dir.File("out/laporan-isi.docx");

        var result = Zi.Run("template", "render", template, "--data", data, "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal($"wrote {output}", result.Out.TrimEnd());
        using var zip = ZipFile.OpenRead(output);
        var media = Assert.Single(zip.Entries, e => e.FullName.StartsWith("word/media/", StringComparison.Ordinal));
        using var stream = media.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        Assert.Equal(picture, bytes.ToArray());
    }

    [Fact]
    public void Render_MissingValue_NamesThePathAndWhereTheTagIs()
    {
        var template = Template(P("Judul {{title}}") + P("WBK: {{counts.wbk}}"));
        var data = _dir.Write("data.json", """{"title": "Laporan", "counts": {}}""");

        var result = Zi.Run("template", "render", template, "--data", data, "--out", _dir.File("out.docx"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "zi: laporan.docx cannot be filled from data.json (1 problem):\n"
            + "  document, paragraph 2: no value 'counts.wbk' in the data (add it, or give a default: {{counts.wbk | default:\"-\"}}) — near \"{{counts.wbk}}\"",
            result.Error.TrimEnd().ReplaceLineEndings("\n"));
        Assert.False(File.Exists(_dir.File("out.docx")));
    }

    [Fact]
    public void Render_InvalidJson_NamesTheLineAndPosition()
    {
        var template = Template(P("{{title}}"));
        var data = _dir.Write("data.json", "{\n  \"title\": \"Laporan\",\n  \"year\": 20 25\n}");

        var result = Zi.Run("template", "render", template, "--data", data, "--out", _dir.File("out.docx"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("zi: data.json, line 3, position 14: not valid JSON: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TemplateWithDefects_PointsToCheck()
    {
        var template = Template(P("{{title | bogus}}"));
        var data = _dir.Write("data.json", """{"title": "x"}""");

        var result = Zi.Run("template", "render", template, "--data", data, "--out", _dir.File("out.docx"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("zi: laporan.docx has 1 defect (zi template check laporan.docx lists them):", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OutOverTheTemplate_IsRefused()
    {
        var template = Template(P("{{title}}"));
        var before = File.ReadAllBytes(template);
        var data = _dir.Write("data.json", """{"title": "x"}""");

        var result = Zi.Run("template", "render", template, "--data", data, "--out", template);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(template));
    }

    [Fact]
    public void Render_Twice_WritesTheSameBytes()
    {
        var template = Template(P("{{title}} {{generatedOn | date}}") + Table(["{{#each rows}}{{@no}}", "{{value | number:2}}{{/each}}"]) + P("{{image chart}}"));
        _dir.Write("grafik.png", Png(30, 30, 10));
        var data = _dir.Write("data.json", """{"title": "Laporan", "generatedOn": "2026-11-22", "rows": [{"value": 1.5}, {"value": 75}], "chart": "grafik.png"}""");

        Assert.Equal(0, Zi.Run("template", "render", template, "--data", data, "--out", _dir.File("a.docx")).ExitCode);
        Assert.Equal(0, Zi.Run("template", "render", template, "--data", data, "--out", _dir.File("b.docx")).ExitCode);

        Assert.Equal(File.ReadAllBytes(_dir.File("a.docx")), File.ReadAllBytes(_dir.File("b.docx")));
    }

    [Fact]
    public void Render_WithPdf_WritesAPdfBesideTheDocument()
    {
        Assert.SkipWhen(PdfConverter.Locate() is null, LibreOffice.Missing);
        var template = Template(P("Laporan {{title}}"));
        var data = _dir.Write("data.json", """{"title": "Kesiapan Zona Integritas"}""");
        var output = _dir.File("out/laporan-isi.docx");

        var result = Zi.Run("template", "render", template, "--data", data, "--out", output, "--pdf");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal([$"wrote {output}", $"wrote {_dir.File("out/laporan-isi.pdf")}"], result.Out.TrimEnd().Split('\n'));
        Assert.Equal("", result.Error);
        Assert.True(PdfMerger.PageCount(_dir.File("out/laporan-isi.pdf")) > 0);
    }

    [Fact]
    public void Render_WithPdfAndAFontNeitherShippedNorInstalled_WarnsNamingFontAndTemplateAndWritesThePdf()
    {
        Assert.SkipWhen(PdfConverter.Locate() is null, LibreOffice.Missing);
        Assert.SkipWhen(PdfConverter.Locate("fc-list") is null, "fc-list (fontconfig) is not on PATH; install fontconfig to run this test.");
        var template = Template(P("<w:r><w:rPr><w:rFonts w:ascii=\"Zi Tiada Sans\" w:hAnsi=\"Zi Tiada Sans\"/></w:rPr><w:t>Laporan {{title}}</w:t></w:r>")
            + P("<w:r><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\"/></w:rPr><w:t>{{title}}</w:t></w:r>"));
        var data = _dir.Write("data.json", """{"title": "Kesiapan Zona Integritas"}""");
        var output = _dir.File("out/laporan-isi.docx");

        var result = Zi.Run("template", "render", template, "--data", data, "--out", output, "--pdf");

        Assert.True(result.ExitCode == 0, result.Error);
        var warning = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith($"warning: template {template} names the font \"Zi Tiada Sans\", which is neither shipped with zi nor installed here: the PDF sets it in ", warning, StringComparison.Ordinal);
        Assert.True(PdfMerger.PageCount(_dir.File("out/laporan-isi.pdf")) > 0);
    }

    [Fact]
    public void Build_ShippedFonts_StandBesideZiWithTheirLicences()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "fonts");

        Assert.Equal(ShippedFonts.Default.Folder, folder);
        Assert.Equal(ShippedFonts.Families, ShippedFonts.Default.Present);
        Assert.All(["LICENSE-Carlito.txt", "LICENSE-Liberation.txt", "LICENSE-DejaVu.txt"], l => Assert.True(File.Exists(Path.Combine(folder, l)), l));
    }

    [Fact]
    public void Fields_Briefing_ListsEveryFieldWithTypeAndMeaning()
    {
        var result = Zi.Run("template", "fields", "briefing");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("headline.wbk ", StringComparison.Ordinal) && l.Contains(" integer ", StringComparison.Ordinal));
        var loop = Array.FindIndex(lines, l => l.StartsWith("{{#each candidates}} ", StringComparison.Ordinal));
        Assert.True(loop >= 0, result.Out);
        Assert.Contains(lines.Skip(loop + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)), l => l.StartsWith("  unitName ", StringComparison.Ordinal));
        Golden.Verify("template-fields-briefing", result.Out);
    }

    [Fact]
    public void Fields_UnknownKind_IsAUsageError()
    {
        var result = Zi.Run("template", "fields", "rapor");

        Assert.Equal(2, result.ExitCode);
    }
}
