using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>
/// A Word template with text tags, compiled once and filled any number of times:
/// <c>{{path | filter:arg}}</c>, <c>{{#each list}}…{{/each}}</c>, <c>{{#if path &gt;= 75}}…{{else}}…{{/if}}</c>
/// and <c>{{image path}}</c>. Tags may be split across runs by Word; they keep the formatting of the run
/// they start in, and work in tables, headers, footers and text boxes. Output is deterministic.
/// </summary>
public sealed class DocxTemplate
{
    private readonly DocxPackage _package;
    private readonly IReadOnlyList<(string Part, XDocument Compiled)> _parts;
    private readonly long _textWidth;

    private DocxTemplate(DocxPackage package, IReadOnlyList<(string, XDocument)> parts, long textWidth)
    {
        _package = package;
        _parts = parts;
        _textWidth = textWidth;
    }

    /// <summary>Compiles a template; throws <see cref="TemplateException"/> listing every defect.</summary>
    public static DocxTemplate Load(byte[] docx)
    {
        var (template, issues) = Compile(docx);
        return issues.Count > 0 ? throw new TemplateException(issues) : template!;
    }

    public static DocxTemplate Load(string path) => Load(File.ReadAllBytes(path));

    /// <summary>Every defect of a template in one pass (empty when it is sound).</summary>
    public static IReadOnlyList<TemplateIssue> Check(byte[] docx)
    {
        try
        {
            return Compile(docx).Issues;
        }
        catch (TemplateException ex)
        {
            return ex.Issues;
        }
    }

    private static (DocxTemplate? Template, List<TemplateIssue> Issues) Compile(byte[] docx)
    {
        var package = DocxPackage.Read(docx);
        var issues = new List<TemplateIssue>();
        var parts = new List<(string, XDocument)>();
        foreach (var part in package.TextParts())
        {
            var document = new XDocument(package.XmlOf(part));
            new PartCompiler(PartLabel(part), issues).Compile(document);
            parts.Add((part, document));
        }
        var width = Renderer.TextWidth(package.XmlOf(package.MainDocument()));
        return (new DocxTemplate(package.Clone(), parts, width), issues);
    }

    private static string PartLabel(string part) => Path.GetFileNameWithoutExtension(part);

    /// <summary>Fills the template; throws <see cref="TemplateException"/> listing every missing or unusable value.</summary>
    public byte[] Render(JsonNode? data, RenderOptions? options = null)
    {
        options ??= new RenderOptions();
        var package = _package.Clone();
        var errors = new List<TemplateIssue>();
        foreach (var (part, compiled) in _parts)
        {
            var rendered = new Renderer(package, part, PartLabel(part), options, errors, _textWidth).Render(compiled, data);
            package.SetXml(part, rendered);
        }
        if (errors.Count > 0)
        {
            throw new TemplateException(errors);
        }
        RenumberPictures(package);
        return package.Save();
    }

    /// <summary>Drawing ids must be unique in a document; repeated blocks copy them, so number them afresh.</summary>
    private void RenumberPictures(DocxPackage package)
    {
        var id = 1;
        foreach (var (part, _) in _parts)
        {
            foreach (var docPr in package.XmlOf(part).Descendants(W.DocPr))
            {
                docPr.SetAttributeValue("id", id++);
            }
        }
    }
}
