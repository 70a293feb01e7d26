using System.CommandLine;
using Integritas.Reports;
using Integritas.Store;

namespace Integritas.Cli.Commands;

/// <summary><c>zi report KIND|all --db FILE --year Y --out DIR [--pdf]</c>: fills report templates from the database.</summary>
public static class ReportCommand
{
    public const string All = "all";

    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = $"The report: {string.Join(", ", ReportKinds.Names)}, or {All}." };
        kind.AcceptOnlyFromAmong([.. ReportKinds.Names, All]);
        var db = CommonOptions.Database();
        var year = CommonOptions.Year();
        var output = new Option<string>("--out") { Description = "Output folder.", Required = true, HelpName = "DIR" };
        var templates = new Option<string?>("--templates") { Description = "Folder of the .docx templates (default: the ones shipped with zi).", HelpName = "DIR" };
        var pdf = PdfOutput.Option();
        var command = new Command("report", "Render reports from their Word templates (and PDF with --pdf).") { kind, db, year, output, templates, pdf };
        command.SetAction((parse, cancellation) => ScoresCommand.GuardedAsync(context, async () =>
        {
            var name = parse.GetValue(kind)!;
            var kinds = name == All ? ReportKinds.All : [ReportKinds.Find(name)!];
            var folder = parse.GetValue(output)!;
            var templateDirectory = parse.GetValue(templates) ?? context.TemplatesDirectory;
            var results = Write(context, parse.GetValue(db)!, parse.GetValue(year), templateDirectory, folder, kinds);
            foreach (var (result, reportKind) in results.Zip(kinds))
            {
                Print(context, result);
                if (parse.GetValue(pdf))
                {
                    var template = Path.Combine(templateDirectory, reportKind.TemplateFile);
                    context.Out.WriteLine("wrote " + Path.GetFullPath(await PdfOutput.Packet(context, result, template, folder, cancellation)));
                }
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Writes the reports; the database is closed before any LibreOffice run (the worker may want it meanwhile).</summary>
    public static IReadOnlyList<ReportOutput> Write(CliContext context, string database, int? year, string templates, string folder, IEnumerable<ReportKind> kinds)
    {
        var request = new PacketRequest([.. kinds], year, templates, folder, DateOnly.FromDateTime(context.Clock.GetLocalNow().DateTime));
        return ReportPacket.Write(new ZiDatabase(database, context.Clock), context.Rules, request, ScoresCommand.ResolveYear).Reports;
    }

    public static void Print(CliContext context, ReportOutput result)
    {
        var documents = result.Documents.Count == 1 ? Path.GetFullPath(result.Document) : $"{result.Documents.Count} documents in {Path.GetFullPath(Path.GetDirectoryName(result.Document)!)}";
        context.Out.WriteLine($"{result.PacketName}: {documents} ({result.Files.Count} files)");
    }
}
