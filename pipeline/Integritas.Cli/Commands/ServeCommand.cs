using System.CommandLine;
using Integritas.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Integritas.Cli.Commands;

/// <summary>
/// <c>zi serve [--db FILE] [--config FILE] [--urls URLS]</c>: the web app for analysts, planners and unit heads
/// (sign-in, dashboard, units, candidates, upload, reports, rules). Settings: appsettings.json beside zi, then
/// --config, then ZI_ environment variables, then the options given here.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var db = new Option<string?>("--db") { Description = "The DuckDB database file (default: Integritas:Database of the settings).", HelpName = "FILE" };
        var config = new Option<string?>("--config") { Description = "An extra JSON settings file (overrides appsettings.json); section Integritas:Web.", HelpName = "FILE" };
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, ';'-separated (default: {WebOptions.DefaultUrls}).", HelpName = "URLS" };
        var command = new Command("serve", "Serve the web app: sign in, dashboard, units, candidates, upload, reports and rules in the browser.") { db, config, urls };
        command.SetAction((parse, cancellation) => ScoresCommand.GuardedAsync(context, async () =>
        {
            var options = Options(context, parse.GetValue(config), parse.GetValue(db), parse.GetValue(urls));
            var users = new Web.Accounts.UserStore(options.UsersPath, context.Clock);
            await using var app = WebApp.Build(options, context.Rules, context.Clock, Directory.GetCurrentDirectory());
            context.Out.WriteLine($"zi serve: database {options.Database}, accounts {options.UsersPath} ({users.List().Count} user(s)), listening on {options.Urls}");
            if (users.List().Count == 0)
            {
                context.Out.WriteLine("No account yet: add one with 'zi users add NAME --role admin --db " + options.Database + " --password-stdin'.");
            }
            await app.StartAsync(cancellation);
            await app.WaitForShutdownAsync(cancellation);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The web settings from the configuration files and environment, with the command line's values over them.</summary>
    public static WebOptions Options(CliContext context, string? configFile, string? database, string? urls)
    {
        var builder = new ConfigurationBuilder().AddJsonFile(Path.Combine(context.AppDirectory, "appsettings.json"), optional: true);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new CommandException($"the settings file {Path.GetFullPath(configFile)} does not exist.");
            }
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        }
        var configuration = builder.AddEnvironmentVariables("ZI_").Build();
        var options = new WebOptions();
        configuration.GetSection(WebOptions.Section).Bind(options);
        options.Database = Path.GetFullPath(database ?? configuration["Integritas:Database"] ?? throw new CommandException("give the database with --db FILE."));
        options.Urls = urls ?? (string.IsNullOrWhiteSpace(options.Urls) ? WebOptions.DefaultUrls : options.Urls);
        options.Templates = string.IsNullOrWhiteSpace(configuration["Integritas:Templates"]) ? context.TemplatesDirectory : Path.GetFullPath(configuration["Integritas:Templates"]!);
        if (options.MaxUploadMegabytes <= 0)
        {
            throw new CommandException($"Integritas:Web:MaxUploadMegabytes must be a positive number of MiB (is {options.MaxUploadMegabytes}).");
        }
        return options;
    }
}
