using Integritas.TestSupport;
using static Integritas.Documents.Tests.TestDocx;

namespace Integritas.Documents.Tests;

/// <summary>
/// A report laid out as an author would in Word, filled end to end. The result is also written to
/// <c>visual/report.docx</c> beside the test binaries, for a person to open and look at.
/// </summary>
public class ReportTests
{
    private const string Heading = "<w:pPr><w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr>";

    private static string Styled(string pPr, string rPr, string text) =>
        $"<w:p>{pPr}<w:r><w:rPr>{rPr}</w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    private static string Cell(string text, int width, string fill = "", bool bold = false) =>
        $"<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{(fill.Length > 0 ? $"<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>" : "")}</w:tcPr>"
        + $"<w:p><w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/></w:pPr><w:r>{(bold ? "<w:rPr><w:b/><w:color w:val=\"FFFFFF\"/></w:rPr>" : "")}<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p></w:tc>";

    private static string Grid(int[] widths, params string[] rows) =>
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>"
        + string.Concat(new[] { "top", "left", "bottom", "right", "insideH", "insideV" }.Select(b => $"<w:{b} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"8EAADB\"/>"))
        + "</w:tblBorders></w:tblPr><w:tblGrid>" + string.Concat(widths.Select(w => $"<w:gridCol w:w=\"{w}\"/>")) + "</w:tblGrid>"
        + string.Concat(rows.Select(r => "<w:tr>" + r + "</w:tr>")) + "</w:tbl>";

    private static byte[] Template()
    {
        int[] widths = [700, 4200, 1600, 2000];
        var header = "<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:color w:val=\"7F7F7F\"/><w:sz w:val=\"18\"/></w:rPr><w:t xml:space=\"preserve\">Inspektorat Jenderal · Laporan Kesiapan ZI {{ye</w:t></w:r><w:r><w:rPr><w:color w:val=\"7F7F7F\"/><w:sz w:val=\"18\"/></w:rPr><w:t>ar}}</w:t></w:r></w:p>";
        var footer = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"16\"/></w:rPr><w:t xml:space=\"preserve\">Disusun {{generatedOn | date}}</w:t></w:r></w:p>";
        var body =
            "<w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>" + AnchoredPicture("{{image logo}}", 720_000, 720_000) + "</w:p>"
            + Styled("<w:pPr><w:jc w:val=\"center\"/></w:pPr>", "<w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"36\"/>", "{{title | upper}}")
            + Styled("<w:pPr><w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr>", "<w:i/>", "Tahun evaluasi {{year}} · {{unitCount}} unit kerja")
            + Styled(Heading, "<w:b/><w:sz w:val=\"28\"/>", "Ringkasan")
            + P("Sebanyak ", "*{{counts.wbk}}", " unit memenuhi kriteria WBK{{#if counts.wbbm}} dan ", "*{{counts.wbbm}}", " unit memenuhi WBBM{{/if}}. Rata-rata nilai {{mean | number:2}}, atau {{share | percent:1}} dari nilai maksimum. Rincian: ", Link("{{site}}"), ".")
            + P("Sorotan:", TextBox(Styled("", "<w:b/>", "Nilai tertinggi") + P("{{best.name}}: {{best.total | number:2}}")))
            + Styled(Heading, "<w:b/><w:sz w:val=\"28\"/>", "Nilai per unit")
            + Grid(widths,
                Cell("No", widths[0], "1F3864", true) + Cell("Unit kerja", widths[1], "1F3864", true) + Cell("Nilai", widths[2], "1F3864", true) + Cell("Status", widths[3], "1F3864", true),
                Cell("{{#each units}}{{@no}}", widths[0]) + Cell("{{name}}", widths[1]) + Cell("{{total | number:2}}", widths[2]) + Cell("{{#if total >= 75}}Siap{{else}}Belum siap{{/if}}{{/each}}", widths[3]))
            + Styled(Heading, "<w:b/><w:sz w:val=\"28\"/>", "Unit terlambat")
            + Grid([4200, 4300],
                Cell("Unit", 4200, "C00000", true) + Cell("Hari", 4300, "C00000", true),
                Cell("{{#if late}}{{#each late}}{{name}}", 4200) + Cell("{{days}}{{/each}}", 4300),
                Cell("{{else}}", 4200) + Cell("", 4300),
                Cell("Tidak ada unit yang terlambat.", 4200) + Cell("{{/if}}", 4300))
            + Styled(Heading, "<w:b/><w:sz w:val=\"28\"/>", "Grafik")
            + "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t>{{image chart}}</w:t></w:r></w:p>"
            + Styled(Heading, "<w:b/><w:sz w:val=\"28\"/>", "Catatan")
            + P("{{#each notes}}") + P(Bookmark(1, "catatan", "• {{this}}")) + P("{{/each}}")
            + P("{{#if notes}}") + P("Jumlah catatan: {{noteCount | default:\"-\"}}.") + P("{{else}}Tidak ada catatan.{{/if}}");
        return Create(body, header, footer, picture: true);
    }

    private const string Data = """
        {
          "title": "Kesiapan Zona Integritas",
          "year": 2025,
          "unitCount": 4,
          "noteCount": 2,
          "generatedOn": "2026-11-22",
          "site": "laman ZI",
          "counts": {"wbk": 3, "wbbm": 1},
          "mean": 76.4321,
          "share": 0.764321,
          "best": {"name": "Biro Umum", "total": 91.5},
          "logo": "logo.png",
          "chart": "chart.png",
          "units": [
            {"name": "Biro Umum", "total": 91.5},
            {"name": "Biro Keuangan", "total": 80.25},
            {"name": "Pusat Data dan Informasi", "total": 74.999},
            {"name": "Inspektorat Wilayah I", "total": 61}
          ],
          "late": [],
          "notes": ["LKE dua unit belum lengkap.", "Nilai dibulatkan dua desimal."]
        }
        """;

    [Fact]
    public void Render_RealisticReport_ReadsAsWritten()
    {
        using var folder = new TempDirectory();
        folder.Write("logo.png", Png(64, 64, (x, y) => ((x - 32) * (x - 32) + (y - 32) * (y - 32) < 900 ? ((byte)31, (byte)56, (byte)100) : ((byte)255, (byte)255, (byte)255))));
        folder.Write("chart.png", Png(600, 240, (x, y) => x % 120 is > 20 and < 100 && y > 240 - (x / 120 + 1) * 40 ? ((byte)47, (byte)84, (byte)150) : ((byte)255, (byte)255, (byte)255)));

        var docx = Fill(Template(), Data, Indonesian with { BaseDirectory = folder.Path });

        var output = Path.Combine(AppContext.BaseDirectory, "visual", "report.docx");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllBytes(output, docx);
        Assert.Equal(
            """

            KESIAPAN ZONA INTEGRITAS
            Tahun evaluasi 2025 · 4 unit kerja
            Ringkasan
            Sebanyak 3 unit memenuhi kriteria WBK dan 1 unit memenuhi WBBM. Rata-rata nilai 76,43, atau 76,4% dari nilai maksimum. Rincian: laman ZI.
            Sorotan:
            Nilai per unit
            No | Unit kerja | Nilai | Status
            1 | Biro Umum | 91,50 | Siap
            2 | Biro Keuangan | 80,25 | Siap
            3 | Pusat Data dan Informasi | 75,00 | Belum siap
            4 | Inspektorat Wilayah I | 61,00 | Belum siap
            Unit terlambat
            Unit | Hari
            Tidak ada unit yang terlambat. | 
            Grafik

            Catatan
            • LKE dua unit belum lengkap.
            • Nilai dibulatkan dua desimal.
            Jumlah catatan: 2.
            """.ReplaceLineEndings("\n"), Text(docx));
        Assert.Equal(["Nilai tertinggi / Biro Umum: 91,50"], TextBoxes(docx));
        Assert.Equal("Inspektorat Jenderal · Laporan Kesiapan ZI 2025", Text(docx, "word/header1.xml"));
        Assert.Equal("Disusun 22 November 2026", Text(docx, "word/footer1.xml"));
    }
}
