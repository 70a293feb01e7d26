using System.Globalization;
using System.Text;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;

namespace Integritas.SampleData;

/// <summary>
/// National-scale canonical LKE data for load and speed tests: many units (about 25,000 work units
/// nationally, decision 9) over several years, each a whole 90/2021 LKE (113 rows), written as one
/// canonical CSV stream. Answers follow a per-unit maturity with yearly drift; everything follows from the seed.
/// </summary>
public sealed class NationalGenerator(int units, int fromYear, int toYear, int seed = SampleGenerator.DefaultSeed)
{
    public const string Header = "tahun,kode_unit,nama_unit,instansi,area,bagian,indikator,bobot,soal,jenis,jawaban";

    public long RowCount => (long)units * (toYear - fromYear + 1) * LkeCatalog.Lke90.Questions.Count();

    /// <summary>
    /// Writes one official-layout workbook per unit for the first year ({year}_{unit}_lke.xlsx), for load
    /// tests of workbook ingest; returns the number of files written.
    /// </summary>
    public int WriteWorkbooks(string folder)
    {
        var rule = Domain.Rules.RuleCatalog.Default.Find("90/2021")!;
        var catalog = LkeCatalog.Lke90;
        var random = new Random(seed);
        Directory.CreateDirectory(folder);
        for (var u = 0; u < units; u++)
        {
            var maturity = 0.35 + random.NextDouble() * 0.55;
            var answers = new Dictionary<string, string>();
            var counts = new Dictionary<string, IReadOnlyList<int?>>();
            foreach (var question in catalog.Questions)
            {
                var quality = Math.Clamp(maturity + (random.NextDouble() - 0.5) * 0.4, 0, 1);
                if (question.Kind == AnswerKind.PERSEN)
                {
                    var denominators = question.Inputs.Count(i => i.Role == "denominator");
                    var total = 10 * Math.Max(1, denominators);
                    counts[question.Code] = question.Formula == "decrease"
                        ? [5, (int)Math.Round(5 * (1 - quality)), 0]
                        : [.. question.Inputs.Select(i => (int?)(i.Role switch { "denominator" => 10, "numerator" => (int)Math.Round(total * quality), _ => 0 }))];
                }
                else
                {
                    answers[question.Code] = question.Kind == AnswerKind.INDEKS
                        ? Math.Round(2.8 + quality * 1.2, 2).ToString("0.00", CultureInfo.InvariantCulture)
                        : question.Kind == AnswerKind.YT ? (quality >= 0.5 ? "Ya" : "Tidak")
                        : ((char)('A' + (int)Math.Round((1 - quality) * (question.Kind.ToString().Length - 1)))).ToString();
                }
            }
            var bytes = OfficialWorkbook.WriteLkeZi(rule, catalog, new WorkbookLayer(Reviewer.Unit, answers, counts));
            File.WriteAllBytes(Path.Combine(folder, $"{fromYear}_N{u:D6}_lke.xlsx"), bytes);
        }
        return units;
    }

    /// <summary>Writes the CSV; returns the number of rows written.</summary>
    public long Write(TextWriter output)
    {
        var random = new Random(seed);
        var indicators = LkeCatalog.Lke90.Indicators;
        var options = new Dictionary<AnswerKind, string[]>
        {
            [AnswerKind.YT] = ["Ya", "Tidak"],
            [AnswerKind.ABC] = ["A", "B", "C"],
            [AnswerKind.ABCD] = ["A", "B", "C", "D"],
            [AnswerKind.ABCDE] = ["A", "B", "C", "D", "E"],
        };
        var prefix = indicators.ToDictionary(i => i.Code, i => $"{i.Area},{i.Part.ToCode()},{i.Code},{LkeNumber.Canonical(i.Weight)},");
        output.Write(Header);
        output.Write('\n');
        var line = new StringBuilder(256);
        long rows = 0;
        for (var u = 0; u < units; u++)
        {
            var instansi = u % 120;
            var unitCode = $"N{u:D6}";
            var name = $"Unit Kerja {u:D6}";
            var instansiName = $"Instansi {instansi:D3}";
            var maturity = 0.35 + random.NextDouble() * 0.55;
            var drift = (random.NextDouble() - 0.3) * 0.06;
            for (var year = fromYear; year <= toYear; year++)
            {
                var m = Math.Clamp(maturity + drift * (year - fromYear), 0.05, 0.98);
                var yearText = year.ToString(CultureInfo.InvariantCulture);
                foreach (var indicator in indicators)
                {
                    foreach (var question in indicator.Questions)
                    {
                        var quality = Math.Clamp(m + (random.NextDouble() - 0.5) * 0.4, 0, 1);
                        var answer = question.Kind switch
                        {
                            AnswerKind.PERSEN => Math.Round(quality * 100, 2).ToString("0.##", CultureInfo.InvariantCulture) + "%",
                            AnswerKind.INDEKS => Math.Round(2.8 + quality * 1.2, 2).ToString("0.00", CultureInfo.InvariantCulture),
                            _ => options[question.Kind][(int)Math.Round((1 - quality) * (options[question.Kind].Length - 1))],
                        };
                        line.Clear();
                        line.Append(yearText).Append(',').Append(unitCode).Append(',').Append(name).Append(',').Append(instansiName).Append(',')
                            .Append(prefix[indicator.Code]).Append(question.Code).Append(',').Append(question.Kind.ToString()).Append(',').Append(answer).Append('\n');
                        output.Write(line);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }
}
