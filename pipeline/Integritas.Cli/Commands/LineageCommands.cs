using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Integritas.Cli.Output;
using Integritas.Domain.Formatting;
using Integritas.Domain.Lke;
using Integritas.Domain.Scoring;
using Integritas.Store;
using Integritas.Store.Queries;

namespace Integritas.Cli.Commands;

/// <summary><c>zi findings</c> and <c>zi history</c>: what the files said beyond their answers, and where every version came from.</summary>
public static class LineageCommands
{
    public static Command Findings(CliContext context)
    {
        var db = CommonOptions.Database();
        var year = CommonOptions.Year();
        var unit = new Option<string?>("--unit") { Description = "Only this unit.", HelpName = "CODE" };
        var format = CommonOptions.Format("table", "json", "csv");
        var command = new Command("findings", "Where workbooks' own values differ from the values recomputed from their answers, and other findings.") { db, year, unit, format };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            using var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead();
            var y = ScoresCommand.ResolveYear(connection, parse.GetValue(year));
            var findings = Lineage.Findings(connection, y, parse.GetValue(unit));
            switch (parse.GetValue(format))
            {
                case "json":
                    context.Out.WriteLine(JsonSerializer.Serialize(findings, ScoreOutput.Json));
                    break;
                case "csv":
                    CsvOutput.Row(context.Out, ["unit_id", "unit_name", "year", "layer", "file", "sheet", "cell", "level", "item", "cached", "recomputed", "message"]);
                    foreach (var f in findings)
                    {
                        CsvOutput.Row(context.Out, [CsvOutput.Cell(f.UnitId), CsvOutput.Cell(f.UnitName), CsvOutput.Cell(f.Year), f.Layer.ToCode(), CsvOutput.Cell(f.File),
                            CsvOutput.Cell(f.Sheet), CsvOutput.Cell(f.Cell), f.Level, CsvOutput.Cell(f.Item), CsvOutput.Cell(f.Cached), CsvOutput.Cell(f.Recomputed), CsvOutput.Cell(f.Message)]);
                    }
                    break;
                default:
                    // For readers, in Indonesian as the reports say it; the ingest's own (English) message is in json/csv.
                    var table = new TextTable([new("Kode", 10), new("Lapisan", 10), new("Berkas", 22), new("Sel", 8), new("Temuan", 62)]);
                    foreach (var f in findings)
                    {
                        table.Add(f.UnitId, Reports.ReadinessText.Layer(f.Layer), f.File, f.Cell ?? "", Reports.Units.UnitSectionBuilder.FindingText(f));
                    }
                    table.Write(context.Out);
                    context.Out.WriteLine($"{findings.Count} temuan untuk {y} pada {findings.Select(f => f.UnitId).Distinct().Count()} unit (versi yang berlaku).");
                    break;
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command History(CliContext context)
    {
        var db = CommonOptions.Database();
        var unit = new Option<string>("--unit") { Description = "The unit code.", Required = true, HelpName = "CODE" };
        var year = new Option<int?>("--year") { Description = "Only this evaluation year.", HelpName = "YEAR" };
        var answers = new Option<bool>("--answers") { Description = "Also list the current answers with the file, sheet and cell each came from." };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("history", "Every stored version of a unit's LKEs and recaps, where each came from and what it scored.") { db, unit, year, answers, format };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            using var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead();
            var lineage = new Lineage(context.Rules);
            var versions = lineage.History(connection, parse.GetValue(unit)!, parse.GetValue(year));
            if (versions.Count == 0)
            {
                throw new CommandException($"nothing is stored for unit {parse.GetValue(unit)}{(parse.GetValue(year) is { } y ? $" in {y}" : "")}.");
            }
            var withAnswers = parse.GetValue(answers)
                ? versions.Where(v => v.Current && v.Kind == "items").ToDictionary(v => v.SubmissionId, v => Lineage.Answers(connection, v.SubmissionId))
                : [];
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new { versions, answers = withAnswers.ToDictionary(a => a.Key.ToString(CultureInfo.InvariantCulture), a => a.Value) }, ScoreOutput.Json));
                return ExitCodes.Ok;
            }
            var table = new TextTable([new("Tahun", 5), new("Lapisan", 9), new("Versi", 5, Align.Right), new("Berlaku", 7), new("Jenis", 6), new("Dimuat", 16),
                new("Berkas", 30), new("SHA-256", 12), new("Total", 6, Align.Right), new("Kesiapan", 8)]);
            foreach (var v in versions)
            {
                table.Add(v.Year.ToString(CultureInfo.InvariantCulture), v.Layer.ToCode(), v.Version.ToString(CultureInfo.InvariantCulture), v.Current ? "ya" : "-",
                    v.Kind == "recap" ? "rekap" : "butir", TimeZoneInfo.ConvertTime(v.IngestedAt, context.Clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    v.File, v.Sha256[..12], v.Total is { } t ? Formats.Number(t) : "-", v.Readiness);
            }
            table.Write(context.Out);
            foreach (var (id, list) in withAnswers)
            {
                var v = versions.First(x => x.SubmissionId == id);
                context.Out.WriteLine();
                context.Out.WriteLine($"Jawaban {v.UnitId} {v.Year} [{v.Layer.ToCode()}] v{v.Version}:");
                var answersTable = new TextTable([new("Soal", 10), new("Jenis", 6), new("Jawaban", 8), new("Nilai", 6, Align.Right), new("Berkas", 34), new("Lembar", 10), new("Baris", 5, Align.Right), new("Sel", 12)]);
                foreach (var a in list)
                {
                    answersTable.Add(a.Question, a.Kind, a.Answer.Length == 0 ? "(kosong)" : a.Answer, a.Value is { } value ? Formats.Number(value, 2) : "-", a.File,
                        a.Sheet ?? "-", a.Line.ToString(CultureInfo.InvariantCulture), a.Cell ?? "-");
                }
                answersTable.Write(context.Out);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Command Reviews(CliContext context)
    {
        var db = CommonOptions.Database();
        var year = CommonOptions.Year();
        var unit = new Option<string?>("--unit") { Description = "Only this unit.", HelpName = "CODE" };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("reviews", "Where reviewers (TPI unit, TPI Itjen) changed a unit's own answers, and how far the score moved.") { db, year, unit, format };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            using var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead();
            var y = ScoresCommand.ResolveYear(connection, parse.GetValue(year));
            var reviews = new ReviewChanges(context.Rules).For(connection, y, parse.GetValue(unit));
            if (parse.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(reviews.Select(r => new
                {
                    r.UnitId,
                    r.UnitName,
                    r.Year,
                    Reviewer = r.Reviewer.ToCode(),
                    UnitTotal = Score.Round2(r.UnitTotal),
                    ReviewerTotal = Score.Round2(r.ReviewerTotal),
                    Moved = Score.Change(r.ReviewerTotal, r.UnitTotal),
                    Changes = r.Changes.Select(c => new { c.Question, c.Indicator, c.Kind, c.UnitAnswer, c.ReviewerAnswer, PointsMoved = Score.Round2(c.PointsMoved) }),
                }), ScoreOutput.Json));
                return ExitCodes.Ok;
            }
            foreach (var review in reviews)
            {
                var layer = Reports.ReadinessText.Layer(review.Reviewer);
                var moved = Score.Change(review.ReviewerTotal, review.UnitTotal);
                context.Out.WriteLine($"{review.UnitId} {review.UnitName} — {layer}: nilai unit {Num(review.UnitTotal)}, " +
                    $"nilai {layer} {Num(review.ReviewerTotal)} ({(moved is { } m ? (m >= 0 ? "+" : "") + Formats.Number(m) : "-")}); {review.Changes.Count} jawaban diubah");
                var table = new TextTable([new("Soal", 10), new("Jawaban unit", 12), new(layer, 12), new("Poin", 8, Align.Right)]);
                foreach (var change in review.Changes)
                {
                    table.Add(change.Question, Blank(Formats.Answer(change.Kind, change.UnitAnswer)), Blank(Formats.Answer(change.Kind, change.ReviewerAnswer)),
                        (change.PointsMoved >= 0 ? "+" : "") + Formats.Number(change.PointsMoved, 3));
                }
                table.Write(context.Out);
                context.Out.WriteLine();
            }
            context.Out.WriteLine(reviews.Count == 0 ? $"Tidak ada lapisan reviu untuk {y}." : $"{reviews.Count} lapisan reviu pada {reviews.Select(r => r.UnitId).Distinct().Count()} unit untuk {y}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Num(decimal? value) => value is { } v ? Formats.Number(v) : "-";

    private static string Blank(string answer) => answer.Length == 0 ? "(kosong)" : answer;
}
