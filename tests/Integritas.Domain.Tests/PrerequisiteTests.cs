using Integritas.Domain.Facts;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;

namespace Integritas.Domain.Tests;

/// <summary>
/// The proposal prerequisites (decision 7: 90/2021 Tabel 5 from 2022, 5/2024 from 2024, 52/2014 Bab III §A before)
/// and criteria an older year's rule does not define (decision 8).
/// </summary>
public class PrerequisiteTests
{
    private static readonly RuleSet Rule2024 = RuleCatalog.Default.ForYear(2024)!;

    /// <summary>Every fact a K/L unit needs, each meeting WBBM's requirements too.</summary>
    private static Dictionary<string, string> AllMet() => new()
    {
        ["jenis_instansi"] = "K/L", ["opini_bpk"] = "WTP", ["predikat_sakip"] = "BB", ["indeks_rb"] = "BB", ["level_spip"] = "3",
        ["unit_layanan_utama"] = "ya", ["berdampak_persepsi"] = "ya", ["tlhp_persen"] = "100", ["lhkpn_persen"] = "100",
        ["lhkasn_persen"] = "100", ["tahun_mulai_zi"] = "2022", ["tahun_mulai_zi_wbbm"] = "2023", ["sakip_internal"] = "BB",
    };

    private static UnitFacts Facts(Dictionary<string, string> values, int year = 2024) =>
        new(values.ToDictionary(v => v.Key, v => new FactValue(v.Value, year)));

    private static ScoreCard Card(decimal areaShare = 1m) => Cards.With(areaShare) with { Rule = Rule2024 };

    private static ReadinessResult Evaluate(Dictionary<string, string> facts, ScoreCard? card = null, params HeldPredicate[] held) =>
        ReadinessEvaluator.Evaluate(card ?? Card(), 2024, held, Facts(facts));

    [Fact]
    public void RuleFor2024_Is90Of2021WithThe5Of2024Prerequisites()
    {
        Assert.Equal("90/2021 jo. 5/2024", Rule2024.Label);
        Assert.Equal(12, Rule2024.Prerequisites.Count);
        Assert.Equal("90/2021", RuleCatalog.Default.ForYear(2023)!.Label);
        Assert.All(Rule2024.Prerequisites, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
    }

    [Fact]
    public void Evaluate_EveryFactMet_WbkHolderIsWbbm()
    {
        var result = Evaluate(AllMet(), held: new HeldPredicate("WBK", 2022));

        Assert.Equal(("WBBM", "WBBM"), (result.Verdict, result.ScoreVerdict));
    }

    [Theory]
    [InlineData("opini_bpk", "WDP", "syarat.opiniBpk")]
    [InlineData("predikat_sakip", "CC", "syarat.sakipInstansi")]
    [InlineData("indeks_rb", "CC", "syarat.indeksRb")]
    [InlineData("level_spip", "2.9", "syarat.levelSpip")]
    [InlineData("unit_layanan_utama", "tidak", "syarat.layananUtama")]
    [InlineData("berdampak_persepsi", "tidak", "syarat.dampakPersepsi")]
    [InlineData("tlhp_persen", "99.9", "syarat.tlhp")]
    [InlineData("lhkpn_persen", "98", "syarat.lhkpn")]
    [InlineData("lhkasn_persen", "0", "syarat.lhkasn")]
    [InlineData("tahun_mulai_zi", "2024", "syarat.lamaZi")]
    [InlineData("sakip_internal", "C", "syarat.sakipUnit")]
    public void Evaluate_EachPrerequisiteFailingAlone_IsTheOnlyShortfall(string fact, string value, string criterion)
    {
        var facts = AllMet();
        facts[fact] = value;

        var result = Evaluate(facts);

        Assert.Equal(("BELUM", "WBK"), (result.Verdict, result.ScoreVerdict));
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal((criterion, CriterionStatus.Unmet), (shortfall.Criterion, shortfall.Status));
    }

    [Fact]
    public void Evaluate_PrerequisiteExactlyAtItsMinimum_IsMet()
    {
        var facts = AllMet();
        (facts["level_spip"], facts["tahun_mulai_zi"], facts["sakip_internal"], facts["indeks_rb"]) = ("3", "2023", "B", "B");

        var result = Evaluate(facts);

        Assert.Equal("WBK", result.Verdict);
        Assert.Equal("1 tahun (sejak 2023)", result.For("WBK").Single(c => c.Criterion == "syarat.lamaZi").ActualText);
    }

    [Fact]
    public void Evaluate_MissingFact_IsUnknownAndHoldsTheUnitBack()
    {
        var facts = AllMet();
        facts.Remove("lhkpn_persen");

        var result = Evaluate(facts);

        Assert.Equal(("BELUM", "WBK"), (result.Verdict, result.ScoreVerdict));
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal(("syarat.lhkpn", CriterionStatus.Unknown, "≥ 100"), (shortfall.Criterion, shortfall.Status, shortfall.RequiredText));
    }

    [Theory]
    [InlineData("K/L", "B", "WBK")]
    [InlineData("K/L", "CC", "BELUM")]
    [InlineData("PEMDA", "CC", "WBK")]
    [InlineData("PEMDA", "C", "BELUM")]
    public void Evaluate_IndeksRb_DependsOnTheKindOfInstansi(string kind, string indeks, string verdict)
    {
        var facts = AllMet();
        (facts["jenis_instansi"], facts["indeks_rb"]) = (kind, indeks);

        Assert.Equal(verdict, Evaluate(facts).Verdict);
    }

    [Fact]
    public void Evaluate_UnknownKindOfInstansi_LeavesIndeksRbUnknown()
    {
        var facts = AllMet();
        facts.Remove("jenis_instansi");

        var shortfall = Assert.Single(Evaluate(facts).Shortfalls);

        Assert.Equal(("syarat.indeksRb", CriterionStatus.Unknown), (shortfall.Criterion, shortfall.Status));
        Assert.Contains("K/L ≥ B", shortfall.RequiredText, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PemdaAffirmationUnit_ProposedWhileCompletingThePrerequisites()
    {
        var facts = AllMet();
        (facts["jenis_instansi"], facts["indeks_rb"], facts["kategori_afirmasi"]) = ("PEMDA", "CC", "RSUD");
        facts["tlhp_persen"] = "80";
        facts.Remove("lhkpn_persen");

        var result = Evaluate(facts);

        Assert.Equal("WBK", result.Verdict);
        Assert.Equal(2, result.For("WBK").Count(c => c.Status == CriterionStatus.Waived));
    }

    [Fact]
    public void Evaluate_AffirmationCategoryAtAKlUnit_WaivesNothing()
    {
        var facts = AllMet();
        (facts["kategori_afirmasi"], facts["tlhp_persen"]) = ("PTSP", "80");

        Assert.Equal("BELUM", Evaluate(facts).Verdict);
    }

    [Fact]
    public void Evaluate_ScoresShortAndPrerequisitesMet_FailsOnTheScoresOnly()
    {
        var result = Evaluate(AllMet(), Card(areaShare: 0.5m));

        Assert.Equal(("BELUM", "BELUM"), (result.Verdict, result.ScoreVerdict));
        Assert.DoesNotContain(result.Shortfalls, c => c.Kind == CriterionKind.Prerequisite);
    }

    [Fact]
    public void UnitFacts_PersistentFactCarriesForward_YearlyFactDoesNot()
    {
        var facts = UnitFacts.For(2025, [("tahun_mulai_zi", new FactValue("2021", 2023)), ("tlhp_persen", new FactValue("100", 2024))]);

        Assert.Equal("2021", facts.Get("tahun_mulai_zi")?.Value);
        Assert.Null(facts.Get("tlhp_persen"));
    }

    [Fact]
    public void Evaluate_OlderRule_ListsTheNewerCriteriaAsUnknownButDecidesOnItsOwn()
    {
        var rule = RuleCatalog.Default.ForYear(2020)!;
        // A recap sheet: area totals at 70% of their weight and a hasil total, no parts.
        var card = new ScoreCard(rule, [.. rule.Areas.Select(a => new AreaScore(a, null, null, a.Weight * 0.7m))],
            [.. rule.HasilParts.Select(p => new HasilPartScore(p, null))], 0, 0) { Source = ScoreSource.Recap, HasilGiven = 35m };

        var result = ReadinessEvaluator.Evaluate(card, 2020, [], null, RuleCatalog.Default.Latest);

        Assert.Equal("WBK", result.Verdict);
        var areaPw = result.For("WBK").Single(c => c.Criterion == "area.PW");
        Assert.Equal((CriterionStatus.Unknown, false, 70m), (areaPw.Status, areaPw.Binding, areaPw.Actual));
        Assert.Contains(result.For("WBK"), c => c.Criterion == "syarat.opiniBpk" && c.Status == CriterionStatus.Unknown && !c.Binding);
        Assert.DoesNotContain(result.Shortfalls, c => !c.Binding);
    }

    [Fact]
    public void RuleFor2022And2023_Has90Of2021sOwnPrerequisites_TheRowsOfItsTabel5()
    {
        foreach (var year in new[] { 2022, 2023 })
        {
            var rule = RuleCatalog.Default.ForYear(year)!;

            Assert.Equal("90/2021", rule.Label);
            Assert.Equal(Rule2024.Prerequisites.Select(p => (p.Id, p.Fact.Name)), rule.Prerequisites.Select(p => (p.Id, p.Fact.Name)));
            Assert.All(rule.Prerequisites, p => Assert.Contains("90/2021 Lampiran II Bab II, Tabel 5", p.Source, StringComparison.Ordinal));
            // No Pemda affirmation before 5/2024.
            Assert.Null(rule.Affirmation);
        }
    }

    [Fact]
    public void Evaluate_2023_AppliesThe90Of2021Prerequisites()
    {
        var card = Cards.With() with { Rule = RuleCatalog.Default.ForYear(2023)! };
        var facts = AllMet();
        facts["lhkpn_persen"] = "97";

        var without = ReadinessEvaluator.Evaluate(card, 2023, [], null, RuleCatalog.Default.Latest);
        var short1 = ReadinessEvaluator.Evaluate(card, 2023, [], Facts(facts, 2023), RuleCatalog.Default.Latest);
        facts["lhkpn_persen"] = "100";
        var met = ReadinessEvaluator.Evaluate(card, 2023, [], Facts(facts, 2023), RuleCatalog.Default.Latest);

        Assert.Equal(("BELUM", "WBK"), (without.Verdict, without.ScoreVerdict));
        Assert.All(without.For("WBK").Where(c => c.Kind == CriterionKind.Prerequisite), c => Assert.Equal((CriterionStatus.Unknown, true), (c.Status, c.Binding)));
        Assert.Equal("syarat.lhkpn", Assert.Single(short1.Shortfalls).Criterion);
        Assert.Equal("WBK", met.Verdict);
        // The newest rule's prerequisites are the year's own: none is listed twice.
        Assert.Equal(met.Criteria.Count, met.Criteria.Select(c => (c.Predicate, c.Criterion)).Distinct().Count());
    }

    [Fact]
    public void Evaluate_AffirmationCategoryIn2023_WaivesNothing()
    {
        var card = Cards.With() with { Rule = RuleCatalog.Default.ForYear(2023)! };
        var facts = AllMet();
        (facts["jenis_instansi"], facts["indeks_rb"], facts["kategori_afirmasi"], facts["tlhp_persen"]) = ("PEMDA", "CC", "RSUD", "80");

        Assert.Equal("BELUM", ReadinessEvaluator.Evaluate(card, 2023, [], Facts(facts, 2023)).Verdict);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2023)]
    public void Evaluate_WbbmYears_CountFromTheStartTowardWbbm_NotFromTheStartOfZi(int year)
    {
        var card = Cards.With() with { Rule = RuleCatalog.Default.ForYear(year)! };
        var facts = AllMet();
        (facts["tahun_mulai_zi"], facts["tahun_mulai_zi_wbbm"]) = ("2018", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var result = ReadinessEvaluator.Evaluate(card, year, [new HeldPredicate("WBK", 2021)], Facts(facts, year));

        Assert.Equal(("WBK", "WBBM"), (result.Verdict, result.ScoreVerdict));
        var shortfall = Assert.Single(result.For("WBBM"), c => c.Blocks);
        Assert.Equal(("syarat.lamaZiWbbm", "0 tahun (sejak " + year + ")", "≥ 1 tahun"), (shortfall.Criterion, shortfall.ActualText, shortfall.RequiredText));
        // Toward WBK, the start of ZI counts: the WBK level lists lamaZi, not lamaZiWbbm.
        Assert.Contains(result.For("WBK"), c => c.Criterion == "syarat.lamaZi" && c.IsMet);
        Assert.DoesNotContain(result.For("WBK"), c => c.Criterion == "syarat.lamaZiWbbm");
    }

    [Fact]
    public void Evaluate_WbbmWithoutTheWbbmStartYear_IsUnknownNotMet()
    {
        var facts = AllMet();
        facts.Remove("tahun_mulai_zi_wbbm");

        var result = Evaluate(facts, held: new HeldPredicate("WBK", 2022));

        Assert.Equal("WBK", result.Verdict);
        Assert.Equal(("syarat.lamaZiWbbm", CriterionStatus.Unknown), Assert.Single(result.For("WBBM"), c => c.Blocks) is var c ? (c.Criterion, c.Status) : default);
    }
}
