using System.CommandLine;
using Integritas.Reports.Briefing;
using Integritas.Store;

namespace Integritas.Cli.Commands;

/// <summary><c>zi report KIND --db FILE --year Y --out DIR [--pdf]</c>: fills a report template from the database.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = "The report: briefing." };
        kind.AcceptOnlyFromAmong("briefing");
        var db = CommonOptions.Database();
        var year = CommonOptions.Year();
        var output = new Option<string>("--out") { Description = "Output folder.", Required = true, HelpName = "DIR" };
        var templates = new Option<string?>("--templates") { Description = "Folder of the .docx templates (default: the ones shipped with zi).", HelpName = "DIR" };
        var pdf = PdfOutput.Option();
        var command = new Command("report", "Render a report from its Word template.") { kind, db, year, output, templates, pdf };
        command.SetAction((parse, cancellation) => ScoresCommand.GuardedAsync(context, async () =>
        {
            ReportOutput result;
            // The database is closed before LibreOffice runs: the worker may want it meanwhile.
            using (var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead())
            {
                var y = ScoresCommand.ResolveYear(connection, parse.GetValue(year));
                result = new BriefingReport(context.Rules, context.Clock)
                    .Write(connection, y, parse.GetValue(templates) ?? context.TemplatesDirectory, parse.GetValue(output)!);
            }
            foreach (var file in result.Files)
            {
                context.Out.WriteLine("wrote " + Path.GetFullPath(file));
            }
            if (parse.GetValue(pdf))
            {
                await PdfOutput.Write(context, result.Document, cancellation);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
