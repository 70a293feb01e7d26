using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Integritas.Cli.Tests;

/// <summary>
/// Issue 14.3: every sample unit's LHE, as <c>zi report all</c> writes it, is a valid document with no tag left, and
/// its numbers are the CLI's: the TPI column equals <c>zi scores</c>, the self-assessment column <c>zi scores --layer
/// unit</c>, the findings' totals <c>zi reviews</c>, the team the unit's rows of lhe-tim.csv.
/// </summary>
public sealed class LheTests(ReportedYear year) : IClassFixture<ReportedYear>
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    private static string N(JsonElement value) => value.GetDecimal().ToString("N2", Id);

    [Fact]
    public void EveryUnitsLhe_IsValid_HasNoTagLeft_AndShowsTheCliNumbers()
    {
        var self = year.Json("scores", "--format", "json", "--layer", "unit").EnumerateArray().ToDictionary(s => s.GetProperty("unitId").GetString()!, StringComparer.Ordinal);
        var reviews = year.Json("reviews", "--format", "json").EnumerateArray().ToList();
        var team = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data-samples", "lhe-tim.csv")).Skip(1).GroupBy(l => l.Split(',')[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(40, year.Scores.Count);
        foreach (var score in year.Scores)
        {
            var unit = score.GetProperty("unitId").GetString()!;
            var path = year.File(Path.Combine("lhe-2025", unit + ".docx"));
            using (var document = WordprocessingDocument.Open(path, false))
            {
                Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken));
                foreach (var part in document.Parts.Select(p => p.OpenXmlPart).Append(document.MainDocumentPart!).OfType<OpenXmlPart>().Where(p => p.RootElement is not null))
                {
                    Assert.DoesNotContain("{{", part.RootElement!.InnerText, StringComparison.Ordinal);
                    Assert.DoesNotContain("}}", part.RootElement!.InnerText, StringComparison.Ordinal);
                }
                foreach (var footer in document.MainDocumentPart!.FooterParts)
                {
                    Assert.DoesNotContain("{{", footer.RootElement!.InnerText, StringComparison.Ordinal);
                }
            }
            var lhe = new DocxReader(path);
            var text = string.Join("\n", lhe.Paragraphs);
            Assert.Matches(@"Nomor\s*:?\s*B-\d+/IJ/PW\.110/[IVX]+/\d{4}", string.Join(" ", lhe.Tables[0].SelectMany(r => r)));
            Assert.Contains("Yth. Kepala " + score.GetProperty("unitName").GetString(), text, StringComparison.Ordinal);

            var table = lhe.TableAfter("Tabel 1.");
            string Tpi(string code) => table.Single(r => r[0] == code)[4];
            string Self(string code) => table.Single(r => r[0] == code)[3];
            foreach (var area in score.GetProperty("areas").EnumerateObject())
            {
                Assert.Equal(N(area.Value.GetProperty("total")), Tpi(area.Name));
            }
            var pengungkit = table.Single(r => r[0] == "Jumlah komponen pengungkit");
            var hasil = table.Single(r => r[0] == "Jumlah komponen hasil");
            var total = table.Single(r => r[0] == "Nilai total");
            Assert.Equal(N(score.GetProperty("pengungkit")), pengungkit[3]);
            Assert.Equal(N(score.GetProperty("hasil")), hasil[3]);
            Assert.Equal(N(score.GetProperty("total")), total[3]);
            Assert.Contains($"nilai total {N(score.GetProperty("total"))}", text, StringComparison.Ordinal);

            var own = self[unit];
            if (score.GetProperty("layer").GetString() == "unit")
            {
                Assert.Equal("-", total[2]);
            }
            else
            {
                Assert.Equal(N(own.GetProperty("total")), total[2]);
                foreach (var area in own.GetProperty("areas").EnumerateObject())
                {
                    Assert.Equal(N(area.Value.GetProperty("total")), Self(area.Name));
                }
            }
            foreach (var review in reviews.Where(r => r.GetProperty("unitId").GetString() == unit && r.GetProperty("changes").GetArrayLength() > 0))
            {
                Assert.Contains($"Nilai total penilaian mandiri {N(review.GetProperty("unitTotal"))} menjadi {N(review.GetProperty("reviewerTotal"))}", text, StringComparison.Ordinal);
                Assert.Contains($"mengubah {review.GetProperty("changes").GetArrayLength()} jawaban", text, StringComparison.Ordinal);
            }
            var members = lhe.TableAfter("Evaluasi dilaksanakan berdasarkan Surat Tugas");
            Assert.Equal(team[unit], members.Count - 1);
            Assert.All(members.Skip(1), m => Assert.Matches(@"^\d{8} \d{6} [12] \d{3}$", m[3]));
        }
    }
}
