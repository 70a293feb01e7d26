using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Integritas.Cli.Output;
using Integritas.Domain.Formatting;
using Integritas.Domain.Rules;

namespace Integritas.Cli.Commands;

/// <summary><c>zi rules [ID] [--year Y]</c>: the rule versions the program knows, or one of them in full with the source of every number.</summary>
public static partial class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string?>("rule") { Description = "A rule version, e.g. 90/2021 or 5/2024 (default: list them all).", Arity = ArgumentArity.ZeroOrOne, HelpName = "ID" };
        var year = new Option<int?>("--year") { Description = "Show the rule in force for this evaluation year, amendments applied.", HelpName = "YEAR" };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("rules", $"The rule versions (PermenPANRB) as data: weights, thresholds, prerequisites, the years each applies to and the source of each number. Extra rule files: set {RuleCatalog.FolderVariable}.")
        {
            id, year, format,
        };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            var rules = context.Rules;
            var json = parse.GetValue(format) == "json";
            if (parse.GetValue(year) is { } y)
            {
                var rule = rules.ForYear(y) ?? throw new CommandException($"no rule version applies to {y} (known: {Years(rules)}).");
                Show(context.Out, rule, json, $"Aturan yang berlaku untuk evaluasi {y}");
                return ExitCodes.Ok;
            }
            if (parse.GetValue(id) is { } wanted)
            {
                if (rules.Find(wanted) is { } rule)
                {
                    Show(context.Out, rule, json, null);
                    return ExitCodes.Ok;
                }
                var amendment = rules.Amendments.FirstOrDefault(a => a.Id == wanted)
                    ?? throw new CommandException($"unknown rule version '{wanted}' (known: {string.Join(", ", rules.Rules.Select(r => r.Id).Concat(rules.Amendments.Select(a => a.Id)))}).");
                var amended = rules.Find(amendment.Amends)!.Amend(amendment);
                Show(context.Out, amended, json, $"{amendment.Id} mengubah {amendment.Amends} mulai {amendment.FromYear}: {amendment.Title}");
                return ExitCodes.Ok;
            }
            List(context.Out, rules, json);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void List(TextWriter output, RuleCatalog rules, bool json)
    {
        var rows = rules.Rules.Select(r => new RuleSummary(r.Id, "rule", null, r.Title, r.FromYear, r.ToYear, r.ItemLevel,
                r.Predicates.Select(p => p.Criteria.Select(CriterionLine).Distinct().Count()).Sum(), r.Prerequisites.Count))
            .Concat(rules.Amendments.Select(a => new RuleSummary(a.Id, "amendment", a.Amends, a.Title, a.FromYear, a.ToYear, false, 0, a.Prerequisites?.Count ?? 0)))
            .OrderBy(r => r.From).ToList();
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(rows, ScoreOutput.Json));
            return;
        }
        var table = new TextTable([new("Aturan", 8), new("Jenis", 18), new("Tahun evaluasi", 14), new("LKE", 9), new("Kriteria", 8, Align.Right), new("Syarat", 6, Align.Right), new("Judul", 40)]);
        foreach (var r in rows)
        {
            table.Add(r.Id, r.Kind == "rule" ? "aturan" : $"mengubah {r.Amends}", $"{r.From}–{r.To?.ToString(CultureInfo.InvariantCulture) ?? "kini"}",
                r.Kind == "rule" ? (r.ItemLevel ? "per soal" : "rekap") : "-", r.Kind == "rule" ? r.Criteria.ToString(CultureInfo.InvariantCulture) : "-",
                r.Prerequisites.ToString(CultureInfo.InvariantCulture), r.Title);
        }
        table.Write(output);
        AnalyticsTables.Note(output, "'zi rules ID' atau 'zi rules --year TAHUN' menampilkan satu aturan lengkap dengan sumber setiap angka; " +
            "[C] terkonfirmasi pada sumbernya, [C2] sama pada dua implementasi independen, [U] belum terkonfirmasi.");
    }

    private sealed record RuleSummary(string Id, string Kind, string? Amends, string Title, int From, int? To, bool ItemLevel, int Criteria, int Prerequisites);

    private static void Show(TextWriter output, RuleSet rule, bool json, string? heading)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                rule.Id,
                Label = rule.Label,
                rule.Title,
                rule.Source,
                Years = new { From = rule.FromYear, To = rule.ToYear },
                Amendments = rule.Amendments.Select(a => new { a.Id, a.Title, a.Source, From = a.FromYear, To = a.ToYear }),
                Components = new { Pengungkit = rule.PengungkitWeight, Hasil = rule.HasilWeight },
                Areas = rule.Areas.Select(a => new { a.Code, a.Name, a.Pemenuhan, a.Reform, a.Weight, a.Source }),
                HasilGroups = rule.HasilGroups.Select(g => new { g.Code, g.Name, g.Weight, g.Source }),
                HasilParts = rule.HasilParts.Select(p => new { p.Code, p.Name, p.Group, p.Weight, Kind = p.Kind?.ToString(), p.Source }),
                Predicates = rule.Predicates.Select(p => new
                {
                    p.Code,
                    p.Name,
                    p.RequiresHeld,
                    p.RequiresHeldSource,
                    Criteria = p.Criteria.Select(c => new { c.Id, c.Metric, c.Label, c.Min, Unit = c.Unit.ToString().ToLowerInvariant(), c.Confidence, c.Source }),
                }),
                Prerequisites = rule.Prerequisites.Select(p => new
                {
                    p.Id,
                    Fact = p.Fact.Name,
                    p.Label,
                    p.By,
                    Levels = p.Levels.ToDictionary(l => l.Key, l => ReadinessDescribe(l.Value)),
                    Cases = p.Cases.ToDictionary(c => c.Key, c => c.Value.ToDictionary(l => l.Key, l => ReadinessDescribe(l.Value))),
                    p.Confidence,
                    p.Source,
                }),
                rule.Affirmation,
            }, ScoreOutput.Json));
            return;
        }
        if (heading is not null)
        {
            AnalyticsTables.Note(output, heading);
        }
        AnalyticsTables.Note(output, $"{rule.Label} — {rule.Title}");
        output.WriteLine($"Tahun evaluasi {rule.FromYear}–{rule.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "kini"}; LKE {(rule.ItemLevel ? "per soal" : "berupa rekap nilai")}; " +
            $"pengungkit {Formats.Number(rule.PengungkitWeight, 0)} + hasil {Formats.Number(rule.HasilWeight, 0)}.");
        AnalyticsTables.Note(output, "Sumber: " + rule.Source);
        AnalyticsTables.Note(output, "Kolom Sumber menyebut bagian dan halaman teks peraturan; kutipan teks untuk setiap angka: --format json.");
        output.WriteLine();
        var areas = new TextTable([new("Area", 5), new("Nama", 30), new("Pemenuhan", 9, Align.Right), new("Reform", 6, Align.Right), new("Bobot", 5, Align.Right), new("Jenis", 6), new("Sumber", 47)]);
        foreach (var a in rule.Areas)
        {
            areas.Add(a.Code, a.Name, N(a.Pemenuhan), N(a.Reform), N(a.Weight), "", Cite(a.Source, rule.Id));
        }
        foreach (var p in rule.HasilParts)
        {
            areas.Add("HASIL", $"{p.Name} ({rule.HasilGroups.First(g => g.Code == p.Group).ShortName})", "", "", N(p.Weight), p.Kind?.ToString() ?? "", Cite(p.Source, rule.Id));
        }
        areas.Write(output);
        output.WriteLine();
        var criteria = new TextTable([new("Predikat", 8), new("Kriteria", 36), new("Minimum", 7, Align.Right), new("Yakin", 5), new("Sumber", 56)]);
        foreach (var level in rule.Predicates)
        {
            if (level.RequiresHeld is { } held)
            {
                criteria.Add(level.Code, $"Telah memperoleh predikat {held}", "ya", Confidence(level.RequiresHeldSource), Cite(level.RequiresHeldSource ?? "", rule.Id));
            }
            foreach (var c in level.Criteria.GroupBy(CriterionLine).Select(g => g.First()))
            {
                var label = c.Unit == CriterionUnit.Percent ? "Setiap area pengungkit (% bobot)" : c.Label;
                criteria.Add(level.Code, label, N(c.Min) + (c.Unit == CriterionUnit.Percent ? "%" : ""), c.Confidence, Cite(c.Source, rule.Id));
            }
        }
        criteria.Write(output);
        if (rule.Prerequisites.Count > 0)
        {
            output.WriteLine();
            var prerequisites = new TextTable([new("Syarat pengusulan", 30), new("Fakta", 19), new("WBK", 14), new("WBBM", 29), new("Yakin", 5), new("Sumber", 13)]);
            foreach (var p in rule.Prerequisites)
            {
                string Level(string level) => p.By is null
                    ? ReadinessDescribe(p.Levels.GetValueOrDefault(level) ?? p.Levels.GetValueOrDefault("*"))
                    : string.Join("; ", p.Cases.Select(c => $"{c.Key} {ReadinessDescribe(c.Value.GetValueOrDefault(level) ?? c.Value.GetValueOrDefault("*"))}"));
                prerequisites.Add(p.Label, p.Fact.Name, Level("WBK"), Level("WBBM"), p.Confidence, Pages(p.Source, rule.Id));
            }
            prerequisites.Write(output);
            if (rule.Affirmation is { } affirmation)
            {
                AnalyticsTables.Note(output, $"Afirmasi: {affirmation.Label} (fakta {affirmation.Fact}" +
                    string.Concat(affirmation.When.Select(w => $", bila {w.Key} = {w.Value}")) + ").");
            }
        }
    }

    /// <summary>
    /// A source as a citation for a table cell: the regulation, part and page of each segment without the quoted text
    /// (the quotes are in <c>--format json</c>), the regulation named once and not at all when it is the rule shown; sources that cite no page stay as they are.
    /// </summary>
    public static string Cite(string source, string ruleId)
    {
        var parts = new List<string>();
        string? regulation = ruleId;
        foreach (var segment in source.Split("; "))
        {
            if (!PageOf().IsMatch(segment))
            {
                continue;
            }
            var text = QuotedText().Replace(segment, "");
            text = MultipleSpaces().Replace(text.Replace("[C] ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), " ").Trim();
            if (RegulationOf().Match(text) is { Success: true } id)
            {
                text = id.Value == regulation ? text.Replace(id.Value + " ", "", StringComparison.Ordinal) : text;
                regulation = id.Value;
            }
            parts.Add(text.Replace("Lampiran ", "Lamp. ", StringComparison.Ordinal));
        }
        return parts.Count == 0 ? source : string.Join("; ", parts);
    }

    /// <summary>The pages a source cites, e.g. <c>p. 20, 21</c>, after the regulation when it is not the rule shown (<c>5/2024 p. 4</c>).</summary>
    private static string Pages(string source, string ruleId)
    {
        var regulation = RegulationOf().Match(source);
        var pages = PageOf().Matches(source).Select(m => m.Value[3..]).Distinct().OrderBy(p => int.Parse(p.Split('–')[0], CultureInfo.InvariantCulture)).ToList();
        return pages.Count == 0 ? "" : (regulation.Success && regulation.Value != ruleId ? regulation.Value + " " : "") + "p. " + string.Join(", ", pages);
    }

    private static string Confidence(string? source) => source is null ? "" : ConfidenceMark().Match(source) is { Success: true } m ? m.Groups[1].Value : "";

    [System.Text.RegularExpressions.GeneratedRegex(@"\bp\. \d+(?:–\d+)?")]
    private static partial System.Text.RegularExpressions.Regex PageOf();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:52/2014|10/2019|90/2021|5/2024)\b")]
    private static partial System.Text.RegularExpressions.Regex RegulationOf();

    [System.Text.RegularExpressions.GeneratedRegex("\"[^\"]*\"|\\([^)]*\\)")]
    private static partial System.Text.RegularExpressions.Regex QuotedText();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex MultipleSpaces();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\[([^\]]+)\]")]
    private static partial System.Text.RegularExpressions.Regex ConfidenceMark();

    /// <summary>One line per criterion as the rule file states it: the per-area % criterion once, not per area.</summary>
    private static string CriterionLine(CriterionRule c) => c.Unit == CriterionUnit.Percent ? "areaPercent" : c.Metric;

    private static string ReadinessDescribe(Requirement? requirement) => Domain.Readiness.ReadinessEvaluator.Describe(requirement);

    private static string N(decimal? value) => value is { } v ? v.ToString("0.##", Formats.Indonesian) : "";

    private static string Years(RuleCatalog rules) =>
        string.Join(", ", rules.Rules.Select(r => $"{r.Id} {r.FromYear}–{r.ToYear?.ToString(CultureInfo.InvariantCulture) ?? "kini"}"));
}
