using Integritas.Reports;

namespace Integritas.Cli.Output;

/// <summary>The fields a report offers its template, as <c>zi template fields</c> lists them for an author.</summary>
public static class FieldOutput
{
    private const int Indent = 2;

    public static void Write(TextWriter output, ReportKind kind)
    {
        var fields = kind.Fields();
        output.WriteLine($"{kind.Name} — {kind.Description}");
        output.WriteLine($"Template: {kind.TemplateFile}. Data: {kind.Model.Name}.");
        output.WriteLine("Write a value as {{name}}, with filters as needed ({{total | number:2}}; see templates/README.md). A value that may");
        output.WriteLine("be empty needs {{#if name}} or a default ({{name | default:\"-\"}}). Inside {{#each list}} … {{/each}} write the");
        output.WriteLine("item's fields as listed beneath it; {{@no}} numbers the items 1, 2, …");
        output.WriteLine();
        var rows = new List<(string Field, string Type, string Description)>();
        Collect(rows, fields, 0);
        var fieldWidth = rows.Max(r => r.Field.Length);
        var typeWidth = rows.Max(r => r.Type.Length);
        foreach (var (field, type, description) in rows)
        {
            output.WriteLine($"{field.PadRight(fieldWidth)}  {type.PadRight(typeWidth)}  {description}".TrimEnd());
        }
    }

    private static void Collect(List<(string, string, string)> rows, IReadOnlyList<TemplateField> fields, int depth)
    {
        var pad = new string(' ', depth * Indent);
        foreach (var field in fields)
        {
            var type = field.MayBeEmpty ? field.Type + " or empty" : field.Type;
            switch (field.Shape)
            {
                case FieldShape.List:
                    rows.Add((pad + $"{{{{#each {field.Name}}}}}", type, field.Description));
                    Collect(rows, field.Items, depth + 1);
                    rows.Add((pad + "{{/each}}", "", ""));
                    break;
                case FieldShape.Image:
                    rows.Add((pad + $"{{{{image {field.Name}}}}}", type, field.Description));
                    break;
                default:
                    rows.Add((pad + field.Name, type, field.Description));
                    break;
            }
        }
    }
}
