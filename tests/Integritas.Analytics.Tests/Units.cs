using Integritas.Domain.Facts;
using Integritas.Domain.Lke;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Analytics.Tests;

/// <summary>Unit-years built from chosen area percentages and hasil parts, scored and judged as the store would.</summary>
internal static class Units
{
    public static readonly RuleCatalog Rules = RuleCatalog.Default;

    /// <summary>
    /// A unit-year under the rule of <paramref name="year"/>: every area at <paramref name="percent"/> % of its
    /// weight unless given in <paramref name="areas"/>; hasil parts full unless given (a recap rule gets the hasil total);
    /// every proposal prerequisite met unless <paramref name="prerequisitesMet"/> is false (then no fact is known).
    /// </summary>
    public static UnitYearScore Year(string unit, int year, decimal percent, IReadOnlyDictionary<string, decimal>? areas = null,
        decimal ipak = 17.5m, decimal capaian = 5m, decimal ipkp = 17.5m, string instansi = "Kementerian Contoh", IEnumerable<HeldPredicate>? held = null,
        bool prerequisitesMet = true)
    {
        var rule = Rules.ForYear(year)!;
        var areaScores = rule.Areas.Select(a =>
        {
            var p = areas is not null && areas.TryGetValue(a.Code, out var given) ? given : percent;
            var total = a.Weight * p / 100m;
            return new AreaScore(a, rule.SplitsPemenuhanReform ? total / 2 : null, rule.SplitsPemenuhanReform ? total / 2 : null, total);
        }).ToList();
        var values = new Dictionary<string, decimal> { ["IPAK"] = ipak, ["CAPAIAN"] = capaian, ["IPKP"] = ipkp };
        var parts = rule.HasilParts.Select(p => new HasilPartScore(p, values.TryGetValue(p.Code, out var v) ? v : null)).ToList();
        var card = new ScoreCard(rule, areaScores, parts, rule.ItemLevel ? 113 : 0, 0)
        {
            Source = rule.ItemLevel ? ScoreSource.Items : ScoreSource.Recap,
            HasilGiven = parts.Any(p => p.Value is null) ? ipak + capaian + ipkp : null,
        };
        var heldList = (held ?? []).ToList();
        var readiness = ReadinessEvaluator.Evaluate(card, year, heldList, prerequisitesMet ? PrerequisitesMet(year) : null, Rules.Latest);
        return new UnitYearScore(new UnitInfo(unit, $"Unit {unit}", instansi), year, Reviewer.Unit, 1, card, readiness, [.. heldList.Where(h => h.Year <= year)]);
    }

    /// <summary>
    /// Facts that meet every proposal prerequisite of 90/2021 and 5/2024 for WBK and WBBM: these unit-years test
    /// trends and candidates on their scores, so the prerequisites (Tabel 5 from 2022) are all met.
    /// </summary>
    public static UnitFacts PrerequisitesMet(int year)
    {
        var values = new Dictionary<string, string>
        {
            ["jenis_instansi"] = "K/L", ["opini_bpk"] = "WTP", ["predikat_sakip"] = "BB", ["indeks_rb"] = "BB", ["level_spip"] = "3",
            ["unit_layanan_utama"] = "ya", ["berdampak_persepsi"] = "ya", ["tlhp_persen"] = "100", ["lhkpn_persen"] = "100", ["lhkasn_persen"] = "100",
            ["tahun_mulai_zi"] = (year - 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tahun_mulai_zi_wbbm"] = (year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["sakip_internal"] = "BB",
        };
        return new UnitFacts(values.ToDictionary(v => v.Key, v => new FactValue(v.Value, year)));
    }

    public static ScoreHistory History(IEnumerable<UnitYearScore> scores, params (string Unit, int Year, string Predicate)[] awards) =>
        new([.. scores], awards.ToLookup(a => a.Unit, a => new HeldPredicate(a.Predicate, a.Year), StringComparer.Ordinal), Rules);
}
