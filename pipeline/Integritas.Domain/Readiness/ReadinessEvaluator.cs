using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Integritas.Domain.Facts;
using Integritas.Domain.Formatting;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;

namespace Integritas.Domain.Readiness;

/// <summary>
/// Checks a score card against the predicate criteria of its rule as in force that year (decisions 4–8):
/// the score criteria, a complete LKE, the predicate already held, and the prerequisites on the unit's facts.
/// </summary>
public static class ReadinessEvaluator
{
    public const string CompleteCriterion = "lkeLengkap";

    /// <param name="card">The unit-year's scores; its rule is the rule in force that year, amendments applied.</param>
    /// <param name="year">The evaluation year.</param>
    /// <param name="held">The unit's predicate history; only awards of earlier years count.</param>
    /// <param name="facts">The unit's and its instansi's facts for the year; a missing fact is unknown, never met.</param>
    /// <param name="reference">
    /// The newest rule: criteria it defines that the year's rule does not are listed as unknown and not
    /// binding (decision 8), so older years show what they cannot be judged on.
    /// </param>
    public static ReadinessResult Evaluate(ScoreCard card, int year, IEnumerable<HeldPredicate> held, UnitFacts? facts = null, RuleSet? reference = null)
    {
        var rule = card.Rule;
        facts ??= UnitFacts.None;
        var heldBefore = held.Where(h => h.Year < year).Select(h => h.Predicate).ToHashSet(StringComparer.Ordinal);
        var affirmation = Affirmed(rule, facts);
        // Decision 6: the highest level whose every binding criterion holds; the next level is the one above it.
        // Decided straight from the scores and the (shared) prerequisite results, without building the criteria:
        // the criteria of the newest rule that the year's rule lacks are never binding, so they cannot change it.
        string? verdict = null;
        string? scoreVerdict = null;
        var verdictIndex = -1;
        for (var i = 0; i < rule.Predicates.Count; i++)
        {
            var level = rule.Predicates[i];
            if (!ScoresPass(card, level, heldBefore))
            {
                continue;
            }
            scoreVerdict = level.Code;
            if (PrerequisitesPass(rule, level.Code, year, facts, affirmation))
            {
                verdict = level.Code;
                verdictIndex = i;
            }
        }
        // The next level is the one above both the verdict and what the unit holds: a WBK holder that fell below
        // the WBK criteria still aims at WBBM, and is flagged as below the level it holds (HeldBelow).
        var heldIndex = -1;
        for (var i = 0; i < rule.Predicates.Count; i++)
        {
            if (heldBefore.Contains(rule.Predicates[i].Code))
            {
                heldIndex = i;
            }
        }
        var nextIndex = Math.Max(verdictIndex, heldIndex) + 1;
        var next = nextIndex < rule.Predicates.Count ? rule.Predicates[nextIndex].Code : null;
        var points = next is null ? null : Points(card, rule.FindPredicate(next)!);
        var heldBelow = heldIndex >= 0 && !ScoresPass(card, rule.Predicates[heldIndex], heldBefore) ? rule.Predicates[heldIndex] : null;
        // The criteria are kept as the way to build them, not as objects: scoring a national database keeps
        // hundreds of thousands of unit-years, and holding some fifty criteria each made the garbage collector
        // the biggest cost of loading it. Only the unit-years whose criteria are read (a year's report, a unit)
        // build them, once.
        var criteria = new BuiltOnDemand(() => Criteria(card, year, heldBefore, facts, reference, affirmation));
        return new ReadinessResult(verdict ?? ReadinessResult.Belum, next, criteria, points)
        {
            ScoreVerdict = scoreVerdict ?? ReadinessResult.Belum,
            HeldBelow = heldBelow?.Code,
            HeldBelowPoints = heldBelow is null ? null : Points(card, heldBelow),
        };
    }

    /// <summary>What <see cref="Check"/> decides for a level, without building its results.</summary>
    private static bool ScoresPass(ScoreCard card, PredicateRule level, HashSet<string> heldBefore)
    {
        if (!card.IsComplete)
        {
            return false;
        }
        if (level.RequiresHeld is { } required && !heldBefore.Contains(required) && !HigherHeld(card.Rule, required, heldBefore))
        {
            return false;
        }
        foreach (var c in level.Criteria)
        {
            if (Score.Round2(card.Metric(c.Metric)) is not { } actual || actual < c.Min)
            {
                return false;
            }
        }
        return true;
    }

    private static bool PrerequisitesPass(RuleSet rule, string level, int year, UnitFacts facts, string? affirmation)
    {
        foreach (var p in rule.Prerequisites)
        {
            if (Prerequisite(p, level, year, facts, affirmation) is { Blocks: true })
            {
                return false;
            }
        }
        return true;
    }

    private static List<CriterionResult> Criteria(ScoreCard card, int year, HashSet<string> heldBefore, UnitFacts facts, RuleSet? reference, string? affirmation)
    {
        var rule = card.Rule;
        var criteria = new List<CriterionResult>();
        foreach (var level in rule.Predicates)
        {
            criteria.AddRange(Check(card, level, heldBefore));
            criteria.AddRange(rule.Prerequisites.Select(p => Prerequisite(p, level.Code, year, facts, affirmation)).OfType<CriterionResult>());
            if (reference is not null && reference.Id != rule.Id)
            {
                criteria.AddRange(NotDefined(card, level, reference, facts, year));
            }
            else if (reference is not null && rule.Prerequisites.Count == 0 && reference.Prerequisites.Count > 0)
            {
                criteria.AddRange(NotYetInForce(reference, level.Code, year, facts, rule));
            }
        }
        return criteria;
    }

    private static List<CriterionResult> Check(ScoreCard card, PredicateRule level, HashSet<string> heldBefore)
    {
        var results = new List<CriterionResult>
        {
            new(level.Code, CompleteCriterion, "LKE terisi lengkap (soal kosong)", "Soal kosong", CriterionKind.BlankQuestions,
                card.IsComplete ? CriterionStatus.Met : CriterionStatus.Unmet, card.BlankQuestions, 0, null),
        };
        if (level.RequiresHeld is { } required)
        {
            var holds = heldBefore.Contains(required) || HigherHeld(card.Rule, required, heldBefore);
            results.Add(new CriterionResult(level.Code, $"predikat.{required}", $"Telah memperoleh predikat {required}", $"Predikat {required}", CriterionKind.Held,
                holds ? CriterionStatus.Met : CriterionStatus.Unmet, holds ? 1 : 0, 1, null));
        }
        foreach (var c in level.Criteria)
        {
            var actual = Score.Round2(card.Metric(c.Metric));
            var status = actual is null ? CriterionStatus.Unknown : actual >= c.Min ? CriterionStatus.Met : CriterionStatus.Unmet;
            var kind = c.Unit == CriterionUnit.Percent ? CriterionKind.Percent : CriterionKind.Points;
            results.Add(new CriterionResult(level.Code, c.Id, c.Label, c.ShortLabel, kind, status, actual, c.Min, c.Confidence)
            {
                Note = actual is null ? NotCheckable(card, c) : null,
            });
        }
        return results;
    }

    /// <summary>
    /// Why a criterion cannot be checked on the unit-year's data: a recap sheet without the columns it needs (e.g. a
    /// 52/2014 recap with the hasil total only has no "persepsi_korupsi" or "tlhp"). Unknown, so never passed.
    /// </summary>
    private static string NotCheckable(ScoreCard card, CriterionRule c)
    {
        static string Columns(HasilPartRule part) => part.Kind switch
        {
            Lke.AnswerKind.INDEKS => $"'{part.Code.ToLowerInvariant()}' atau 'indeks_{part.Code.ToLowerInvariant()}'",
            Lke.AnswerKind.PERSEN => $"'{part.Code.ToLowerInvariant()}' atau 'persen_{part.Code.ToLowerInvariant()}'",
            _ => $"'{part.Code.ToLowerInvariant()}'",
        };
        var colon = c.Metric.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? "" : c.Metric[(colon + 1)..];
        var missing = c.Metric[..(colon < 0 ? c.Metric.Length : colon)] switch
        {
            "part" => card.Rule.FindHasilPart(code) is { } part ? Columns(part) : null,
            "group" => string.Join(", ", card.HasilParts.Where(p => p.Rule.Group == code && p.Value is null).Select(p => Columns(p.Rule))),
            "total" or "hasil" => string.Join(", ", card.HasilParts.Where(p => p.Value is null).Select(p => Columns(p.Rule))) + " (atau 'hasil')",
            _ => null,
        };
        var source = card.Source == ScoreSource.Recap ? "rekap" : "sumber data";
        return missing is { Length: > 0 }
            ? $"Tidak dapat diperiksa: {source} tanpa kolom {missing}"
            : $"Tidak dapat diperiksa: nilai tidak tersedia pada {source}";
    }

    /// <summary>The affirmation category when the unit may be proposed while completing the prerequisites, else null.</summary>
    private static string? Affirmed(RuleSet rule, UnitFacts facts)
    {
        if (rule.Affirmation is not { } affirmation || facts.Get(affirmation.Fact) is not { } category)
        {
            return null;
        }
        return affirmation.When.All(w => facts.Get(w.Key)?.Value == w.Value) ? category.Value : null;
    }

    /// <summary>
    /// One prerequisite for one level, or null when it does not apply to the level (or to the unit's case). The
    /// result is fully determined by the rule, the level, the year, the two facts it reads (value and year) and
    /// the affirmation, and it is immutable, so units in the same case share one result: at national scale most
    /// units share a handful (a fact not yet received, a grade), and hundreds of thousands of unit-years hold
    /// references rather than copies.
    /// </summary>
    private static CriterionResult? Prerequisite(PrerequisiteRule p, string level, int year, UnitFacts facts, string? affirmation)
    {
        var by = p.By is { } byName ? facts.Get(byName) : null;
        var fact = facts.Get(p.Fact.Name);
        var key = new PrerequisiteCase(level, year, by?.Value, fact?.Value, fact?.Year, affirmation, p.InARow > 1 ? Earlier(p, year, facts) : null);
        var cache = PrerequisiteCache.GetOrCreateValue(p);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var result = ComputePrerequisite(p, level, year, facts, affirmation);
        if (cache.Count < MaxCasesPerPrerequisite)
        {
            cache.TryAdd(key, result);
        }
        return result;
    }

    private readonly record struct PrerequisiteCase(string Level, int Year, string? By, string? Value, int? ValueYear, string? Affirmation, string? Earlier);

    /// <summary>The fact's values in the years before <paramref name="year"/> that a years-in-a-row test reads, as one key.</summary>
    private static string Earlier(PrerequisiteRule p, int year, UnitFacts facts) =>
        string.Join('|', Enumerable.Range(1, p.InARow - 1).Select(k => facts.In(p.Fact.Name, year - k)?.Value ?? "?"));

    /// <summary>Per prerequisite, its results by case; bounded, so a long-running worker's memory stays flat whatever the facts.</summary>
    private static readonly ConditionalWeakTable<PrerequisiteRule, ConcurrentDictionary<PrerequisiteCase, CriterionResult?>> PrerequisiteCache = new();

    private const int MaxCasesPerPrerequisite = 4096;

    private static CriterionResult? ComputePrerequisite(PrerequisiteRule p, string level, int year, UnitFacts facts, string? affirmation)
    {
        Requirement? requirement;
        if (p.By is { } by)
        {
            if (facts.Get(by) is not { } byValue)
            {
                var options = string.Join("; ", p.Cases.Select(c => $"{c.Key} {Describe(Pick(c.Value, level))}"));
                return new CriterionResult(level, p.Criterion, p.Label, p.ShortLabel, CriterionKind.Prerequisite, CriterionStatus.Unknown, null, null, p.Confidence)
                {
                    RequiredText = options,
                    Note = $"{FactCatalog.Default.Find(by)?.Label ?? by} belum diketahui",
                };
            }
            if (!p.Cases.TryGetValue(byValue.Value, out var levels))
            {
                return null;
            }
            requirement = Pick(levels, level);
        }
        else
        {
            requirement = Pick(p.Levels, level);
        }
        if (requirement is null)
        {
            return null;
        }
        var required = Describe(requirement);
        var fact = facts.Get(p.Fact.Name);
        if (fact is null)
        {
            return Waive(new CriterionResult(level, p.Criterion, p.Label, p.ShortLabel, CriterionKind.Prerequisite, CriterionStatus.Unknown, null, RequiredNumber(requirement), p.Confidence)
            {
                RequiredText = required,
                Note = "Data belum diterima",
            }, affirmation);
        }
        var (met, actual, actualText) = Test(p.Fact, requirement, fact.Value, year);
        if (requirement.InARow > 1)
        {
            // Each earlier year of the run must pass the same test on that year's value (52/2014: WTP two years in a row).
            var earlier = Enumerable.Range(1, requirement.InARow - 1).Select(k => (Year: year - k, Fact: facts.In(p.Fact.Name, year - k))).ToList();
            actualText = string.Join(", ", earlier.Prepend((Year: year, Fact: (FactValue?)fact)).Select(e => $"{e.Fact?.Value ?? "?"} ({e.Year})"));
            if (met && earlier.Any(e => e.Fact is null))
            {
                return Waive(new CriterionResult(level, p.Criterion, p.Label, p.ShortLabel, CriterionKind.Prerequisite, CriterionStatus.Unknown, null, RequiredNumber(requirement), p.Confidence)
                {
                    ActualText = actualText,
                    RequiredText = required,
                    Note = $"Data tahun {earlier.First(e => e.Fact is null).Year} belum diterima",
                }, affirmation);
            }
            met = met && earlier.All(e => Test(p.Fact, requirement, e.Fact!.Value, e.Year).Met);
            actual = null;
        }
        return Waive(new CriterionResult(level, p.Criterion, p.Label, p.ShortLabel, CriterionKind.Prerequisite, met ? CriterionStatus.Met : CriterionStatus.Unmet,
            actual, RequiredNumber(requirement), p.Confidence)
        {
            ActualText = actualText,
            RequiredText = required,
            Note = fact.Year != year ? $"data tahun {fact.Year}" : null,
        }, affirmation);
    }

    private static CriterionResult Waive(CriterionResult result, string? affirmation) =>
        affirmation is null || result.Status == CriterionStatus.Met
            ? result
            : result with { Status = CriterionStatus.Waived, Note = $"Afirmasi ({affirmation}): dapat dilengkapi setelah diusulkan" };

    private static Requirement? Pick(IReadOnlyDictionary<string, Requirement> levels, string level) =>
        levels.GetValueOrDefault(level) ?? levels.GetValueOrDefault("*");

    private static (bool Met, decimal? Actual, string Text) Test(FactDefinition fact, Requirement requirement, string value, int year)
    {
        switch (requirement.Test)
        {
            case PrerequisiteTest.AtLeast when fact.Type == FactType.Grade:
                return (fact.Rank(value) >= fact.Rank(requirement.Value), null, value);
            case PrerequisiteTest.AtLeast:
                var number = decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);
                return (number >= decimal.Parse(requirement.Value, NumberStyles.Number, CultureInfo.InvariantCulture), number,
                    Formats.Number(number, number == decimal.Truncate(number) ? 0 : 1) + (fact.Type == FactType.Percent ? "%" : ""));
            case PrerequisiteTest.Is:
                return (value == "ya" == (requirement.Value == "true"), null, value);
            default:
                var years = year - int.Parse(value, CultureInfo.InvariantCulture);
                return (years >= int.Parse(requirement.Value, CultureInfo.InvariantCulture), years, $"{years} tahun (sejak {value})");
        }
    }

    private static decimal? RequiredNumber(Requirement requirement) =>
        requirement.Test != PrerequisiteTest.Is && decimal.TryParse(requirement.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A requirement as a reader sees it: <c>≥ WTP</c>, <c>≥ 100%</c>, <c>ya</c>, <c>≥ 1 tahun</c>.</summary>
    public static string Describe(Requirement? requirement) => requirement switch
    {
        null => "-",
        { InARow: > 1 } => Describe(requirement with { InARow = 1 }) + $", {requirement.InARow} tahun berturut-turut",
        { Test: PrerequisiteTest.Is } => requirement.Value == "true" ? "ya" : "tidak",
        { Test: PrerequisiteTest.YearsSince } => $"≥ {requirement.Value} tahun",
        _ when decimal.TryParse(requirement.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => "≥ " + Formats.Number(n, n == decimal.Truncate(n) ? 0 : 1),
        _ => "≥ " + requirement.Value,
    };

    /// <summary>Criteria of the newest rule that the year's rule does not define: unknown, not binding (decision 8).</summary>
    private static IEnumerable<CriterionResult> NotDefined(ScoreCard card, PredicateRule level, RuleSet reference, UnitFacts facts, int year)
    {
        var referenceLevel = reference.FindPredicate(level.Code);
        if (referenceLevel is null)
        {
            yield break;
        }
        foreach (var c in referenceLevel.Criteria.Where(c => level.Criteria.All(own => own.Id != c.Id)))
        {
            var kind = c.Unit == CriterionUnit.Percent ? CriterionKind.Percent : CriterionKind.Points;
            var min = Formats.Number(c.Min) + (c.Unit == CriterionUnit.Percent ? "%" : "");
            yield return new CriterionResult(level.Code, c.Id, c.Label, c.ShortLabel, kind, CriterionStatus.Unknown, Score.Round2(card.Metric(c.Metric)), null, "U")
            {
                Binding = false,
                RequiredText = $"tidak diatur {card.Rule.Id}",
                Note = $"Tidak diatur dalam {card.Rule.Id}; acuan {reference.Label}: ≥ {min}",
            };
        }
        foreach (var result in NotYetInForce(reference, level.Code, year, facts, card.Rule))
        {
            yield return result;
        }
    }

    /// <summary>
    /// Prerequisites of the newest rule that the year's rule does not have (by id; e.g. 52/2014 has its own opini
    /// BPK, 10/2019 none): shown for reference, not binding.
    /// </summary>
    private static IEnumerable<CriterionResult> NotYetInForce(RuleSet reference, string level, int year, UnitFacts facts, RuleSet rule) =>
        reference.Prerequisites
            .Where(p => rule.Prerequisites.All(own => own.Id != p.Id))
            .Select(p => Prerequisite(p, level, year, facts, null))
            .OfType<CriterionResult>()
            .Select(r => NotInForceCache.GetValue(r, own => own with
            {
                Status = CriterionStatus.Unknown,
                Binding = false,
                Note = $"Belum berlaku pada {year} (berlaku menurut {reference.Label})",
            }));

    /// <summary>The not-binding copy of a (shared) prerequisite result, made once; the result's year is part of its case.</summary>
    private static readonly ConditionalWeakTable<CriterionResult, CriterionResult> NotInForceCache = new();

    /// <summary>Holding a higher predicate (WBBM) implies having held the lower one (WBK).</summary>
    private static bool HigherHeld(RuleSet rule, string required, HashSet<string> heldBefore)
    {
        var index = rule.Predicates.ToList().FindIndex(p => p.Code == required);
        return index >= 0 && rule.Predicates.Skip(index + 1).Any(p => heldBefore.Contains(p.Code));
    }

    /// <summary>
    /// The fewest points that meet every score criterion of <paramref name="level"/>. The scores form a
    /// tree (total = pengungkit + hasil; pengungkit = areas; hasil = groups = parts); a node needs the larger
    /// of its own gap and the sum of what its children need, since points added to a child count upward.
    /// </summary>
    public static PointsNeeded Points(ScoreCard card, PredicateRule level)
    {
        var minimums = LevelMinimums.Of(level);
        static decimal? Gap(decimal? min, decimal? actual) =>
            min is not { } m ? 0 : actual is { } a ? Math.Max(0, m - Score.Round2(a)) : null;

        var byArea = new Dictionary<string, decimal>(card.Areas.Count, StringComparer.Ordinal);
        decimal? areaSum = 0;
        foreach (var area in card.Areas)
        {
            var need = minimums.AreaPercent.TryGetValue(area.Code, out var min) ? AreaNeed(area, min) : 0;
            byArea[area.Code] = need;
            areaSum += need;
        }
        var pengungkit = Max(Gap(minimums.Pengungkit, card.Pengungkit), areaSum);

        var byPart = new Dictionary<string, decimal>(card.HasilParts.Count, StringComparer.Ordinal);
        decimal? hasil = 0;
        foreach (var group in card.Rule.HasilGroups)
        {
            decimal? partSum = 0;
            foreach (var part in card.HasilParts)
            {
                if (part.Rule.Group != group.Code)
                {
                    continue;
                }
                var need = Gap(minimums.Part.TryGetValue(part.Code, out var partMin) ? partMin : null, part.Value);
                if (need is { } n)
                {
                    byPart[part.Code] = n;
                }
                partSum += need;
            }
            hasil += Max(Gap(minimums.Group.TryGetValue(group.Code, out var groupMin) ? groupMin : null, card.Group(group.Code)), partSum);
        }
        hasil = Max(Gap(minimums.Hasil, card.Hasil), hasil);
        var total = Max(Gap(minimums.Total, card.Total), pengungkit + hasil);
        return new PointsNeeded(level.Code, byArea, byPart, total);
    }

    /// <summary>A level's score minimums by metric, read from its criteria once per level (points are asked for every unit-year).</summary>
    private sealed class LevelMinimums
    {
        private static readonly ConditionalWeakTable<PredicateRule, LevelMinimums> Cache = new();

        public static LevelMinimums Of(PredicateRule level) => Cache.GetValue(level, l => new LevelMinimums(l));

        private LevelMinimums(PredicateRule level)
        {
            foreach (var c in level.Criteria)
            {
                var colon = c.Metric.IndexOf(':', StringComparison.Ordinal);
                var (name, code) = colon < 0 ? (c.Metric, "") : (c.Metric[..colon], c.Metric[(colon + 1)..]);
                // The first criterion of a metric counts, as a lookup of the level's criteria by metric finds it.
                switch (name)
                {
                    case "total": Total ??= c.Min; break;
                    case "pengungkit": Pengungkit ??= c.Min; break;
                    case "hasil": Hasil ??= c.Min; break;
                    case "areaPercent": AreaPercent.TryAdd(code, c.Min); break;
                    case "group": Group.TryAdd(code, c.Min); break;
                    case "part": Part.TryAdd(code, c.Min); break;
                    default: break;
                }
            }
        }

        public decimal? Total { get; }

        public decimal? Pengungkit { get; }

        public decimal? Hasil { get; }

        public Dictionary<string, decimal> AreaPercent { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, decimal> Group { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, decimal> Part { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The points an area lacks for its % criterion, judged as the verdict judges it: the % rounded to 2
    /// decimals must reach the minimum, so the area needs weight × (min − 0.005)% points, rounded up to the
    /// next 0.01 shown (e.g. 5.997 of 10 is 59.97%: it needs 0.01, not the 0.00 that 6.00 − 6.00 suggests).
    /// </summary>
    public static decimal AreaNeed(AreaScore area, decimal minPercent)
    {
        if (Score.Round2(area.Percent) >= minPercent)
        {
            return 0;
        }
        var need = area.Rule.Weight * (minPercent - 0.005m) / 100m - area.Total;
        return Math.Max(0.01m, Math.Ceiling(need * 100m) / 100m);
    }

    private static decimal? Max(decimal? a, decimal? b) => a is null || b is null ? null : Math.Max(a.Value, b.Value);
}

/// <summary>A unit-year's criteria, built the first time they are read, then kept.</summary>
internal sealed class BuiltOnDemand(Func<List<CriterionResult>> build) : IReadOnlyList<CriterionResult>
{
    private readonly Lazy<List<CriterionResult>> _criteria = new(build);

    public CriterionResult this[int index] => _criteria.Value[index];

    public int Count => _criteria.Value.Count;

    public IEnumerator<CriterionResult> GetEnumerator() => _criteria.Value.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
