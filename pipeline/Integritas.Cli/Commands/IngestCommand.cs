using System.CommandLine;
using System.Diagnostics;
using Integritas.Domain.Formatting;
using Integritas.Store;
using Integritas.Store.Ingest;

namespace Integritas.Cli.Commands;

/// <summary><c>zi ingest --db FILE PATH...</c>: files or folders, each validated and landed whole or not at all.</summary>
public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to ingest (folders are searched recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var year = new Option<int?>("--tahun") { Description = "Evaluation year of workbooks whose file name does not say it ({tahun}_{kode_unit}_….xlsx).", HelpName = "YEAR" };
        var unit = new Option<string?>("--kode-unit") { Description = "Unit code of workbooks whose file name does not say it.", HelpName = "CODE" };
        var name = new Option<string?>("--nama-unit") { Description = "The unit's name, for a unit not yet known to the database.", HelpName = "NAME" };
        var instansi = new Option<string?>("--instansi") { Description = "The unit's instansi, for a unit not yet known to the database.", HelpName = "NAME" };
        var command = new Command("ingest", "Validate files and load them into the database; a rejected file changes nothing.") { db, paths, year, unit, name, instansi };
        command.SetAction(parse => ScoresCommand.Guarded(context, () => Run(context, parse.GetValue(db)!, parse.GetValue(paths)!, new IngestOptions
        {
            Year = parse.GetValue(year),
            UnitId = parse.GetValue(unit),
            UnitName = parse.GetValue(name),
            Instansi = parse.GetValue(instansi),
        })));
        return command;
    }

    public static int Run(CliContext context, string database, IReadOnlyList<string> paths, IngestOptions? options = null)
    {
        var (files, skipped) = IngestService.Expand(paths);
        if (skipped.Count > 0)
        {
            context.Out.WriteLine($"skipped    {skipped.Count} file(s) of other types in the folders given (e.g. {Path.GetFileName(skipped[0])})");
        }
        if (files.Count == 0)
        {
            context.Error.WriteLine("zi ingest: no files to ingest in " + string.Join(", ", paths));
            return ExitCodes.Failed;
        }
        var progress = new ProgressLine(context, files.Count, files.Sum(f => File.Exists(f) ? new FileInfo(f).Length : 0));
        var service = new IngestService(context.Rules, context.Clock, options) { Progress = progress.Within };
        var timer = Stopwatch.StartNew();
        var outcomes = new List<FileOutcome>();
        foreach (var outcome in service.Ingest(new ZiDatabase(database, context.Clock), files))
        {
            outcomes.Add(outcome);
            progress.Clear();
            Report(context, outcome);
            progress.FileDone(outcome, outcomes.Sum(o => o.Rows));
        }
        progress.Clear();
        var rows = outcomes.Sum(o => o.Rows);
        var seconds = Math.Max(timer.Elapsed.TotalSeconds, 0.001);
        context.Out.WriteLine(
            $"{outcomes.Count} file(s): {outcomes.Count(o => o.Status == FileStatus.Accepted)} accepted, " +
            $"{outcomes.Count(o => o.Status == FileStatus.Unchanged)} unchanged, {outcomes.Count(o => o.Status == FileStatus.Rejected)} rejected; " +
            $"{rows.ToString("N0", Formats.Indonesian)} rows in {seconds.ToString("0.00", Formats.Indonesian)} s " +
            $"({(rows / seconds).ToString("N0", Formats.Indonesian)} rows/s).");
        return outcomes.Any(o => o.Status == FileStatus.Rejected) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    public static void Report(CliContext context, FileOutcome outcome)
    {
        var name = Path.GetFileName(outcome.Path);
        switch (outcome.Status)
        {
            case FileStatus.Accepted:
                context.Out.WriteLine($"accepted   {name} [{outcome.Format}] {outcome.Rows.ToString("N0", Formats.Indonesian)} rows: {Summarise(outcome.Landed)}");
                foreach (var note in outcome.Notes)
                {
                    context.Out.WriteLine($"  note: {note}");
                }
                if (outcome.Findings.Count > 0)
                {
                    context.Out.WriteLine($"  {outcome.Findings.Count} finding(s) recorded (zi findings lists them):");
                    foreach (var finding in outcome.Findings.Take(5))
                    {
                        context.Out.WriteLine($"    [{finding.Sheet}] {finding.Cell}: {finding.Message}");
                    }
                    if (outcome.Findings.Count > 5)
                    {
                        context.Out.WriteLine($"    ... and {outcome.Findings.Count - 5} more");
                    }
                }
                break;
            case FileStatus.Unchanged:
                context.Out.WriteLine($"unchanged  {name} [{outcome.Format}] {outcome.Rows.ToString("N0", Formats.Indonesian)} rows: already stored, nothing changed");
                break;
            default:
                context.Error.WriteLine($"rejected   {name} [{outcome.Format}]: {outcome.ErrorCount} error(s); nothing of this file was stored");
                foreach (var error in outcome.Errors)
                {
                    context.Error.WriteLine("  " + error);
                }
                if (outcome.ErrorCount > outcome.Errors.Count)
                {
                    context.Error.WriteLine($"  ... and {outcome.ErrorCount - outcome.Errors.Count} more");
                }
                break;
        }
    }

    private static string Summarise(IReadOnlyList<string> landed) =>
        landed.Count <= 4 ? string.Join(", ", landed) : $"{string.Join(", ", landed.Take(3))} and {landed.Count - 3} more";
}
