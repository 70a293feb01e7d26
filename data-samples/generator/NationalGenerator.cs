using System.Globalization;
using System.Text;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;

namespace Integritas.SampleData;

/// <summary>
/// National-scale canonical LKE data for load and speed tests: many units (about 25,000 work units
/// nationally, decision 9) over several years, each a whole 90/2021 LKE (113 rows). Answers follow a
/// per-unit maturity with yearly drift; everything follows from the seed. The same unit-years go out as one
/// canonical CSV stream (<see cref="Write(TextWriter, TextWriter?)"/>) or straight into a zi database
/// (<see cref="NationalDatabase"/>); <see cref="Lkes"/> is what both write.
/// </summary>
public sealed class NationalGenerator
{
    public const string Header = "tahun,kode_unit,nama_unit,instansi,area,bagian,indikator,bobot,soal,jenis,jawaban";

    public const string PredicateHeader = "kode_unit,tahun,predikat";

    private static readonly Dictionary<AnswerKind, string[]> Options = new()
    {
        [AnswerKind.YT] = ["Ya", "Tidak"],
        [AnswerKind.ABC] = ["A", "B", "C"],
        [AnswerKind.ABCD] = ["A", "B", "C", "D"],
        [AnswerKind.ABCDE] = ["A", "B", "C", "D", "E"],
    };

    /// <summary>The share of units ready for WBK (and not holding it) that are awarded it in a year.</summary>
    private const double WbkShare = 0.1;

    /// <summary>The share of WBK holders ready for WBBM that are awarded it in a year.</summary>
    private const double WbbmShare = 0.15;

    private readonly int _units;
    private readonly int _fromYear;
    private readonly int _toYear;
    private readonly int _seed;
    private readonly RuleSet[] _rules;

    /// <summary>
    /// Units <c>N000000</c>… over the evaluation years <paramref name="fromYear"/>–<paramref name="toYear"/>.
    /// Every year must fall under an item-level rule (90/2021, from 2022): earlier years' rules (52/2014,
    /// 10/2019) have no item-level LKE, only recap sheets of area scores, which this generator does not write.
    /// </summary>
    public NationalGenerator(int units, int fromYear, int toYear, int seed = SampleGenerator.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        if (YearsError(fromYear, toYear) is { } error)
        {
            throw new ArgumentException(error, nameof(fromYear));
        }
        (_units, _fromYear, _toYear, _seed) = (units, fromYear, toYear, seed);
        _rules = [.. Enumerable.Range(fromYear, toYear - fromYear + 1).Select(y => RuleCatalog.Default.ForYear(y)!)];
    }

    /// <summary>Why the years cannot be generated (a year without an item-level rule), or null.</summary>
    public static string? YearsError(int fromYear, int toYear)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            var rule = RuleCatalog.Default.ForYear(year);
            if (rule is null || !rule.ItemLevel)
            {
                var first = RuleCatalog.Default.Rules.Where(r => r.ItemLevel).Select(r => r.FromYear).DefaultIfEmpty(0).Min();
                return rule is null
                    ? $"no rule version applies to evaluation year {year}"
                    : $"evaluation year {year} falls under rule {rule.Id}, whose LKE is a recap of area scores without item-level answers; " +
                      $"the national generator writes item-level LKEs only, so start the years at {first} or later (e.g. --years {first}-{first + 7})";
            }
        }
        return null;
    }

    public int Units => _units;

    public int FromYear => _fromYear;

    public int ToYear => _toYear;

    public int Seed => _seed;

    /// <summary>The LKE's questions in the order every unit-year lists them.</summary>
    public static IReadOnlyList<(CatalogIndicator Indicator, CatalogQuestion Question)> Items { get; } =
        [.. LkeCatalog.Lke90.Indicators.SelectMany(i => i.Questions.Select(q => (i, q)))];

    public long RowCount => (long)_units * (_toYear - _fromYear + 1) * Items.Count;

    /// <summary>
    /// The unit-years in order (unit by unit, each unit's years in order), one object reused for all of them
    /// so nothing accumulates: read it before moving on. Answers are in <see cref="Items"/> order, as text
    /// and as the rule of the year reads them (<see cref="AnswerParser"/>, exactly as ingest does). With
    /// <paramref name="awards"/>, predicates are awarded along the way (see <see cref="NationalAward"/>).
    /// </summary>
    public IEnumerable<NationalLke> Lkes(List<NationalAward>? awards = null)
    {
        var random = new Random(_seed);
        // A stream of its own, so the answers are the same whether or not predicates are awarded.
        var awardRandom = new Random(unchecked(_seed * 31 + 7));
        // One set of answer texts per rule (years under the same rule share it).
        var texts = new Dictionary<RuleSet, AnswerTexts>(ReferenceEqualityComparer.Instance);
        var seen = new List<NationalAnswer>();
        var answersByYear = _rules.Select(r => texts.TryGetValue(r, out var t) ? t : texts[r] = new AnswerTexts(r, seen)).ToArray();
        var kinds = Items.Select(x => x.Question.Kind).ToArray();
        var optionCount = kinds.Select(k => Options.TryGetValue(k, out var o) ? o.Length : 0).ToArray();
        var lke = new NationalLke(Items.Count, seen);
        var held = new List<HeldPredicate>();
        for (var u = 0; u < _units; u++)
        {
            var instansi = u % 120;
            lke.UnitIndex = u;
            lke.UnitId = $"N{u:D6}";
            lke.UnitName = $"Unit Kerja {u:D6}";
            lke.Instansi = $"Instansi {instansi:D3}";
            var maturity = 0.35 + random.NextDouble() * 0.55;
            var drift = (random.NextDouble() - 0.3) * 0.06;
            held.Clear();
            for (var year = _fromYear; year <= _toYear; year++)
            {
                var rule = _rules[year - _fromYear];
                var answers = answersByYear[year - _fromYear];
                var m = Math.Clamp(maturity + drift * (year - _fromYear), 0.05, 0.98);
                lke.Year = year;
                lke.Rule = rule;
                for (var i = 0; i < Items.Count; i++)
                {
                    var quality = Math.Clamp(m + (random.NextDouble() - 0.5) * 0.4, 0, 1);
                    lke.Answers[i] = kinds[i] switch
                    {
                        AnswerKind.PERSEN => answers.Percent(Math.Round(quality * 100, 2)),
                        AnswerKind.INDEKS => answers.Index(Math.Round(2.8 + quality * 1.2, 2)),
                        var kind => answers.Option(kind, (int)Math.Round((1 - quality) * (optionCount[i] - 1))),
                    };
                }
                if (awards is not null)
                {
                    Award(lke, held, awards, awardRandom);
                }
                yield return lke;
            }
        }
    }

    /// <summary>
    /// Awards a unit-year the way the national figures look (domain reference section 6: a few hundred WBK and
    /// some dozens of WBBM a year among about 25,000 units, since most ready units are never proposed or do not
    /// pass TPN): WBK to one in ten units whose LKE meets its criteria and that does not hold it, WBBM to one in
    /// seven units ready for it that have held WBK since an earlier year. The latest year's awards are not
    /// announced yet, so it gets none (its ranking has candidates).
    /// </summary>
    private void Award(NationalLke lke, List<HeldPredicate> held, List<NationalAward> awards, Random random)
    {
        if (lke.Year == _toYear)
        {
            return;
        }
        // Every award held is from an earlier year.
        var holdsWbk = held.Count > 0;
        var holdsWbbm = held.Any(h => h.Predicate == "WBBM");
        var roll = random.NextDouble();
        // The roll first: most unit-years are not awarded whatever their LKE says, and need no scoring.
        if (holdsWbbm || roll >= (holdsWbk ? WbbmShare : WbkShare))
        {
            return;
        }
        var verdict = ReadinessEvaluator.Evaluate(LkeScorer.Score(lke.Rule, lke.Tallies()), lke.Year, held).Verdict;
        string? awarded = verdict switch
        {
            "WBBM" when holdsWbk => "WBBM",
            "WBBM" or "WBK" when !holdsWbk => "WBK",
            _ => null,
        };
        if (awarded is not null)
        {
            held.Add(new HeldPredicate(awarded, lke.Year));
            awards.Add(new NationalAward(lke.UnitId, lke.Year, awarded));
        }
    }

    /// <summary>
    /// Writes the CSV; returns the number of rows written. With <paramref name="predicates"/>, also the
    /// predicate history (<c>kode_unit,tahun,predikat</c>) the same run awards.
    /// </summary>
    public long Write(TextWriter output, TextWriter? predicates = null)
    {
        var prefix = Items.Select(x => $"{x.Indicator.Area},{x.Indicator.Part.ToCode()},{x.Indicator.Code},{LkeNumber.Canonical(x.Indicator.Weight)},{x.Question.Code},{x.Question.Kind},").ToArray();
        output.Write(Header);
        output.Write('\n');
        var line = new StringBuilder(256);
        long rows = 0;
        var awards = predicates is null ? null : new List<NationalAward>();
        foreach (var lke in Lkes(awards))
        {
            var yearText = lke.Year.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < prefix.Length; i++)
            {
                line.Clear();
                line.Append(yearText).Append(',').Append(lke.UnitId).Append(',').Append(lke.UnitName).Append(',').Append(lke.Instansi).Append(',')
                    .Append(prefix[i]).Append(lke.Answers[i].Text).Append('\n');
                output.Write(line);
                rows++;
            }
        }
        if (predicates is not null)
        {
            predicates.Write(PredicateHeader);
            predicates.Write('\n');
            foreach (var award in awards!)
            {
                predicates.Write(string.Create(CultureInfo.InvariantCulture, $"{award.UnitId},{award.Year},{award.Predicate}\n"));
            }
        }
        return rows;
    }

    /// <summary>
    /// Writes one official-layout workbook per unit for the first year ({year}_{unit}_lke.xlsx), for load
    /// tests of workbook ingest; returns the number of files written.
    /// </summary>
    public int WriteWorkbooks(string folder)
    {
        var rule = RuleCatalog.Default.Find("90/2021")!;
        var catalog = LkeCatalog.Lke90;
        var random = new Random(_seed);
        Directory.CreateDirectory(folder);
        for (var u = 0; u < _units; u++)
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
            File.WriteAllBytes(Path.Combine(folder, $"{_fromYear}_N{u:D6}_lke.xlsx"), bytes);
        }
        return _units;
    }

    /// <summary>
    /// The answers of one rule, each made once per distinct text: a few hundred distinct answers serve
    /// millions of rows, each parsed by <see cref="AnswerParser"/> as ingest parses it, and numbered in the
    /// run's list of <paramref name="seen"/> answers.
    /// </summary>
    private sealed class AnswerTexts(RuleSet rule, List<NationalAnswer> seen)
    {
        private readonly Dictionary<double, NationalAnswer> _percent = [];
        private readonly Dictionary<double, NationalAnswer> _index = [];
        private readonly Dictionary<(AnswerKind, int), NationalAnswer> _option = [];

        public NationalAnswer Percent(double percent) =>
            Get(_percent, percent, AnswerKind.PERSEN, () => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%");

        public NationalAnswer Index(double index) =>
            Get(_index, index, AnswerKind.INDEKS, () => index.ToString("0.00", CultureInfo.InvariantCulture));

        public NationalAnswer Option(AnswerKind kind, int option) =>
            Get(_option, (kind, option), kind, () => Options[kind][option]);

        private NationalAnswer Get<TKey>(Dictionary<TKey, NationalAnswer> cache, TKey key, AnswerKind kind, Func<string> text)
            where TKey : notnull
        {
            if (!cache.TryGetValue(key, out var answer))
            {
                var t = text();
                var parsed = AnswerParser.Parse(rule, kind, t);
                if (parsed.Error is not null)
                {
                    throw new InvalidOperationException($"The generator wrote '{t}' for {kind}, which rule {rule.Id} refuses: {parsed.Error}");
                }
                answer = new NationalAnswer(seen.Count, t, parsed);
                seen.Add(answer);
                cache[key] = answer;
            }
            return answer;
        }
    }
}

/// <summary>
/// One generated unit-year LKE: the unit, the year and its rule, and each question's answer (in
/// <see cref="NationalGenerator.Items"/> order).
/// </summary>
public sealed class NationalLke(int questions, IReadOnlyList<NationalAnswer> seen)
{
    public int UnitIndex { get; internal set; }

    public string UnitId { get; internal set; } = "";

    public string UnitName { get; internal set; } = "";

    public string Instansi { get; internal set; } = "";

    public int Year { get; internal set; }

    public RuleSet Rule { get; internal set; } = null!;

    public NationalAnswer[] Answers { get; } = new NationalAnswer[questions];

    /// <summary>Every distinct answer the run has given so far, by <see cref="NationalAnswer.Id"/>.</summary>
    public IReadOnlyList<NationalAnswer> Seen { get; } = seen;

    /// <summary>What scoring needs of each indicator, from the parsed answers.</summary>
    public List<IndicatorTally> Tallies()
    {
        var tallies = new List<IndicatorTally>();
        var items = NationalGenerator.Items;
        for (var i = 0; i < items.Count;)
        {
            var indicator = items[i].Indicator;
            decimal sum = 0;
            int answered = 0, blank = 0;
            for (; i < items.Count && items[i].Indicator == indicator; i++)
            {
                if (Answers[i].Parsed.Value is { } v)
                {
                    sum += v;
                    answered++;
                }
                else
                {
                    blank++;
                }
            }
            tallies.Add(new IndicatorTally(indicator.Area, indicator.Part, indicator.Code, indicator.Weight, sum, answered, blank));
        }
        return tallies;
    }
}

/// <summary>
/// An answer as the CSV gives it (<see cref="Text"/>) and as ingest reads it under the year's rule
/// (<see cref="Parsed"/>: the normalised text stored and the value); <see cref="Id"/> numbers the run's distinct answers.
/// </summary>
public sealed record NationalAnswer(int Id, string Text, ParsedAnswer Parsed);

/// <summary>A predicate awarded to a unit for an evaluation year.</summary>
public sealed record NationalAward(string UnitId, int Year, string Predicate);
