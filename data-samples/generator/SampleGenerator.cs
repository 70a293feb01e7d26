using System.Globalization;
using System.Text;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;

namespace Integritas.SampleData;

/// <summary>
/// Writes the sample exports: one canonical LKE CSV per instansi and year (2022–2025) in the real 90/2021
/// indicator structure, and the predicate history. Everything follows from the seed, so the committed
/// files can be checked against a fresh run.
/// </summary>
public sealed class SampleGenerator(int seed = SampleGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20260522;
    public static readonly int[] Years = [2022, 2023, 2024, 2025];

    private const string Header = "tahun,kode_unit,nama_unit,instansi,area,bagian,indikator,bobot,soal,jenis,jawaban";

    // Areas the sample units find harder or easier (added to each unit's maturity).
    private static readonly Dictionary<string, double> AreaDifficulty = new()
    {
        ["MP"] = 0.05, ["TT"] = 0.0, ["SDM"] = -0.02, ["AK"] = 0.02, ["PW"] = -0.07, ["PP"] = 0.03,
    };

    private readonly Random _random = new(seed);

    /// <summary>Writes every sample file under <paramref name="root"/>; returns the paths written, relative to it.</summary>
    public IReadOnlyList<string> Write(string root)
    {
        var rule = RuleCatalog.Default.Find("90/2021")!;
        var catalog = LkeCatalog.Lke90;
        var written = new List<string>();
        var held = new Dictionary<string, List<HeldPredicate>>();
        var awards = new List<(string Unit, int Year, string Predicate)>();
        var areaOffsets = new Dictionary<(string, string), double>();

        foreach (var instansi in SampleUnits.All)
        {
            foreach (var unit in instansi.Units)
            {
                held[unit.Code] = [];
                if (unit.WbkBefore2022 is { } year)
                {
                    held[unit.Code].Add(new HeldPredicate("WBK", year));
                    awards.Add((unit.Code, year, "WBK"));
                }
                foreach (var area in rule.Areas)
                {
                    areaOffsets[(unit.Code, area.Code)] = Gaussian(0, 0.07);
                }
            }
        }

        foreach (var year in Years)
        {
            foreach (var instansi in SampleUnits.All)
            {
                var csv = new StringBuilder();
                csv.Append(instansi.Delimiter == ',' ? Header : Header.Replace(',', instansi.Delimiter)).Append("\r\n");
                foreach (var unit in instansi.Units.Where(u => u.FirstYear <= year))
                {
                    // The listed maturities describe units at their best; the sample starts them a step lower.
                    var maturity = Math.Clamp(unit.Maturity - 0.07 + unit.Drift * (year - unit.FirstYear) + Gaussian(0, 0.02), 0.2, 0.98);
                    var rows = Answers(rule, catalog, unit, maturity, areaOffsets);
                    foreach (var row in rows)
                    {
                        AppendRow(csv, instansi, unit, year, row);
                    }
                    // The latest year's awards are announced after the internal assessment this sample stands for.
                    if (year < Years[^1])
                    {
                        Award(rule, unit, year, rows, held, awards);
                    }
                }
                var path = Path.Combine("lke", $"{year}-{instansi.Code.ToLowerInvariant()}.csv");
                WriteFile(root, path, csv.ToString(), instansi.Bom);
                written.Add(path);
            }
        }

        var predicates = new StringBuilder("kode_unit,tahun,predikat\n");
        foreach (var (unit, year, predicate) in awards.OrderBy(a => a.Unit, StringComparer.Ordinal).ThenBy(a => a.Year))
        {
            predicates.Append(CultureInfo.InvariantCulture, $"{unit},{year},{predicate}\n");
        }
        WriteFile(root, "predikat.csv", predicates.ToString(), bom: false);
        written.Add("predikat.csv");
        return written;
    }

    private sealed record Row(CatalogIndicator Indicator, CatalogQuestion Question, string Answer, decimal? Value);

    private List<Row> Answers(RuleSet rule, LkeCatalog catalog, SampleUnit unit, double maturity, Dictionary<(string, string), double> offsets)
    {
        var rows = new List<Row>();
        var blanks = _random.NextDouble() < 0.07 ? 1 + _random.Next(4) : 0;
        foreach (var indicator in catalog.Indicators)
        {
            var areaMaturity = indicator.Area == LkeCodes.HasilArea
                ? maturity
                : Math.Clamp(maturity + AreaDifficulty[indicator.Area] + offsets[(unit.Code, indicator.Area)], 0.05, 1);
            foreach (var question in indicator.Questions)
            {
                var quality = Math.Clamp(areaMaturity + Gaussian(0, 0.14), 0, 1);
                var answer = question.Kind switch
                {
                    AnswerKind.PERSEN => Ratio(quality),
                    AnswerKind.INDEKS => Index(indicator.Code, maturity),
                    _ => Option(rule, question.Kind, quality),
                };
                rows.Add(new Row(indicator, question, answer, AnswerParser.Parse(rule, question.Kind, answer).Value));
            }
        }
        // A few unit-years leave questions unanswered (never the hasil ones, which come from surveys).
        for (var i = 0; i < blanks; i++)
        {
            var candidates = rows.Where(r => r.Indicator.Part != LkePart.Hasil && r.Answer.Length > 0).ToList();
            var pick = candidates[_random.Next(candidates.Count)];
            rows[rows.IndexOf(pick)] = pick with { Answer = "", Value = null };
        }
        return rows;
    }

    private static string Option(RuleSet rule, AnswerKind kind, double quality)
    {
        var options = rule.Answers.For(kind)!;
        var best = options.OrderBy(o => Math.Abs((double)o.Value - quality)).ThenByDescending(o => o.Value).First().Key;
        return kind == AnswerKind.YT ? (best == "YA" ? "Ya" : "Tidak") : best;
    }

    private string Ratio(double quality)
    {
        // Percentages come from counts in the workbook: e.g. 17 of 20 change agents made a change.
        var denominator = 4 + _random.Next(57);
        var numerator = (int)Math.Round(denominator * Math.Clamp(quality + 0.1, 0, 1));
        var percent = Math.Round(100m * numerator / denominator, 2, MidpointRounding.AwayFromZero);
        return percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
    }

    private string Index(string indicator, double maturity)
    {
        var baseline = indicator == "IPAK" ? 2.98 : 2.9;
        var value = Math.Clamp(baseline + 0.95 * maturity + Gaussian(0, 0.1), 2.5, 4.0);
        return Math.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);
    }

    private void Award(RuleSet rule, SampleUnit unit, int year, List<Row> rows, Dictionary<string, List<HeldPredicate>> held, List<(string, int, string)> awards)
    {
        var tallies = rows.GroupBy(r => r.Indicator).Select(g => new IndicatorTally(g.Key.Area, g.Key.Part, g.Key.Code, g.Key.Weight,
            g.Sum(r => r.Value ?? 0), g.Count(r => r.Value is not null), g.Count(r => r.Value is null)));
        var card = LkeScorer.Score(rule, tallies);
        var readiness = ReadinessEvaluator.Evaluate(card, year, held[unit.Code]);
        var holdsWbk = held[unit.Code].Any(h => h.Year < year);
        var holdsWbbm = held[unit.Code].Any(h => h.Predicate == "WBBM");
        // TPN's desk and field evaluation does not award every unit the LKE says is ready.
        var roll = _random.NextDouble();
        string? awarded = readiness.Verdict switch
        {
            "WBBM" when holdsWbk && !holdsWbbm && roll < 0.6 => "WBBM",
            "WBBM" or "WBK" when !holdsWbk && roll < 0.75 => "WBK",
            _ => null,
        };
        if (awarded is not null)
        {
            held[unit.Code].Add(new HeldPredicate(awarded, year));
            awards.Add((unit.Code, year, awarded));
        }
    }

    private static void AppendRow(StringBuilder csv, SampleInstansi instansi, SampleUnit unit, int year, Row row)
    {
        string Number(decimal value) => instansi.DecimalComma
            ? LkeNumber.Canonical(value).Replace('.', ',')
            : LkeNumber.Canonical(value);
        string Answer(string text) => instansi.DecimalComma ? text.Replace('.', ',') : text;
        var fields = new[]
        {
            year.ToString(CultureInfo.InvariantCulture), unit.Code, unit.Name, instansi.Name, row.Indicator.Area,
            row.Indicator.Part.ToCode(), row.Indicator.Code, Number(row.Indicator.Weight), row.Question.Code, row.Question.Kind.ToString(),
            Answer(row.Answer),
        };
        csv.Append(string.Join(instansi.Delimiter, fields.Select(f => Quote(f, instansi.Delimiter)))).Append("\r\n");
    }

    private static string Quote(string field, char delimiter) =>
        field.Contains(delimiter) || field.Contains('"') ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static void WriteFile(string root, string relative, string content, bool bom)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
    }

    private double Gaussian(double mean, double sd)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
