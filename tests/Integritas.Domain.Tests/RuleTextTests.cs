using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Integritas.Domain.Facts;
using Integritas.Domain.Readiness;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.TestSupport;

namespace Integritas.Domain.Tests;

/// <summary>
/// The rule files against the regulations' own texts (../shared/domain/official/regulations/): every number a file
/// marks confirmed cites the regulation, part and page, quotes the text there, and the quote holds the number.
/// A source cites as <c>52/2014 Lampiran Bab III §B.4.1 p. 22 "…"</c>; segments are separated by "; ", a segment
/// without a regulation id takes the last one named; <c>(image)</c> marks a page the PDF holds as a picture only.
/// </summary>
public sealed partial class RuleTextTests
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["52/2014"] = "PermenPAN-RB-No.-52-Tahun-2014.txt",
        ["90/2021"] = "PermenPAN-RB-No.-90-Tahun-2021.txt",
        ["5/2024"] = "PermenPAN-RB-No.-5-Tahun-2024.txt",
    };

    private static string TextPath(string regulation) => Shared.Official(Path.Combine("regulations", Texts[regulation]));

    private static IEnumerable<string> RuleFiles() =>
        Directory.EnumerateFiles(Repository.PathOf("pipeline", "Integritas.Domain", "Rules", "Data"), "*.json").Order(StringComparer.Ordinal);

    /// <summary>One cited item of a rule file: where it is, its source, whether it is marked confirmed, and its numbers.</summary>
    private sealed record Cited(string Where, string Source, bool Confirmed, IReadOnlyList<string> Values);

    private sealed record Citation(string Regulation, int From, int To, bool Image, IReadOnlyList<string> Quotes);

    [Fact]
    public void RuleFiles_EveryConfirmedNumber_IsQuotedInItsSource()
    {
        var missing = new List<string>();
        foreach (var item in RuleFiles().SelectMany(CitedItems).Where(i => i.Confirmed && i.Values.Count > 0))
        {
            var citations = Citations(item.Source).ToList();
            if (citations.Count == 0 && !item.Where.Contains("answerValues", StringComparison.Ordinal))
            {
                missing.Add($"{item.Where}: confirmed but cites no page and quote of a regulation text");
                continue;
            }
            var tokens = citations.SelectMany(c => c.Quotes).SelectMany(Words).ToHashSet(StringComparer.Ordinal);
            foreach (var value in item.Values.Where(v => !Holds(tokens, v)))
            {
                missing.Add($"{item.Where}: {value} is in none of its quotes");
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void RuleFiles_EveryQuote_IsOnItsCitedPageOfTheRegulationText()
    {
        Assert.SkipUnless(Texts.Keys.All(r => File.Exists(TextPath(r))), $"the regulation texts are not at {Path.GetDirectoryName(TextPath("90/2021"))}");
        var pages = Texts.Keys.ToDictionary(r => r, r => File.ReadAllText(TextPath(r)).Split('\f'));
        var notFound = new List<string>();
        var checkedQuotes = 0;

        foreach (var item in RuleFiles().SelectMany(CitedItems))
        {
            foreach (var citation in Citations(item.Source).Where(c => !c.Image))
            {
                var page = Words(string.Join(' ', pages[citation.Regulation][(citation.From - 1)..citation.To]));
                foreach (var quote in citation.Quotes)
                {
                    var needle = Words(quote);
                    // Tables come out in columns, so a cell's words are in order but may be interleaved with its neighbours'.
                    if (!WordsInOrder.Find(page, needle, needle.Length * 6 + 20))
                    {
                        notFound.Add($"{item.Where}: \"{quote}\" is not on {citation.Regulation} p. {citation.From}{(citation.To > citation.From ? "–" + citation.To : "")}");
                    }
                    checkedQuotes++;
                }
            }
        }

        Assert.Empty(notFound);
        Assert.True(checkedQuotes > 100, $"only {checkedQuotes} quotes were checked");
    }

    [Fact]
    public void Rule52_LkePage43_IsAnImageWithoutTextInTheExtract()
    {
        Assert.SkipUnless(File.Exists(TextPath("52/2014")), $"the regulation text is not at {TextPath("52/2014")}");
        // The hasil weights 15/5/20 and the ranges 0-4 / 0-100% are read off the picture of the LKE page; if an
        // extract ever carries its text, the "(image)" citations must become quotes checked like the others.
        var page = File.ReadAllText(TextPath("52/2014")).Split('\f')[42];

        Assert.Equal(["43 2014, No.1813", "www.djpp.kemenkumham.go.id"], page.Split('\n').Select(l => Regex.Replace(l.Trim(), @"\s+", " ")).Where(l => l.Length > 0));
        var sources = RuleCatalog.Default.Find("52/2014")!.HasilParts.Select(p => p.Source);
        Assert.All(sources, s => Assert.Contains("LKE p. 43 (image)", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Rule52_HasTheNumbersOfItsText()
    {
        var rule = RuleCatalog.Default.Find("52/2014")!;

        Assert.Equal((60m, 40m), (rule.PengungkitWeight, rule.HasilWeight));
        Assert.Equal([("MP", 5m), ("TT", 5m), ("SDM", 15m), ("AK", 10m), ("PW", 15m), ("PP", 10m)], rule.Areas.Select(a => (a.Code, a.Weight)));
        Assert.Equal([("BERSIH", 20m), ("PELAYANAN", 20m)], rule.HasilGroups.Select(g => (g.Code, g.Weight)));
        Assert.Equal([("PERSEPSI_KORUPSI", 15m, (Lke.AnswerKind?)Lke.AnswerKind.INDEKS), ("TLHP", 5m, Lke.AnswerKind.PERSEN), ("PERSEPSI_PELAYANAN", 20m, Lke.AnswerKind.INDEKS)],
            rule.HasilParts.Select(p => (p.Code, p.Weight, p.Kind)));
        Assert.Equal([("total", 75m), ("group:BERSIH", 18m), ("part:PERSEPSI_KORUPSI", 13.5m), ("part:TLHP", 3.5m)],
            rule.FindPredicate("WBK")!.Criteria.Select(c => (c.Metric, c.Min)));
        Assert.Equal([("total", 85m), ("group:BERSIH", 18m), ("part:PERSEPSI_KORUPSI", 13.5m), ("part:TLHP", 3.5m), ("group:PELAYANAN", 16m)],
            rule.FindPredicate("WBBM")!.Criteria.Select(c => (c.Metric, c.Min)));
        Assert.Equal("WBK", rule.FindPredicate("WBBM")!.RequiresHeld);
        Assert.All(rule.Predicates.SelectMany(p => p.Criteria), c => Assert.Equal("C", c.Confidence));
        Assert.Equal(["opiniBpk", "sakipInstansi", "eselonUnit", "pelayananStrategis", "programRb", "sumberDaya"], rule.Prerequisites.Select(p => p.Id));
        Assert.Equal(new Requirement(PrerequisiteTest.AtLeast, "WTP", 2), rule.Prerequisites[0].Levels["WBBM"]);
        Assert.Equal(new Requirement(PrerequisiteTest.AtLeast, "CC"), rule.Prerequisites[1].Levels["WBBM"]);
        // The unit-level conditions apply to WBK; for WBBM the unit must hold WBK (p. 21).
        Assert.All(rule.Prerequisites.Skip(2), p => Assert.Equal(["WBK"], p.Levels.Keys));
    }

    [Fact]
    public void Rule90_WbbmBersihAndCapaian_AreConfirmedByTheText()
    {
        var wbbm = RuleCatalog.Default.Find("90/2021")!.FindPredicate("WBBM")!;

        Assert.Equal((19.5m, "C"), wbbm.Criteria.Single(c => c.Metric == "group:BERSIH") is var b ? (b.Min, b.Confidence) : default);
        Assert.Equal((3.75m, "C"), wbbm.Criteria.Single(c => c.Metric == "part:CAPAIAN") is var c ? (c.Min, c.Confidence) : default);
        Assert.All(RuleCatalog.Default.Find("90/2021")!.Predicates.SelectMany(p => p.Criteria), x => Assert.Contains("Tabel 6", x.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void Rule10_WithoutItsText_ConfirmsNothing()
    {
        var json = File.ReadAllText(RuleFiles().Single(f => Path.GetFileName(f) == "10-2019.json"));

        Assert.Contains("[U] the text of 10/2019 is not among the regulation texts", json, StringComparison.Ordinal);
        Assert.All(RuleCatalog.Default.Find("10/2019")!.Predicates.SelectMany(p => p.Criteria), c => Assert.Equal("U", c.Confidence));
        Assert.DoesNotContain(CitedItems(RuleFiles().Single(f => Path.GetFileName(f) == "10-2019.json")), i => Citations(i.Source).Any());
    }

    /// <summary>52/2014 Bab III §A: WBBM needs a WTP opinion "selama minimal 2 tahun berturut-turut".</summary>
    [Theory]
    [InlineData("WTP", "WTP", "met")]
    [InlineData("WTP", "WDP", "unmet")]
    [InlineData("WTP", null, "unknown")]
    [InlineData("WDP", "WTP", "unmet")]
    public void Rule52_WbbmOpinion_IsWtpTwoYearsInARow(string opinion2016, string? opinion2015, string expected)
    {
        var rule = RuleCatalog.Default.ForYear(2016)!;
        var facts = new List<(string, FactValue)> { ("opini_bpk", new FactValue(opinion2016, 2016)), ("predikat_sakip", new FactValue("CC", 2016)) };
        if (opinion2015 is not null)
        {
            facts.Add(("opini_bpk", new FactValue(opinion2015, 2015)));
        }

        var result = ReadinessEvaluator.Evaluate(Recap52(rule, 0.9m), 2016, [new HeldPredicate("WBK", 2015)], UnitFacts.For(2016, facts));

        var opinion = result.For("WBBM").Single(c => c.Criterion == "syarat.opiniBpk");
        Assert.Equal(expected, opinion.Status switch { CriterionStatus.Met => "met", CriterionStatus.Unmet => "unmet", _ => "unknown" });
        Assert.Equal("≥ WTP, 2 tahun berturut-turut", opinion.RequiredText);
        Assert.Equal($"{opinion2016} (2016), {opinion2015 ?? "?"} (2015)", opinion.ActualText);
        // WBK asks for the year's opinion only.
        Assert.Equal(opinion2016 == "WTP", result.For("WBK").Single(c => c.Criterion == "syarat.opiniBpk").IsMet);
        Assert.Equal(expected == "met" ? "WBBM" : "BELUM", result.Verdict is "WBBM" ? "WBBM" : "BELUM");
    }

    [Fact]
    public void Rule52_EveryCriterionOfItsText_DecidesARecapWithTheParts()
    {
        var rule = RuleCatalog.Default.ForYear(2017)!;
        var facts = UnitFacts.For(2017, [("opini_bpk", new FactValue("WTP", 2017)), ("opini_bpk", new FactValue("WTP", 2016)), ("predikat_sakip", new FactValue("B", 2017)),
            ("eselon_unit", new FactValue("III", 2015)), ("pelayanan_strategis", new FactValue("ya", 2015)), ("program_rb_baik", new FactValue("ya", 2017)), ("sumber_daya_besar", new FactValue("ya", 2017))]);
        // 17.9 bersih (13.5 + 4.4) fails 18 for WBK although the total passes 85.
        var card = Recap52(rule, 0.97m, persepsiKorupsi: 13.5m, tlhp: 4.4m, pelayanan: 19m);

        var result = ReadinessEvaluator.Evaluate(card, 2017, [], facts, RuleCatalog.Default.Latest);

        Assert.True(card.Total >= 85m);
        Assert.Equal(("BELUM", "BELUM"), (result.Verdict, result.ScoreVerdict));
        Assert.Equal(["group.BERSIH"], result.Shortfalls.Where(c => c.Predicate == "WBK").Select(c => c.Criterion));
        var ok = ReadinessEvaluator.Evaluate(Recap52(rule, 0.97m, persepsiKorupsi: 13.5m, tlhp: 4.5m, pelayanan: 15.99m), 2017, [], facts, RuleCatalog.Default.Latest);
        Assert.Equal("WBK", ok.Verdict);
        // WBBM would also need kualitas pelayanan ≥ 16 and a WBK held before.
        Assert.Equal(["predikat.WBK", "group.PELAYANAN"], ok.Shortfalls.Where(c => c.Predicate == "WBBM").Select(c => c.Criterion));
        Assert.Equal(ok.Criteria.Count, ok.Criteria.Select(c => (c.Predicate, c.Criterion)).Distinct().Count());
    }

    /// <summary>A 52/2014 recap card: areas at <paramref name="share"/> of their weight, the hasil parts as points.</summary>
    internal static ScoreCard Recap52(RuleSet rule, decimal share, decimal persepsiKorupsi = 14m, decimal tlhp = 5m, decimal pelayanan = 18m)
    {
        var parts = new Dictionary<string, decimal> { ["PERSEPSI_KORUPSI"] = persepsiKorupsi, ["TLHP"] = tlhp, ["PERSEPSI_PELAYANAN"] = pelayanan };
        return new ScoreCard(rule, [.. rule.Areas.Select(a => new AreaScore(a, null, null, a.Weight * share))],
            [.. rule.HasilParts.Select(p => new HasilPartScore(p, parts[p.Code]))], 0, 0) { Source = ScoreSource.Recap };
    }

    private static IEnumerable<Cited> CitedItems(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var name = Path.GetFileName(file);
        var items = new List<Cited>();
        Walk(document.RootElement, name, items);
        return items;
    }

    private static readonly string[] NumberKeys = ["weight", "pemenuhan", "reform", "min", "pengungkit", "hasil"];

    private static void Walk(JsonElement element, string where, List<Cited> items)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var child in element.EnumerateArray())
            {
                Walk(child, $"{where}[{(child.ValueKind == JsonValueKind.Object && child.TryGetProperty("code", out var c) ? c.GetString() : child.TryGetProperty("id", out var id) ? id.GetString() : child.TryGetProperty("metric", out var m) ? m.GetString() : i.ToString(CultureInfo.InvariantCulture))}]", items);
                i++;
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var values = new List<string>();
        foreach (var property in element.EnumerateObject())
        {
            if (NumberKeys.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Number)
            {
                values.Add(property.Value.GetDecimal().ToString(CultureInfo.InvariantCulture));
            }
            else if (property.Name == "atLeast" && property.Value.ValueKind == JsonValueKind.Object)
            {
                values.AddRange(property.Value.EnumerateObject().Select(l => l.Value.ValueKind == JsonValueKind.Number ? l.Value.GetDecimal().ToString(CultureInfo.InvariantCulture) : l.Value.GetString()!));
            }
            else if (property.Name == "inARow")
            {
                values.AddRange(property.Value.EnumerateObject().Select(l => l.Value.GetInt32().ToString(CultureInfo.InvariantCulture)));
            }
        }
        if (element.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String)
        {
            var confirmed = element.TryGetProperty("confidence", out var confidence) ? confidence.GetString() == "C" : source.GetString()!.StartsWith("[C]", StringComparison.Ordinal);
            items.Add(new Cited(where, source.GetString()!, confirmed, values.Distinct().ToList()));
        }
        if (element.TryGetProperty("requiresHeldSource", out var held))
        {
            items.Add(new Cited(where + ".requiresHeld", held.GetString()!, held.GetString()!.StartsWith("[C]", StringComparison.Ordinal), []));
        }
        foreach (var property in element.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
        {
            if (property.Name is "atLeast" or "inARow" or "cases")
            {
                continue;
            }
            Walk(property.Value, $"{where}.{property.Name}", items);
        }
    }

    private static IEnumerable<Citation> Citations(string source)
    {
        string? regulation = null;
        foreach (var segment in source.Split("; "))
        {
            if (RegulationId().Match(segment) is { Success: true } id)
            {
                regulation = id.Value;
            }
            var page = PageRange().Match(segment);
            var quotes = Quote().Matches(segment).Select(m => m.Groups[1].Value).ToList();
            if (regulation is null || !page.Success || quotes.Count == 0)
            {
                continue;
            }
            var from = int.Parse(page.Groups[1].Value, CultureInfo.InvariantCulture);
            var to = page.Groups[2].Success ? int.Parse(page.Groups[2].Value, CultureInfo.InvariantCulture) : from;
            yield return new Citation(regulation, from, to, segment.Contains("(image)", StringComparison.Ordinal), quotes);
        }
    }

    /// <summary>Whether a quote's words hold a value: the same number (decimal comma, a % sign allowed) or the same grade.</summary>
    private static bool Holds(HashSet<string> tokens, string value)
    {
        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return tokens.Any(t => decimal.TryParse(t.TrimEnd('%').Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n == number);
        }
        return tokens.Contains(value.ToLowerInvariant()) || (Spelled.TryGetValue(value, out var words) && words.All(tokens.Contains));
    }

    /// <summary>Grades a text spells out instead of abbreviating (52/2014 p. 20: "Wajar Tanpa Pengecualian").</summary>
    private static readonly Dictionary<string, string[]> Spelled = new() { ["WTP"] = ["wajar", "tanpa", "pengecualian"] };

    /// <summary>A text's words, lower case, without quotes, brackets and trailing punctuation (decimal commas stay: 18,25).</summary>
    private static string[] Words(string text) =>
        [.. Noise().Replace(text.ToLowerInvariant(), " ").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',')).Where(w => w.Length > 0)];

    [GeneratedRegex(@"\b(52/2014|90/2021|5/2024)\b")]
    private static partial Regex RegulationId();

    [GeneratedRegex(@"\bp\. (\d+)(?:–(\d+))?")]
    private static partial Regex PageRange();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quote();

    [GeneratedRegex("[“”\"()\\[\\];:•●]")]
    private static partial Regex Noise();
}
