using System.CommandLine;
using Integritas.Domain.Lke;

namespace Integritas.Cli.Commands;

/// <summary>Options several commands share, defined once.</summary>
public static class CommonOptions
{
    public static Option<string> Database() => new("--db")
    {
        Description = "The DuckDB database file.",
        Required = true,
        HelpName = "FILE",
    };

    public static Option<int?> Year() => new("--year")
    {
        Description = "Evaluation year (default: the latest year in the database).",
        HelpName = "YEAR",
    };

    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
            HelpName = "FORMAT",
        };
        return option.AcceptOnlyFromAmong(formats);
    }

    public static Option<string?> Layer()
    {
        var option = new Option<string?>("--layer")
        {
            Description = "Review layer to score: unit, tpi_unit, tpi_itjen or tpn (default: the most senior layer present).",
            HelpName = "LAYER",
        };
        return option.AcceptOnlyFromAmong(Enum.GetValues<Reviewer>().Select(r => r.ToCode()).ToArray());
    }

    public static Option<string> Target() => new Option<string>("--target")
    {
        Description = "The predicate to look at candidates for: WBK (units not holding it) or WBBM (WBK holders).",
        DefaultValueFactory = _ => "WBK",
        HelpName = "WBK|WBBM",
    }.AcceptOnlyFromAmong("WBK", "WBBM");

    public static Option<string?> Output() => new("--out")
    {
        Description = "The file to write (required for --format xlsx).",
        HelpName = "FILE",
    };

    /// <summary>The output file a binary format needs; fails naming the option when it is missing.</summary>
    public static string RequireOutput(string? path, string format) =>
        string.IsNullOrWhiteSpace(path) ? throw new CommandException($"--format {format} writes a file: give it with --out FILE.{format}.") : path;
}
