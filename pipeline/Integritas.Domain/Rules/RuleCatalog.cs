using System.Collections.Concurrent;
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

    public RuleCatalog(IEnumerable<RuleSet> rules, IEnumerable<RuleAmendment>? amendments = null)
    {
        Rules = [.. rules.OrderBy(r => r.FromYear)];
        Amendments = [.. (amendments ?? []).OrderBy(a => a.FromYear)];
        var duplicate = Rules.Select(r => r.Id).Concat(Amendments.Select(a => a.Id)).GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleFileException(duplicate.Key, "rule version is defined twice.");
        }
        foreach (var amendment in Amendments)
        {
            var target = Find(amendment.Amends) ?? throw new RuleFileException(amendment.Id, $"amends \"{amendment.Amends}\", which is not a known rule version.");
            foreach (var prerequisite in amendment.Prerequisites ?? [])
            {
                var levels = prerequisite.Levels.Keys.Concat(prerequisite.Cases.Values.SelectMany(c => c.Keys));
                var unknown = levels.FirstOrDefault(l => l != "*" && target.FindPredicate(l) is null);
                if (unknown is not null)
                {
                    throw new RuleFileException(amendment.Id, $"prerequisite {prerequisite.Id}: \"{unknown}\" is not a predicate of {target.Id}.");
                }
            }
        }
    }

    /// <summary>The base rule versions (each a complete rule), oldest first.</summary>
    public IReadOnlyList<RuleSet> Rules { get; }

    /// <summary>The amendments to base rules, oldest first.</summary>
    public IReadOnlyList<RuleAmendment> Amendments { get; }

    /// <summary>The catalogue of the rule files shipped with the product.</summary>
    public static RuleCatalog Default => Embedded.Value;

    /// <summary>The environment variable naming a folder of extra rule files (a new regulation, an amendment).</summary>
    public const string FolderVariable = "ZI_RULES_DIR";

    /// <summary>The shipped rules, plus the rule files in the folder <see cref="FolderVariable"/> names, if set.</summary>
    public static RuleCatalog FromEnvironment() =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? WithFolder(folder) : Default;

    /// <summary>The shipped rules plus every <c>*.json</c> in <paramref name="folder"/>.</summary>
    public static RuleCatalog WithFolder(string folder)
    {
        var extra = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => ParseAny(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        return new RuleCatalog(Default.Rules.Concat(extra.OfType<RuleSet>()), Default.Amendments.Concat(extra.OfType<RuleAmendment>()));
    }

    /// <summary>
    /// The rule in force for an evaluation year, with the amendments in force that year applied (e.g. 2024:
    /// 90/2021 with the 5/2024 prerequisites), or null when none applies.
    /// </summary>
    public RuleSet? ForYear(int year) => Rules.LastOrDefault(r => r.AppliesTo(year)) is { } rule ? Resolve(rule, year) : null;

    /// <summary>A base rule version as its own file defines it, without amendments.</summary>
    public RuleSet? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>A stored rule version as it applies in <paramref name="year"/>: with the amendments in force that year.</summary>
    public RuleSet? Find(string id, int year) => Find(id) is { } rule ? Resolve(rule, year) : null;

    /// <summary>The newest base rule with every amendment to it: the reference older years are compared with.</summary>
    public RuleSet Latest => _latest ??= Amendments.Where(a => a.Amends == Rules[^1].Id).Aggregate(Rules[^1], (r, a) => r.Amend(a));

    private RuleSet? _latest;

    /// <summary>
    /// The rule with the amendments in force in the year applied, once per rule and year: every unit-year of a
    /// year then shares one rule object (scoring hundreds of thousands of unit-years builds it once, not each time).
    /// </summary>
    private RuleSet Resolve(RuleSet rule, int year) =>
        _resolved.GetOrAdd(rule, _ => new ConcurrentDictionary<int, RuleSet>())
            .GetOrAdd(year, y => Amendments.Where(a => a.Amends == rule.Id && a.AppliesTo(y)).Aggregate(rule, (r, a) => r.Amend(a)));

    private readonly ConcurrentDictionary<RuleSet, ConcurrentDictionary<int, RuleSet>> _resolved = new(ReferenceEqualityComparer.Instance);

    private static RuleCatalog LoadEmbedded()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => ParseAny(n, ReadResource(assembly, n)))
            .ToList();
        return new RuleCatalog(files.OfType<RuleSet>(), files.OfType<RuleAmendment>());
    }

    /// <summary>A rule file: a base rule (<see cref="RuleSet"/>) or, when it has <c>"amends"</c>, a <see cref="RuleAmendment"/>.</summary>
    public static object ParseAny(string file, string json)
    {
        bool amends;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            amends = document.RootElement.ValueKind == JsonValueKind.Object
                     && document.RootElement.EnumerateObject().Any(p => string.Equals(p.Name, "amends", StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException ex)
        {
            throw new RuleFileException(file, $"not valid JSON: {ex.Message}", ex);
        }
        return amends ? ParseAmendment(file, json) : Parse(file, json);
    }

    /// <summary>Parses and checks an amendment file.</summary>
    public static RuleAmendment ParseAmendment(string file, string json)
    {
        AmendmentDto dto;
        try
        {
            dto = JsonSerializer.Deserialize<AmendmentDto>(json, Json) ?? throw new RuleFileException(file, "the file is empty.");
        }
        catch (JsonException ex)
        {
            throw new RuleFileException(file, $"not a valid amendment file at {ex.Path}: {ex.Message}", ex);
        }
        if (string.IsNullOrWhiteSpace(dto.Id) || string.IsNullOrWhiteSpace(dto.Amends) || dto.Years is null)
        {
            throw new RuleFileException(file, "\"id\", \"amends\" and \"years\" are required.");
        }
        return new RuleAmendment(dto.Id, dto.Amends, dto.Title ?? dto.Id, dto.Source ?? "", dto.Years.From, dto.Years.To,
            dto.Prerequisites is null ? null : PrerequisiteDto.ToRules(file, dto.Prerequisites), AffirmationDto.ToRule(file, dto.Affirmation));
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
        return RuleFileDto.ToRuleSet(file, dto) with
        {
            Fingerprint = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)))[..16],
        };
    }

    private sealed record YearsDto(int From, int? To);

    private sealed record AreaDto(string Code, string Name, string? ShortName, decimal? Pemenuhan, decimal? Reform, decimal? Weight, string? Source);

    private sealed record GroupDto(string Code, string Name, string? ShortName, decimal Weight, string? Source);

    private sealed record PartDto(string Code, string Name, string? ShortName, string Group, decimal Weight, string? Kind, string? Source);

    private sealed record CriterionDto(string Metric, decimal Min, string? Confidence, string? Source);

    private sealed record PredicateDto(string Code, string Name, string? RequiresHeld, string? RequiresHeldSource, List<CriterionDto> Criteria);

    private sealed record ComponentsDto(decimal Pengungkit, decimal Hasil, string? Source);

    private sealed record AmendmentDto(string Id, string Amends, string? Title, string? Source, YearsDto Years, List<PrerequisiteDto>? Prerequisites, AffirmationDto? Affirmation);

    private sealed record TestDto(JsonElement? AtLeast, JsonElement? Is, JsonElement? YearsSince);

    private sealed record PrerequisiteDto(
        string Id,
        string Fact,
        string? Label,
        string? ShortLabel,
        JsonElement? AtLeast,
        JsonElement? Is,
        JsonElement? YearsSince,
        Dictionary<string, int>? InARow,
        string? By,
        Dictionary<string, TestDto>? Cases,
        string? Confidence,
        string? Source)
    {
        public static List<PrerequisiteRule> ToRules(string file, List<PrerequisiteDto> dtos)
        {
            var rules = new List<PrerequisiteRule>();
            foreach (var p in dtos)
            {
                if (string.IsNullOrWhiteSpace(p.Id) || string.IsNullOrWhiteSpace(p.Fact))
                {
                    throw new RuleFileException(file, "every prerequisite needs \"id\" and \"fact\".");
                }
                if (rules.Any(r => r.Id == p.Id))
                {
                    throw new RuleFileException(file, $"prerequisite {p.Id} is defined twice.");
                }
                var fact = Facts.FactCatalog.Default.Find(p.Fact)
                    ?? throw new RuleFileException(file, $"prerequisite {p.Id}: \"{p.Fact}\" is not a known fact (see Facts/facts.json).");
                IReadOnlyDictionary<string, Requirement> levels = new Dictionary<string, Requirement>();
                var cases = new Dictionary<string, IReadOnlyDictionary<string, Requirement>>(StringComparer.Ordinal);
                if (p.By is not null)
                {
                    var by = Facts.FactCatalog.Default.Find(p.By)
                        ?? throw new RuleFileException(file, $"prerequisite {p.Id}: \"by\" names the unknown fact \"{p.By}\".");
                    if (p.Cases is not { Count: > 0 } || p.AtLeast is not null || p.Is is not null || p.YearsSince is not null || p.InARow is not null)
                    {
                        throw new RuleFileException(file, $"prerequisite {p.Id}: with \"by\", give the requirements under \"cases\" only.");
                    }
                    foreach (var (value, test) in p.Cases)
                    {
                        if (by.Values.Count > 0 && !by.Values.Contains(value, StringComparer.Ordinal))
                        {
                            throw new RuleFileException(file, $"prerequisite {p.Id}: case \"{value}\" is not a value of {by.Name} ({string.Join(", ", by.Values)}).");
                        }
                        cases[value] = Levels(file, p.Id, fact, test.AtLeast, test.Is, test.YearsSince);
                    }
                }
                else
                {
                    levels = InARowApplied(file, p.Id, Levels(file, p.Id, fact, p.AtLeast, p.Is, p.YearsSince), p.InARow);
                }
                rules.Add(new PrerequisiteRule(p.Id, fact, p.Label ?? fact.Label, p.ShortLabel ?? p.Label ?? fact.Label, levels, p.By, cases, p.Confidence ?? "U", p.Source ?? ""));
            }
            return rules;
        }

        /// <summary>"inARow": per level, the years in a row the fact must pass its test (an atLeast or is test of a level the prerequisite names).</summary>
        private static Dictionary<string, Requirement> InARowApplied(string file, string id, Dictionary<string, Requirement> levels, Dictionary<string, int>? inARow)
        {
            foreach (var (level, years) in inARow ?? [])
            {
                var requirement = levels.GetValueOrDefault(level) ?? levels.GetValueOrDefault("*")
                    ?? throw new RuleFileException(file, $"prerequisite {id}: \"inARow\" names {level}, which the prerequisite does not ask anything of.");
                if (years < 1 || requirement.Test == PrerequisiteTest.YearsSince)
                {
                    throw new RuleFileException(file, $"prerequisite {id}: \"inARow\" takes a whole number of years from 1, with \"atLeast\" or \"is\".");
                }
                levels[level] = requirement with { InARow = years };
            }
            return levels;
        }

        /// <summary>One test (exactly one of atLeast, is, yearsSince), its value per level or one value for every level ("*").</summary>
        private static Dictionary<string, Requirement> Levels(string file, string id, Facts.FactDefinition fact, JsonElement? atLeast, JsonElement? @is, JsonElement? yearsSince)
        {
            var given = new (PrerequisiteTest Test, JsonElement? Value)[] { (PrerequisiteTest.AtLeast, atLeast), (PrerequisiteTest.Is, @is), (PrerequisiteTest.YearsSince, yearsSince) }
                .Where(t => t.Value is not null).ToList();
            if (given.Count != 1)
            {
                throw new RuleFileException(file, $"prerequisite {id}: give exactly one of \"atLeast\", \"is\" or \"yearsSince\".");
            }
            var (test, element) = (given[0].Test, given[0].Value!.Value);
            var levels = new Dictionary<string, Requirement>(StringComparer.Ordinal);
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var level in element.EnumerateObject())
                {
                    levels[level.Name] = PrerequisiteParser.ParseRequirement(file, id, fact, test, Text(level.Value));
                }
            }
            else
            {
                levels["*"] = PrerequisiteParser.ParseRequirement(file, id, fact, test, Text(element));
            }
            return levels;
        }

        private static string Text(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };
    }

    private sealed record AffirmationDto(string Fact, Dictionary<string, string>? When, string? Label, string? Confidence, string? Source)
    {
        public static AffirmationRule? ToRule(string file, AffirmationDto? dto)
        {
            if (dto is null)
            {
                return null;
            }
            if (Facts.FactCatalog.Default.Find(dto.Fact) is null)
            {
                throw new RuleFileException(file, $"affirmation: \"{dto.Fact}\" is not a known fact.");
            }
            var unknown = (dto.When ?? []).Keys.FirstOrDefault(k => Facts.FactCatalog.Default.Find(k) is null);
            if (unknown is not null)
            {
                throw new RuleFileException(file, $"affirmation: \"when\" names the unknown fact \"{unknown}\".");
            }
            return new AffirmationRule(dto.Fact, dto.When ?? [], dto.Label ?? "Afirmasi", dto.Confidence ?? "U", dto.Source ?? "");
        }
    }

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
        List<PredicateDto> Predicates,
        List<PrerequisiteDto>? Prerequisites,
        AffirmationDto? Affirmation)
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

            var prerequisites = d.Prerequisites is null ? [] : PrerequisiteDto.ToRules(file, d.Prerequisites);
            var unknownLevel = prerequisites.SelectMany(p => p.Levels.Keys.Concat(p.Cases.Values.SelectMany(c => c.Keys)))
                .FirstOrDefault(l => l != "*" && predicates.All(x => x.Code != l));
            Require(unknownLevel is null, $"a prerequisite names \"{unknownLevel}\", which is not a predicate of this rule.");

            return new RuleSet(d.Id, d.Title, d.Source, d.Years!.From, d.Years.To, d.ItemLevel, d.SplitsPemenuhanReform,
                answers, d.IndexMax ?? 4, d.Components.Pengungkit, d.Components.Hasil, areas, groups, parts, predicates)
            {
                Prerequisites = prerequisites,
                Affirmation = AffirmationDto.ToRule(file, d.Affirmation),
            };
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
