using System.CommandLine;
using Integritas.Reports;
using Integritas.Reports.Lhe;
using Microsoft.Extensions.Configuration;
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
        var unit = new Option<string?>("--unit") { Description = "Only this unit's document (lhe).", HelpName = "KODE" };
        var command = new Command("report", "Render reports from their Word templates (and PDF with --pdf).") { kind, db, year, output, templates, unit, pdf };
        command.SetAction((parse, cancellation) => ScoresCommand.GuardedAsync(context, async () =>
        {
            var name = parse.GetValue(kind)!;
            var kinds = name == All ? ReportKinds.All : [ReportKinds.Find(name)!];
            var folder = parse.GetValue(output)!;
            var templateDirectory = parse.GetValue(templates) ?? context.TemplatesDirectory;
            if (parse.GetValue(unit) is not null && name != "lhe")
            {
                throw new CommandException("--unit is for the lhe report (one letter per unit); the other reports cover every unit.");
            }
            var results = Write(context, parse.GetValue(db)!, parse.GetValue(year), templateDirectory, folder, kinds, parse.GetValue(unit));
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
    public static IReadOnlyList<ReportOutput> Write(CliContext context, string database, int? year, string templates, string folder, IEnumerable<ReportKind> kinds, string? unitId = null)
    {
        var request = new PacketRequest([.. kinds], year, templates, folder, DateOnly.FromDateTime(context.Clock.GetLocalNow().DateTime))
        {
            UnitId = unitId,
            Lhe = LheSettingsOf(context),
        };
        return ReportPacket.Write(new ZiDatabase(database, context.Clock), context.Rules, request, ScoresCommand.ResolveYear).Reports;
    }

    /// <summary>The LHE's letter number settings (Integritas:Lhe of appsettings.json beside zi, or ZI_Integritas__Lhe__… variables).</summary>
    public static LheSettings LheSettingsOf(CliContext context)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(context.AppDirectory, "appsettings.json"), optional: true).AddEnvironmentVariables("ZI_").Build();
        var section = configuration.GetSection(LheSettings.Section);
        var pattern = section["NumberPattern"] is { Length: > 0 } p ? p : LetterNumber.DefaultPattern;
        var first = section["FirstNumber"] is { Length: > 0 } f ? f : "1";
        if (!int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw new CommandException($"{LheSettings.Section}:FirstNumber must be a whole number from 1 (is '{first}').");
        }
        try
        {
            LetterNumber.Format(pattern, number, new DateOnly(2000, 1, 1));
        }
        catch (FormatException ex)
        {
            throw new CommandException($"{LheSettings.Section}:NumberPattern: {ex.Message}.");
        }
        return new LheSettings(pattern, number);
    }

    public static void Print(CliContext context, ReportOutput result)
    {
        var documents = result.Documents.Count == 1 ? Path.GetFullPath(result.Document) : $"{result.Documents.Count} documents in {Path.GetFullPath(Path.GetDirectoryName(result.Document)!)}";
        context.Out.WriteLine($"{result.PacketName}: {documents} ({result.Files.Count} files)");
    }
}
