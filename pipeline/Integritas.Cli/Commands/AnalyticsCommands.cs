using System.CommandLine;
using System.Text.Json;
using Integritas.Analytics;
using Integritas.Cli.Output;
using Integritas.Reports.Candidates;
using Integritas.Reports.Trends;
using Integritas.Store;

namespace Integritas.Cli.Commands;

/// <summary>
/// The planners' commands: <c>zi candidates</c>, <c>zi rank</c>, <c>zi unit</c>, <c>zi trends</c> and
/// <c>zi targets</c>, each answering one question on one screen, with csv/json (and xlsx) for further work.
/// </summary>
public static class AnalyticsCommands
{
    public static Command Candidates(CliContext context)
    {
        var (db, year, layer) = (CommonOptions.Database(), CommonOptions.Year(), CommonOptions.Layer());
        var format = CommonOptions.Format("table", "json", "csv", "xlsx");
        var target = CommonOptions.Target();
        var top = new Option<int>("--top") { Description = "Show this many candidates in the table (0: all).", DefaultValueFactory = _ => 25, HelpName = "N" };
        var output = CommonOptions.Output();
        var command = new Command("candidates", "Next year's candidates for WBK (or WBBM): who is ready, who is close, what each must fix, and the projection's backtest.")
        {
            db, year, target, format, top, output, layer,
        };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            using var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead();
            var y = ScoresCommand.ResolveYear(connection, parse.GetValue(year));
            var reviewer = ScoresCommand.ResolveLayer(connection, parse.GetValue(layer), y);
            var history = ScoreHistory.Load(connection, context.Rules, reviewer);
            var goal = parse.GetValue(target)!;
            var candidates = CandidateAnalysisBuilder.For(connection, history, y, goal, reviewer);
            var backtest = Backtest.For(history, y);
            var fmt = parse.GetValue(format)!;
            switch (fmt)
            {
                case "json":
                    var rule = history.InYear(y)[0].Card.Rule;
                    context.Out.WriteLine(JsonSerializer.Serialize(new CandidateList(y, y + 1, goal, rule.Label, Projection.Method,
                        backtest.Units == 0 ? null : BacktestSummary.From(backtest), [.. candidates.Select(CandidateRecord.From)]), ScoreOutput.Json));
                    break;
                case "csv":
                    AnalyticsTables.CandidatesCsv(context.Out, candidates);
                    break;
                case "xlsx":
                    var path = CommonOptions.RequireOutput(parse.GetValue(output), "xlsx");
                    File.WriteAllBytes(path, CandidateWorkbook.Write(y, [new CandidateSheet(goal, candidates)], backtest.Units == 0 ? null : backtest));
                    context.Out.WriteLine($"wrote {Path.GetFullPath(path)} ({candidates.Count} kandidat {goal} {y + 1})");
                    break;
                default:
                    AnalyticsTables.Candidates(context.Out, candidates, history, y, goal, parse.GetValue(top), backtest);
                    break;
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Rank(CliContext context)
    {
        var (db, year, layer) = (CommonOptions.Database(), CommonOptions.Year(), CommonOptions.Layer());
        var format = CommonOptions.Format("table", "json", "csv");
        var target = CommonOptions.Target();
        var command = new Command("rank", "Next year's candidates in order: ready units first, then by the fewest points still needed.") { db, year, format, layer, target };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            using var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead();
            var y = ScoresCommand.ResolveYear(connection, parse.GetValue(year));
            var history = ScoreHistory.Load(connection, context.Rules, ScoresCommand.ResolveLayer(connection, parse.GetValue(layer), y));
            var candidates = CandidateAnalysisBuilder.For(history, y, parse.GetValue(target)!);
            ScoreOutput.Rank(context.Out, candidates, parse.GetValue(format)!);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Unit(CliContext context)
    {
        var unit = new Argument<string>("unit") { Description = "The unit code (kode_unit), e.g. ESDM-06.", HelpName = "KODE" };
        var (db, year, layer) = (CommonOptions.Database(), CommonOptions.Year(), CommonOptions.Layer());
        var format = CommonOptions.Format("table", "json");
        var command = new Command("unit", "One unit explained: scores over the years, each criterion, points needed, projection and the questions to improve.")
        {
            unit, db, year, format, layer,
        };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            using var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead();
            var reviewer = ScoresCommand.ResolveLayer(connection, parse.GetValue(layer), parse.GetValue(year));
            var history = ScoreHistory.Load(connection, context.Rules, reviewer);
            var id = FindUnit(history, parse.GetValue(unit)!);
            var years = history.Of(id).Select(s => s.Year).ToList();
            var y = parse.GetValue(year) ?? years[^1];
            var score = history.Get(id, y) ?? throw new CommandException($"unit {id} has no LKE for {y} (years: {string.Join(", ", years)}).");
            var (_, target, candidate, questions, trend) = UnitExplanation.For(connection, history, score, reviewer);
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(RecordFactory.Unit(score, trend, candidate, questions), ScoreOutput.Json));
                return ExitCodes.Ok;
            }
            AnalyticsTables.Unit(context.Out, history, score, trend, target, candidate, questions);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Trends(CliContext context)
    {
        var (db, year, layer) = (CommonOptions.Database(), CommonOptions.Year(), CommonOptions.Layer());
        var format = CommonOptions.Format("table", "json", "csv", "xlsx");
        var instansi = new Option<string?>("--instansi") { Description = "Only the units of this instansi.", HelpName = "NAMA" };
        var output = CommonOptions.Output();
        var command = new Command("trends", "How the units moved year over year: per instansi and overall, the areas holding units back, the biggest movers and criteria lost.")
        {
            db, year, format, instansi, output, layer,
        };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            using var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead();
            var y = ScoresCommand.ResolveYear(connection, parse.GetValue(year));
            var history = ScoreHistory.Load(connection, context.Rules, ScoresCommand.ResolveLayer(connection, parse.GetValue(layer), y));
            var scope = parse.GetValue(instansi);
            if (scope is not null && !history.All.Any(s => string.Equals(s.Unit.Instansi, scope, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CommandException($"no unit belongs to instansi '{scope}' (instansi: {string.Join("; ", history.All.Select(s => s.Unit.Instansi).Distinct().Order(StringComparer.Ordinal))}).");
            }
            var report = TrendAnalysis.Build(history, y, instansi: scope);
            var targets = TargetAnalysis.For(connection, history, y).Where(t => scope is null || string.Equals(t.Instansi, scope, StringComparison.OrdinalIgnoreCase)).ToList();
            switch (parse.GetValue(format))
            {
                case "json":
                    context.Out.WriteLine(JsonSerializer.Serialize(TrendsRecord.From(report, targets), ScoreOutput.Json));
                    break;
                case "csv":
                    AnalyticsTables.TrendsCsv(context.Out, report);
                    break;
                case "xlsx":
                    var path = CommonOptions.RequireOutput(parse.GetValue(output), "xlsx");
                    File.WriteAllBytes(path, TrendWorkbook.Write(report, targets));
                    context.Out.WriteLine($"wrote {Path.GetFullPath(path)}");
                    break;
                default:
                    AnalyticsTables.Trends(context.Out, report, targets);
                    break;
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Targets(CliContext context)
    {
        var (db, year) = (CommonOptions.Database(), CommonOptions.Year());
        var format = CommonOptions.Format("table", "json", "csv");
        var command = new Command("targets", "Per instansi and year: the target set, the units ready and the units awarded.") { db, year, format };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            using var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead();
            var history = ScoreHistory.Load(connection, context.Rules);
            var rows = TargetAnalysis.For(connection, history, parse.GetValue(year));
            switch (parse.GetValue(format))
            {
                case "json":
                    context.Out.WriteLine(JsonSerializer.Serialize(rows.Select(TargetRecord.From), ScoreOutput.Json));
                    break;
                case "csv":
                    AnalyticsTables.TargetsCsv(context.Out, rows);
                    break;
                default:
                    AnalyticsTables.Targets(context.Out, rows);
                    break;
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string FindUnit(ScoreHistory history, string code)
    {
        var ids = history.All.Select(s => s.Unit.UnitId).Distinct().ToList();
        var exact = ids.FirstOrDefault(i => string.Equals(i, code.Trim(), StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }
        var similar = ids.Where(i => i.Contains(code.Trim(), StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(8).ToList();
        throw new CommandException($"no unit '{code}' in the database" + (similar.Count > 0 ? $"; did you mean {string.Join(", ", similar)}?" : "."));
    }
}
