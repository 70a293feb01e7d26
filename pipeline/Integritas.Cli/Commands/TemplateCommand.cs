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
        var command = new Command("check", "List every defect of a template (unclosed tags, unbalanced blocks, unknown filters, bad conditions) with where it is.") { file };
        command.SetAction(parse => ScoresCommand.Guarded(context, () =>
        {
            var path = Existing(parse.GetValue(file)!, "template");
            var name = Path.GetFileName(path);
            var issues = DocxTemplate.Check(path);
            if (issues.Count > 0)
            {
                foreach (var issue in issues)
                {
                    context.Out.WriteLine($"{name}: {issue}");
                }
                context.Error.WriteLine($"zi: {name} has {Defects(issues.Count)}; fix {(issues.Count == 1 ? "it" : "them")} in Word and check again.");
                return ExitCodes.Failed;
            }
            var template = DocxTemplate.Load(path);
            var fields = template.Paths.Count == 0 ? "none" : string.Join(", ", template.Paths);
            context.Out.WriteLine($"OK: {template.TagCount} {(template.TagCount == 1 ? "tag" : "tags")}, fields used: {fields}");
            return ExitCodes.Ok;
        }));
        return command;
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
