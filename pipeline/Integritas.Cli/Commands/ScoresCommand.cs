using System.CommandLine;
using DuckDB.NET.Data;
using Integritas.Cli.Output;
using Integritas.Domain.Lke;
using Integritas.Store;
using Integritas.Store.Queries;

namespace Integritas.Cli.Commands;

/// <summary><c>zi scores</c>: one record per unit with its scores, readiness and shortfalls.</summary>
public static class ScoresCommand
{
    public static Command Scores(CliContext context)
    {
        var db = CommonOptions.Database();
        var year = CommonOptions.Year();
        var format = CommonOptions.Format("table", "json", "csv");
        var layer = CommonOptions.Layer();
        var command = new Command("scores", "Scores per component and area, readiness and shortfalls, one record per unit.") { db, year, format, layer };
        command.SetAction(parse => Guarded(context, () =>
        {
            using var connection = new ZiDatabase(parse.GetValue(db)!, context.Clock).OpenRead();
            var y = ResolveYear(connection, parse.GetValue(year));
            var scores = new ScoreQueries(context.Rules).Load(connection, new ScoreFilter(y, Layer: ResolveLayer(connection, parse.GetValue(layer), y)));
            ScoreOutput.Scores(context.Out, scores, parse.GetValue(format)!);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The requested year, or the latest one stored; fails naming the years there are.</summary>
    public static int ResolveYear(DuckDBConnection connection, int? requested) => ResolveYear(ScoreQueries.Years(connection), requested);

    /// <summary>The requested year among those stored, or the latest; fails naming the years there are.</summary>
    public static int ResolveYear(IReadOnlyList<int> years, int? requested)
    {
        if (years.Count == 0)
        {
            throw new CommandException("the database holds no LKE yet; load some with 'zi ingest'.");
        }
        if (requested is { } y && !years.Contains(y))
        {
            throw new CommandException($"no LKE is stored for {y} (years in the database: {string.Join(", ", years)}).");
        }
        return requested ?? years[^1];
    }

    /// <summary>
    /// The requested review layer, which must be stored for the year (any year when none is given); fails
    /// naming the layers there are, so "--layer tpn" on a database without TPN reviews does not print an empty table.
    /// </summary>
    public static Reviewer? ResolveLayer(DuckDBConnection connection, string? code, int? year)
    {
        if (code is null)
        {
            return null;
        }
        if (!LkeCodes.TryParseReviewer(code, out var layer))
        {
            throw new CommandException($"unknown layer '{code}' (layers: {string.Join(", ", Enum.GetValues<Reviewer>().Select(r => r.ToCode()))}).");
        }
        var present = connection.Query("SELECT DISTINCT reviewer FROM submission WHERE is_current AND ($year IS NULL OR year = $year)", ("year", year))
            .Select(r => LkeCodes.TryParseReviewer(r.GetString(0), out var p) ? p : (Reviewer?)null)
            .OfType<Reviewer>().Order().ToList();
        if (!present.Contains(layer))
        {
            var where = year is null ? "in the database" : $"for {year}";
            throw new CommandException(present.Count == 0
                ? $"no LKE of layer {code} is stored {where}: the database holds no LKE {(year is null ? "yet" : $"for {year}")}."
                : $"no LKE of layer {code} is stored {where} (layers {where}: {string.Join(", ", present.Select(r => r.ToCode()))}).");
        }
        return layer;
    }

    /// <summary>Runs a command body, turning the failures a user can act on into a message and exit code 1 (3 for a busy database).</summary>
    public static int Guarded(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (IsActionable(ex))
        {
            return Fail(context, ex);
        }
    }

    /// <summary><see cref="Guarded"/> for a body that awaits (a LibreOffice run, say).</summary>
    public static async Task<int> GuardedAsync(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (IsActionable(ex))
        {
            return Fail(context, ex);
        }
    }

    /// <summary>Says what went wrong; a busy database has its own exit code (3), so a script can tell "try later" from "fix the file".</summary>
    private static int Fail(CliContext context, Exception ex)
    {
        context.Error.WriteLine("zi: " + ex.Message);
        return ex is DatabaseBusyException ? ExitCodes.Busy : ExitCodes.Failed;
    }

    private static bool IsActionable(Exception ex) =>
        ex is CommandException or DatabaseBusyException or DatabaseMissingException or DatabaseInvalidException or DatabaseVersionException or Documents.TemplateException or Reports.Pdf.PdfException or Reports.PacketException
            or DuckDBException or IOException or UnauthorizedAccessException;
}

/// <summary>A failure the user can act on; its message says what to do.</summary>
public sealed class CommandException(string message) : Exception(message);
