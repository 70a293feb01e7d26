using System.CommandLine;
using System.Diagnostics;
using Integritas.Reports;
using Integritas.Store;

namespace Integritas.Cli.Commands;

/// <summary>
/// <c>zi demo [--out DIR]</c>: the whole path on a fresh machine — a new DuckDB file under DIR, the
/// shipped sample data ingested, scored and ranked, and the reports written next to it.
/// </summary>
public static class DemoCommand
{
    public const string DefaultOutput = "out/demo";
    public const string DatabaseFile = "zi.duckdb";

    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out")
        {
            Description = $"Folder for the demo database and reports (default: {DefaultOutput}).",
            DefaultValueFactory = _ => DefaultOutput,
            HelpName = "DIR",
        };
        var samples = new Option<string?>("--samples") { Description = "Folder of sample exports (default: the ones shipped with zi).", HelpName = "DIR" };
        var command = new Command("demo", "Run the main job on the embedded default: sample data into a new DuckDB file, then every report.") { output, samples };
        command.SetAction(parse => ScoresCommand.Guarded(context, () => Run(context, parse.GetValue(output)!, parse.GetValue(samples))));
        return command;
    }

    public static int Run(CliContext context, string output, string? samples)
    {
        var timer = Stopwatch.StartNew();
        var samplesDirectory = samples ?? context.SamplesDirectory;
        if (!Directory.Exists(samplesDirectory))
        {
            throw new CommandException($"the sample folder {samplesDirectory} does not exist.");
        }
        Directory.CreateDirectory(output);
        var databasePath = Path.Combine(output, DatabaseFile);
        // The demo always starts from an empty database so its figures are the samples' own.
        File.Delete(databasePath);
        File.Delete(databasePath + ".wal");
        context.Out.WriteLine($"Ingesting {Path.GetFullPath(samplesDirectory)} into {Path.GetFullPath(databasePath)}");
        var ingest = IngestCommand.Run(context, databasePath, [samplesDirectory]);
        if (ingest != ExitCodes.Ok)
        {
            throw new CommandException("the sample data did not load; see the errors above.");
        }

        int year;
        using (var connection = new ZiDatabase(databasePath, context.Clock).OpenRead())
        {
            year = ScoresCommand.ResolveYear(connection, null);
        }
        context.Out.WriteLine();
        context.Out.WriteLine($"Reports for {year}:");
        foreach (var report in ReportCommand.Write(context, databasePath, year, context.TemplatesDirectory, output, ReportKinds.All))
        {
            ReportCommand.Print(context, report);
        }
        context.Out.WriteLine($"Database: {Path.GetFullPath(databasePath)} (try: zi scores --db {databasePath} --year {year})");
        WebDemo(context, databasePath);
        context.Out.WriteLine($"Demo finished in {timer.Elapsed.TotalSeconds:0.0} s.");
        return ExitCodes.Ok;
    }

    /// <summary>A fresh demo account (a random password, printed once) and how to open the web app on the demo database.</summary>
    private static void WebDemo(CliContext context, string databasePath)
    {
        var users = new Web.Accounts.UserStore(Web.Accounts.UserStore.BesideDatabase(databasePath), context.Clock);
        if (users.Find("demo") is not null)
        {
            users.Remove("demo");
        }
        var password = Web.Accounts.UserStore.NewPassword();
        users.Add("demo", Web.Accounts.Roles.Admin, password);
        context.Out.WriteLine();
        context.Out.WriteLine($"Web app: zi serve --db {databasePath}   then open {Web.WebOptions.DefaultUrls}");
        context.Out.WriteLine($"  sign in as 'demo' (admin) with password {password}   (shown once; 'zi users passwd demo --db {databasePath}' sets another)");
    }
}
