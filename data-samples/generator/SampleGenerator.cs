using System.Globalization;
using System.Text;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;

namespace Integritas.SampleData;

/// <summary>
/// Writes the sample exports in the real 90/2021 indicator structure: canonical LKE CSV per instansi and
/// year (2022–2025), except that ESDM's 2025 LKEs arrive as official workbooks (some with the quirks real
/// copies carry) plus one TPI review file; recap sheets for 2016–2018 under 52/2014 and 2019–2021 under 10/2019;
/// unit and instansi facts for 2016–2018 (52/2014's prerequisites) and 2022–2025 (90/2021's and 5/2024's); and the
/// predicate history. Everything follows from the seed, so the committed files can be
/// checked against a fresh run.
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
                // ESDM's units sent their 2025 LKE as the official workbook; everything else came as CSV exports.
                var asWorkbooks = instansi.Code == "ESDM" && year == Years[^1];
                var csv = new StringBuilder();
                csv.Append(instansi.Delimiter == ',' ? Header : Header.Replace(',', instansi.Delimiter)).Append("\r\n");
                foreach (var unit in instansi.Units.Where(u => u.FirstYear <= year))
                {
                    var rows = Answers(rule, catalog, unit, Maturity(unit, year, Gaussian(0, 0.02)), areaOffsets);
                    if (asWorkbooks)
                    {
                        written.AddRange(Workbooks(root, rule, catalog, unit, year, rows));
                    }
                    else
                    {
                        foreach (var row in rows)
                        {
                            AppendRow(csv, instansi, unit, year, row);
                        }
                    }
                    // The latest year's awards are announced after the internal assessment this sample stands for.
                    if (year < Years[^1])
                    {
                        Award(rule, unit, year, rows, held, awards);
                    }
                }
                if (!asWorkbooks)
                {
                    var path = Path.Combine("lke", $"{year}-{instansi.Code.ToLowerInvariant()}.csv");
                    WriteFile(root, path, csv.ToString(), instansi.Bom);
                    written.Add(path);
                }
            }
        }

        var predicates = new StringBuilder("kode_unit,tahun,predikat\n");
        foreach (var (unit, year, predicate) in awards.OrderBy(a => a.Unit, StringComparer.Ordinal).ThenBy(a => a.Year))
        {
            predicates.Append(CultureInfo.InvariantCulture, $"{unit},{year},{predicate}\n");
        }
        WriteFile(root, "predikat.csv", predicates.ToString(), bom: false);
        written.Add("predikat.csv");
        written.AddRange(new SampleHistory(seed, areaOffsets, awards).Write(root));
        written.Add(SampleTeams.Write(root, Years[^1], seed));
        return written;
    }

    /// <summary>A unit's maturity in a year: the listed maturity describes it at its best, so the sample starts a step lower and drifts.</summary>
    internal static double Maturity(SampleUnit unit, int year, double noise = 0) =>
        Math.Clamp(unit.Maturity - 0.07 + unit.Drift * (year - unit.FirstYear) + noise, 0.2, 0.98);

    /// <summary>
    /// The official workbook of one unit-year (with the quirk this unit's copy carries), and for one unit the
    /// Itjen's TPI review file with the unit's answers and two reviewers' own.
    /// </summary>
    private IEnumerable<string> Workbooks(string root, RuleSet rule, LkeCatalog catalog, SampleUnit unit, int year, List<Row> rows)
    {
        var layer = new WorkbookLayer(Reviewer.Unit,
            rows.Where(r => r.Question.Kind != AnswerKind.PERSEN).ToDictionary(r => r.Question.Code, r => r.Answer),
            rows.Where(r => r.Counts is not null).ToDictionary(r => r.Question.Code, r => r.Counts!));
        var quirks = QuirksOf(unit, rows);
        var name = Path.Combine("workbooks", $"{year}_{unit.Code}_lke.xlsx");
        WriteFile(root, name, OfficialWorkbook.WriteLkeZi(rule, catalog, layer, quirks));
        yield return name;
        if (unit.Code == TpiReviewedUnit)
        {
            var tpiUnit = Review(layer, Reviewer.TpiUnit, rule, 6, 0);
            var tpiItjen = Review(tpiUnit, Reviewer.TpiItjen, rule, 4, 1);
            var tpi = Path.Combine("workbooks", $"{year}_{unit.Code}_tpi.xlsx");
            WriteFile(root, tpi, OfficialWorkbook.WriteTpi(rule, catalog, [layer, tpiUnit, tpiItjen]));
            yield return tpi;
        }
    }

    /// <summary>The unit whose 2025 LKE the Itjen's TPI reviewed in its template (the sample's layered file).</summary>
    public const string TpiReviewedUnit = "ESDM-06";

    private static WorkbookQuirks QuirksOf(SampleUnit unit, List<Row> rows)
    {
        int? Subtotal(string question) => rows.First(r => r.Question.Code == question) is { Counts: { } counts } row && counts.All(c => c is not null)
            ? row.Question.Inputs.Select((input, i) => (input, i)).Where(x => x.input.Role == row.Question.Subtotal!.Role).Sum(x => counts[x.i]!.Value)
            : null;
        decimal Computed(string indicator) =>
            rows.Where(r => r.Indicator.Code == indicator && r.Value is not null).Select(r => r.Value!.Value).DefaultIfEmpty(0).Average() * rows.First(r => r.Indicator.Code == indicator).Indicator.Weight;
        return unit.Code switch
        {
            "ESDM-01" => new WorkbookQuirks { KindTypos = new Dictionary<string, string> { ["TT-P1-a"] = "A/B/CD", ["PP-P4-b"] = "A / B / C" } },
            "ESDM-02" => new WorkbookQuirks { TypedValues = new Dictionary<string, decimal> { ["PW-P2"] = Computed("PW-P2") < 1.5m ? 1.5m : 1.25m } },
            "ESDM-03" => new WorkbookQuirks { SkippedNumbering = true, SignatureRows = true },
            "ESDM-04" => new WorkbookQuirks { HiddenSheet = true, LineBreaks = true },
            "ESDM-05" => new WorkbookQuirks { NoteRowAfter = "SDM-P4-b", KindTypos = new Dictionary<string, string> { ["MP-P1-a"] = "Ya" } },
            "ESDM-07" => new WorkbookQuirks
            {
                StrayKindSpaces = true,
                SubIndicators = SubIndicatorNumbering.Letters,
                PercentOnIndicatorRows = ["MP-R1", "SDM-R3", "AK-R1", "PW-R2", "PW-R3", "PP-R1"],
            },
            // "Jumlah yang harus melaporkan" (LHKASN) typed over its SUM, two more than the rows under it add up to.
            "ESDM-08" when Subtotal("PW-R3B-a") is { } obliged => new WorkbookQuirks { TypedSubtotals = new Dictionary<string, int> { ["PW-R3B-a"] = obliged + 2 } },
            "ESDM-09" => new WorkbookQuirks { TypedPercents = new Dictionary<string, decimal> { ["AK-R1-a"] = 1m } },
            // The LHK group's formula adds only LHKPN, as in the real Puskesmas workbook of issue 9.
            "ESDM-10" => new WorkbookQuirks { BrokenGroupFormulas = ["PW-R3"] },
            _ => new WorkbookQuirks(),
        };
    }

    /// <summary>A reviewer's layer: the answers reviewed, a few moved one step down (and some up) as a TPI would.</summary>
    private WorkbookLayer Review(WorkbookLayer from, Reviewer reviewer, RuleSet rule, int lowered, int raised)
    {
        var answers = new Dictionary<string, string>(from.Answers);
        var counts = from.Counts.ToDictionary(c => c.Key, c => c.Value);
        var codes = answers.Keys.Where(k => answers[k].Length > 0 && k is not "IPAK" and not "IPKP").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < lowered + raised; i++)
        {
            var code = codes[_random.Next(codes.Count)];
            var kind = LkeCatalog.Lke90.FindQuestion(code)!.Value.Question.Kind;
            var options = rule.Answers.For(kind)!.OrderByDescending(o => o.Value).Select(o => o.Key).ToList();
            var at = options.FindIndex(o => string.Equals(o, answers[code], StringComparison.OrdinalIgnoreCase));
            var next = Math.Clamp(at + (i < lowered ? 1 : -1), 0, options.Count - 1);
            answers[code] = kind == AnswerKind.YT ? (options[next] == "YA" ? "Ya" : "Tidak") : options[next];
        }
        if (lowered > 0 && counts.TryGetValue("PW-R2-a", out var complaints) && complaints[2] is > 0 and var resolved)
        {
            // The reviewer counted two resolved complaints fewer than the unit claimed.
            counts["PW-R2-a"] = [complaints[0], complaints[1] + Math.Min(2, resolved), resolved - Math.Min(2, resolved)];
        }
        return new WorkbookLayer(reviewer, answers, counts);
    }

    private sealed record Row(CatalogIndicator Indicator, CatalogQuestion Question, string Answer, decimal? Value, IReadOnlyList<int?>? Counts = null);

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
                if (question.Kind == AnswerKind.PERSEN)
                {
                    var counts = Counts(question, quality);
                    var ratio = PercentItems.Compute(question, [.. counts.Select(c => (decimal?)c)]).Ratio!.Value;
                    // A CSV export shows the percentage rounded as the workbook displays it.
                    var shown = Math.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "%";
                    rows.Add(new Row(indicator, question, shown, ratio, counts));
                    continue;
                }
                var answer = question.Kind == AnswerKind.INDEKS ? Index(indicator.Code, maturity) : Option(rule, question.Kind, quality);
                rows.Add(new Row(indicator, question, answer, AnswerParser.Parse(rule, question.Kind, answer).Value));
            }
        }
        // A few unit-years leave questions unanswered (never the hasil ones, which come from surveys).
        for (var i = 0; i < blanks; i++)
        {
            var candidates = rows.Where(r => r.Indicator.Part != LkePart.Hasil && r.Answer.Length > 0).ToList();
            var pick = candidates[_random.Next(candidates.Count)];
            rows[rows.IndexOf(pick)] = pick with { Answer = "", Value = null, Counts = pick.Counts?.Select(_ => (int?)null).ToList() };
        }
        return rows;
    }

    private static string Option(RuleSet rule, AnswerKind kind, double quality)
    {
        var options = rule.Answers.For(kind)!;
        var best = options.OrderBy(o => Math.Abs((double)o.Value - quality)).ThenByDescending(o => o.Value).First().Key;
        return kind == AnswerKind.YT ? (best == "YA" ? "Ya" : "Tidak") : best;
    }

    /// <summary>The "Jumlah" counts behind a percentage item, as a unit of this quality would report them.</summary>
    private List<int?> Counts(CatalogQuestion question, double quality)
    {
        var share = Math.Clamp(quality + 0.1, 0, 1);
        if (question.Formula == "decrease")
        {
            var previous = 1 + _random.Next(8);
            var current = (int)Math.Round(previous * (1 - share));
            return [previous, current, current];
        }
        var counts = question.Inputs.Select(input => input.Role == "denominator" ? (int?)(2 + _random.Next(40)) : 0).ToList();
        var denominator = counts.Where((_, i) => question.Inputs[i].Role == "denominator").Sum(c => c!.Value);
        var numerator = (int)Math.Round(denominator * share);
        for (var i = 0; i < counts.Count; i++)
        {
            counts[i] = question.Inputs[i].Role switch
            {
                "numerator" => numerator,
                "extra" => denominator - numerator,
                _ => counts[i],
            };
        }
        return counts;
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
        // The score verdict, as NationalGenerator does: the proposal prerequisites need facts this loop does not read,
        // and TPN's own evaluation below stands for what an award takes beyond the scores.
        var verdict = ReadinessEvaluator.Evaluate(card, year, held[unit.Code]).ScoreVerdict;
        var holdsWbk = held[unit.Code].Any(h => h.Year < year);
        var holdsWbbm = held[unit.Code].Any(h => h.Predicate == "WBBM");
        // TPN's desk and field evaluation does not award every unit the LKE says is ready.
        var roll = _random.NextDouble();
        string? awarded = verdict switch
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

    internal static void WriteFile(string root, string relative, string content, bool bom)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
    }

    internal static void WriteFile(string root, string relative, byte[] content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    private double Gaussian(double mean, double sd)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
