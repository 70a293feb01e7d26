using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Integritas.Domain.Lke;

namespace Integritas.Domain.Rules;

/// <summary>
/// The rule versions the product knows: the files embedded under <c>Rules/Data</c>, plus any
/// <c>*.json</c> rule files from an extra folder (a new regulation is a new file, not code).
/// </summary>
public sealed class RuleCatalog
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<RuleCatalog> Embedded = new(LoadEmbedded);

    public RuleCatalog(IEnumerable<RuleSet> rules)
    {
        Rules = [.. rules.OrderBy(r => r.FromYear)];
        var duplicate = Rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleFileException(duplicate.Key, "rule version is defined twice.");
        }
    }

    public IReadOnlyList<RuleSet> Rules { get; }

    /// <summary>The catalogue of the rule files shipped with the product.</summary>
    public static RuleCatalog Default => Embedded.Value;

    /// <summary>The shipped rules plus every <c>*.json</c> in <paramref name="folder"/>.</summary>
    public static RuleCatalog WithFolder(string folder)
    {
        var extra = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => Parse(Path.GetFileName(f), File.ReadAllText(f)));
        return new RuleCatalog(Default.Rules.Concat(extra));
    }

    /// <summary>The rule version in force for an evaluation year, or null when none applies.</summary>
    public RuleSet? ForYear(int year) => Rules.LastOrDefault(r => r.AppliesTo(year));

    public RuleSet? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);

    private static RuleCatalog LoadEmbedded()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        var rules = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(n, ReadResource(assembly, n)));
        return new RuleCatalog(rules);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses and checks one rule file; errors name the file and the offending entry.</summary>
    public static RuleSet Parse(string file, string json)
    {
        RuleFileDto dto;
        try
        {
            dto = JsonSerializer.Deserialize<RuleFileDto>(json, Json) ?? throw new RuleFileException(file, "the file is empty.");
        }
        catch (JsonException ex)
        {
            throw new RuleFileException(file, $"not a valid rule file at {ex.Path}: {ex.Message}", ex);
        }
        return RuleFileDto.ToRuleSet(file, dto);
    }

    private sealed record YearsDto(int From, int? To);

    private sealed record AreaDto(string Code, string Name, string? ShortName, decimal? Pemenuhan, decimal? Reform, decimal? Weight, string? Source);

    private sealed record GroupDto(string Code, string Name, string? ShortName, decimal Weight, string? Source);

    private sealed record PartDto(string Code, string Name, string? ShortName, string Group, decimal Weight, string? Kind, string? Source);

    private sealed record CriterionDto(string Metric, decimal Min, string? Confidence, string? Source);

    private sealed record PredicateDto(string Code, string Name, string? RequiresHeld, string? RequiresHeldSource, List<CriterionDto> Criteria);

    private sealed record ComponentsDto(decimal Pengungkit, decimal Hasil, string? Source);

    private sealed record RuleFileDto(
        string Id,
        string Title,
        string Source,
        YearsDto Years,
        bool ItemLevel,
        bool SplitsPemenuhanReform,
        Dictionary<string, JsonElement>? AnswerValues,
        decimal? IndexMax,
        ComponentsDto Components,
        List<AreaDto> Areas,
        List<GroupDto> HasilGroups,
        List<PartDto> HasilParts,
        List<PredicateDto> Predicates)
    {
        public static RuleSet ToRuleSet(string file, RuleFileDto d)
        {
            void Require(bool ok, string message)
            {
                if (!ok)
                {
                    throw new RuleFileException(file, message);
                }
            }

            Require(!string.IsNullOrWhiteSpace(d.Id), "\"id\" is required.");
            Require(d.Years is not null, "\"years\" is required.");
            Require(d.Components is not null, "\"components\" is required.");
            Require(d.Areas is { Count: > 0 }, "\"areas\" must list the areas.");

            var areas = new List<AreaRule>();
            foreach (var a in d.Areas!)
            {
                decimal weight;
                if (d.SplitsPemenuhanReform)
                {
                    Require(a.Pemenuhan is not null && a.Reform is not null, $"area {a.Code}: \"pemenuhan\" and \"reform\" are required when the rule splits them.");
                    weight = a.Pemenuhan!.Value + a.Reform!.Value;
                    Require(a.Weight is null || a.Weight == weight, $"area {a.Code}: \"weight\" {a.Weight} is not pemenuhan + reform ({weight}).");
                }
                else
                {
                    Require(a.Weight is not null, $"area {a.Code}: \"weight\" is required.");
                    weight = a.Weight!.Value;
                }
                areas.Add(new AreaRule(a.Code, a.Name, a.ShortName ?? a.Name, a.Pemenuhan, a.Reform, weight, a.Source ?? d.Source));
            }
            var areaSum = areas.Sum(a => a.Weight);
            Require(areaSum == d.Components!.Pengungkit, $"area weights sum to {areaSum}, but \"components.pengungkit\" is {d.Components.Pengungkit}.");

            var groups = (d.HasilGroups ?? []).Select(g => new HasilGroupRule(g.Code, g.Name, g.ShortName ?? g.Name, g.Weight, g.Source ?? d.Source)).ToList();
            var parts = new List<HasilPartRule>();
            foreach (var p in d.HasilParts ?? [])
            {
                Require(groups.Any(g => g.Code == p.Group), $"hasil part {p.Code}: unknown group \"{p.Group}\".");
                AnswerKind? kind = null;
                if (p.Kind is not null)
                {
                    Require(LkeCodes.TryParseKind(p.Kind, out var k), $"hasil part {p.Code}: unknown kind \"{p.Kind}\".");
                    kind = k;
                }
                parts.Add(new HasilPartRule(p.Code, p.Name, p.ShortName ?? p.Name, p.Group, p.Weight, kind, p.Source ?? d.Source));
            }
            foreach (var g in groups)
            {
                var sum = parts.Where(p => p.Group == g.Code).Sum(p => p.Weight);
                Require(parts.Count == 0 || sum == g.Weight, $"hasil group {g.Code}: parts sum to {sum}, not {g.Weight}.");
            }
            var groupSum = groups.Sum(g => g.Weight);
            Require(groupSum == d.Components.Hasil, $"hasil group weights sum to {groupSum}, but \"components.hasil\" is {d.Components.Hasil}.");

            var answers = ParseAnswerValues(file, d.AnswerValues, d.ItemLevel);
            var predicates = (d.Predicates ?? []).Select(p => ToPredicate(file, p, areas, groups, parts)).ToList();

            return new RuleSet(d.Id, d.Title, d.Source, d.Years!.From, d.Years.To, d.ItemLevel, d.SplitsPemenuhanReform,
                answers, d.IndexMax ?? 4, d.Components.Pengungkit, d.Components.Hasil, areas, groups, parts, predicates);
        }

        private static AnswerScale ParseAnswerValues(string file, Dictionary<string, JsonElement>? raw, bool required)
        {
            var values = new Dictionary<AnswerKind, IReadOnlyDictionary<string, decimal>>();
            var source = "";
            if (raw is null)
            {
                return required ? throw new RuleFileException(file, "\"answerValues\" is required for an item-level rule.") : new AnswerScale(values, source);
            }
            foreach (var (key, element) in raw)
            {
                if (key == "source")
                {
                    source = element.GetString() ?? "";
                    continue;
                }
                if (!LkeCodes.TryParseKind(key, out var kind) || kind is AnswerKind.PERSEN or AnswerKind.INDEKS)
                {
                    throw new RuleFileException(file, $"answerValues: \"{key}\" is not a lettered answer kind (YT, ABC, ABCD, ABCDE).");
                }
                var map = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
                foreach (var option in element.EnumerateObject())
                {
                    map[option.Name.ToUpperInvariant()] = option.Value.GetDecimal();
                }
                values[kind] = map;
            }
            return new AnswerScale(values, source);
        }

        private static PredicateRule ToPredicate(string file, PredicateDto p, List<AreaRule> areas, List<HasilGroupRule> groups, List<HasilPartRule> parts)
        {
            var criteria = new List<CriterionRule>();
            foreach (var c in p.Criteria ?? [])
            {
                var confidence = c.Confidence ?? "U";
                var source = c.Source ?? "";
                switch (c.Metric)
                {
                    case "total":
                        criteria.Add(new CriterionRule("total", "total", "Nilai total", "Total", c.Min, CriterionUnit.Points, confidence, source));
                        break;
                    case "pengungkit":
                        criteria.Add(new CriterionRule("pengungkit", "pengungkit", "Total pengungkit", "Pengungkit", c.Min, CriterionUnit.Points, confidence, source));
                        break;
                    case "hasil":
                        criteria.Add(new CriterionRule("hasil", "hasil", "Total hasil", "Hasil", c.Min, CriterionUnit.Points, confidence, source));
                        break;
                    case "areaPercent":
                        criteria.AddRange(areas.Select(a => new CriterionRule($"area.{a.Code}", $"areaPercent:{a.Code}",
                            $"Area {a.Name} (% bobot)", a.ShortName, c.Min, CriterionUnit.Percent, confidence, source)));
                        break;
                    case var m when m.StartsWith("group:", StringComparison.Ordinal):
                        var group = groups.FirstOrDefault(g => g.Code == m[6..])
                            ?? throw new RuleFileException(file, $"predicate {p.Code}: metric \"{m}\" names an unknown hasil group.");
                        criteria.Add(new CriterionRule($"group.{group.Code}", m, group.Name, group.ShortName, c.Min, CriterionUnit.Points, confidence, source));
                        break;
                    case var m when m.StartsWith("part:", StringComparison.Ordinal):
                        var part = parts.FirstOrDefault(x => x.Code == m[5..])
                            ?? throw new RuleFileException(file, $"predicate {p.Code}: metric \"{m}\" names an unknown hasil part.");
                        criteria.Add(new CriterionRule($"hasil.{part.Code}", m, part.Name, part.ShortName, c.Min, CriterionUnit.Points, confidence, source));
                        break;
                    default:
                        throw new RuleFileException(file, $"predicate {p.Code}: unknown metric \"{c.Metric}\" (use total, pengungkit, hasil, areaPercent, group:CODE or part:CODE).");
                }
            }
            return new PredicateRule(p.Code, p.Name, p.RequiresHeld, p.RequiresHeldSource, criteria);
        }
    }
}
