using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integritas.Cli.Output;
using Integritas.Documents;
using Integritas.Domain.Formatting;
using Integritas.Reports;

namespace Integritas.Cli.Commands;

/// <summary>
/// <c>zi template check|render|fields</c>: for template authors — every defect of a template at once, a
/// template filled from a JSON file, and the fields a report offers its template.
/// </summary>
public static class TemplateCommand
{
    public static Command Create(CliContext context) =>
        new("template", "For template authors: check a Word template, fill it from JSON, list the fields a report offers.")
        {
            Check(context),
            Render(context),
            Fields(context),
        };

    private static Argument<string> TemplateFile() => new("file") { Description = "The Word template (.docx)." };

    private static Command Check(CliContext context)
    {
        var file = TemplateFile();
        var kind = new Option<string?>("--kind")
        {
            Description = $"Also check every field the template uses against this report's data ({string.Join(", ", ReportKinds.Names)}), as 'zi template fields KIND' lists them.",
            HelpName = "KIND",
        };
        kind.AcceptOnlyFromAmong([.. ReportKinds.Names]);
        var command = new Command("check", "List every defect of a template (unclosed tags, unbalanced blocks, unknown filters, bad conditions; with --kind, fields the report lacks) with where it is.") { file, kind };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            var path = Existing(parse.GetValue(file)!, "template");
            var name = Path.GetFileName(path);
            var report = parse.GetValue(kind) is { } k ? ReportKinds.Find(k) : null;
            var issues = DocxTemplate.Check(path).Select(i => i.ToString()).ToList();
            DocxTemplate? template = null;
            if (issues.Count == 0)
            {
                template = DocxTemplate.Load(path);
                if (report is not null)
                {
                    issues.AddRange(UnknownFields(template, report));
                }
            }
            if (issues.Count > 0)
            {
                foreach (var issue in issues)
                {
                    context.Out.WriteLine($"{name}: {issue}");
                }
                context.Error.WriteLine($"zi: {name} has {Defects(issues.Count)}; fix {(issues.Count == 1 ? "it" : "them")} in Word and check again.");
                return ExitCodes.Failed;
            }
            var fields = template!.Paths.Count == 0 ? "none" : string.Join(", ", template.Paths);
            var against = report is null ? "" : $" (all in the {report.Name} report's data)";
            context.Out.WriteLine($"OK: {template.TagCount} {(template.TagCount == 1 ? "tag" : "tags")}, fields used: {fields}{against}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Each tag reading a field the report's data does not have, at its place: the same fields the report fills
    /// the template from, so a template that passes the check does not fail to render on a missing field.
    /// </summary>
    private static IEnumerable<string> UnknownFields(DocxTemplate template, ReportKind report)
    {
        var offered = FieldCatalog.Flatten(report.Fields()).Select(f => f.Path).Where(p => !p.Contains('<', StringComparison.Ordinal)).ToList();
        foreach (var use in template.Uses.Where(u => !report.Offers(u.Path)))
        {
            var suggestion = Closest(use.Path, offered) is { } near ? $"; did you mean {near}?" : "";
            yield return $"{use.Part}, {use.Location}: field '{Spreadsheets.Excerpt.Of(use.Path)}' is not in the {report.Name} report's data " +
                $"(zi template fields {report.Name} lists them){suggestion} — near \"{Spreadsheets.Excerpt.Of(use.Tag)}\"";
        }
    }

    /// <summary>The offered path nearest a mistyped one (at most two edits away, case aside), if any.</summary>
    private static string? Closest(string path, IReadOnlyList<string> offered) =>
        offered
            .Select(o => (Path: o, Distance: Distance(path, o)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance).ThenBy(c => c.Path, StringComparer.Ordinal)
            .Select(c => c.Path)
            .FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }

    private static Command Render(CliContext context)
    {
        var file = TemplateFile();
        var data = new Option<string>("--data")
        {
            Description = "The JSON to fill it from; a picture is a file path relative to this file (or a data: URI).",
            Required = true,
            HelpName = "DATA.json",
        };
        var output = new Option<string>("--out") { Description = "The filled document to write.", Required = true, HelpName = "OUT.docx" };
        var pdf = PdfOutput.Option();
        var command = new Command("render", "Fill a template from a JSON file (numbers and dates in Bahasa Indonesia).") { file, data, output, pdf };
        command.SetAction((parse, cancellation) => ScoresCommand.GuardedAsync(context, async () =>
        {
            var templatePath = Existing(parse.GetValue(file)!, "template");
            var dataPath = Existing(parse.GetValue(data)!, "data file");
            var outputPath = Path.GetFullPath(parse.GetValue(output)!);
            if (string.Equals(outputPath, templatePath, StringComparison.Ordinal))
            {
                throw new CommandException($"--out {outputPath} is the template itself: write the filled document elsewhere.");
            }
            var values = ReadJson(dataPath);
            var template = Load(templatePath);
            byte[] document;
            try
            {
                document = template.Render(values, new RenderOptions
                {
                    Culture = Formats.Indonesian,
                    BaseDirectory = Path.GetDirectoryName(dataPath),
                });
            }
            catch (TemplateException ex)
            {
                throw new CommandException($"{Path.GetFileName(templatePath)} cannot be filled from {Path.GetFileName(dataPath)} ({Problems(ex.Issues.Count)}):{Lines(ex.Issues)}");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
            await File.WriteAllBytesAsync(outputPath, document, cancellation);
            context.Out.WriteLine("wrote " + outputPath);
            if (parse.GetValue(pdf))
            {
                await PdfOutput.Write(context, outputPath, templatePath, cancellation);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Fields(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = $"The report: {string.Join(", ", ReportKinds.Names)}." };
        kind.AcceptOnlyFromAmong([.. ReportKinds.Names]);
        var command = new Command("fields", "List every field a template for a report may use, with its type and meaning.") { kind };
        command.SetAction(parse =>
        {
            FieldOutput.Write(context.Out, ReportKinds.Find(parse.GetValue(kind)!)!);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Existing(string path, string what) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new CommandException($"there is no {what} {Path.GetFullPath(path)}.");

    private static DocxTemplate Load(string path)
    {
        try
        {
            return DocxTemplate.Load(path);
        }
        catch (TemplateException ex)
        {
            var name = Path.GetFileName(path);
            throw new CommandException($"{name} has {Defects(ex.Issues.Count)} (zi template check {name} lists them):{Lines(ex.Issues)}");
        }
    }

    /// <summary>The data file's JSON; a syntax error names the line and the position in it (both 1-based).</summary>
    private static JsonNode? ReadJson(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            var reason = ex.Message;
            // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 4." (0-based); it is said here 1-based.
            var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal) is var p and >= 0 ? p : reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
            reason = (cut >= 0 ? reason[..cut] : reason).Trim();
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            throw new CommandException($"{Path.GetFileName(path)}, line {line}, position {position}: not valid JSON: {reason}");
        }
    }

    private static string Defects(int count) => count == 1 ? "1 defect" : $"{count} defects";

    private static string Problems(int count) => count == 1 ? "1 problem" : $"{count} problems";

    private static string Lines(IEnumerable<TemplateIssue> issues) =>
        string.Concat(issues.Select(i => Environment.NewLine + "  " + i));
}
