using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>
/// A Word template with text tags, compiled once and filled any number of times (also concurrently):
/// <c>{{path | filter:arg}}</c>, <c>{{#each list}}…{{/each}}</c>, <c>{{#if path &gt;= 75}}…{{else}}…{{/if}}</c>
/// and <c>{{image path}}</c>. Tags may be split across runs by Word; they keep the formatting of the run
/// they start in, and work in tables, headers, footers and text boxes. Output is deterministic.
/// </summary>
/// <remarks>
/// Loading normalises each part (every tag alone in a run), compiles it into an annotated tree (blocks
/// wrapped in engine elements, tags annotated), and lowers that tree into a plan: static markup serialised
/// once, ops for what the data decides. Rendering runs the plans into bytes and zips them.
/// </remarks>
public sealed class DocxTemplate
{
    private readonly DocxPackage _package;
    private readonly IReadOnlyList<CompiledPart> _parts;
    private readonly int _firstDrawingId;

    private sealed class CompiledPart(string path, Op[] plan, int size)
    {
        public string Path { get; } = path;

        public Op[] Plan { get; } = plan;

        /// <summary>The size of the last rendering, to size the next one's buffer (a stale value only costs a copy).</summary>
        public int SizeHint { get; set; } = size;
    }

    private DocxTemplate(DocxPackage package, IReadOnlyList<CompiledPart> parts, int firstDrawingId, IReadOnlyList<TemplateFieldUse> uses, int tagCount)
    {
        _package = package;
        _parts = parts;
        _firstDrawingId = firstDrawingId;
        Uses = uses;
        Paths = [.. uses.Select(u => u.Path).Distinct(StringComparer.Ordinal)];
        TagCount = tagCount;
    }

    /// <summary>Every tag that reads data, with its path (as <see cref="Paths"/> writes it) and its place, in document order.</summary>
    public IReadOnlyList<TemplateFieldUse> Uses { get; }

    /// <summary>
    /// The data paths the template reads, each once, in the order they first appear (main text, then headers,
    /// footers and notes). A path inside a loop follows its list's path and <c>[]</c>: <c>rows[].name</c> is
    /// <c>{{name}}</c> inside <c>{{#each rows}}</c> (looked up in the item first, then outward); <c>{{this}}</c>
    /// there is <c>rows[]</c>. <c>@no</c> and <c>@index</c> are not data and are left out.
    /// </summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>How many tags the template holds in all its parts: values, pictures and each block tag (<c>{{#each}}</c>, <c>{{else}}</c>, <c>{{/each}}</c>…).</summary>
    public int TagCount { get; }

    /// <summary>Compiles a template; throws <see cref="TemplateException"/> listing every defect.</summary>
    public static DocxTemplate Load(byte[] docx)
    {
        var (template, issues) = Compile(docx);
        return issues.Count > 0 ? throw new TemplateException(issues) : template;
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

    public static IReadOnlyList<TemplateIssue> Check(string path) => Check(File.ReadAllBytes(path));

    private static (DocxTemplate Template, List<TemplateIssue> Issues) Compile(byte[] docx)
    {
        var package = DocxPackage.Read(docx);
        var issues = new List<TemplateIssue>();
        var compiled = new List<(string Part, XDocument Document)>();
        var tags = 0;
        foreach (var part in package.TextParts())
        {
            var document = new XDocument(package.XmlOf(part));
            var compiler = new PartCompiler(PartLabel(part), issues);
            compiler.Compile(document);
            tags += compiler.Tags;
            compiled.Add((part, document));
        }
        var textWidth = TextWidth(package.XmlOf(package.MainDocument()));
        // A part without tags has a plan of static markup only: it is left as stored, byte for byte.
        var parts = compiled.Select(c => new CompiledPart(c.Part, PlanBuilder.Build(c.Document, textWidth), package.SizeOf(c.Part)))
            .Where(p => !p.Plan.All(op => op is RawOp))
            .ToList();
        var maxDrawingId = compiled.SelectMany(c => c.Document.Descendants(W.DocPr))
            .Select(d => int.TryParse((string?)d.Attribute("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .DefaultIfEmpty(0).Max();
        var uses = compiled.SelectMany(c => DataUses(PartLabel(c.Part), c.Document)).ToList();
        return (new DocxTemplate(package.Clone(), parts, maxDrawingId + 1, uses, tags), issues);
    }

    private static string PartLabel(string part) => Path.GetFileNameWithoutExtension(part);

    /// <summary>Fills the template; throws <see cref="TemplateException"/> listing every missing or unusable value.</summary>
    public byte[] Render(JsonNode? data, RenderOptions? options = null)
    {
        var package = _package.Clone();
        var job = new RenderJob(package, options ?? new RenderOptions(), _firstDrawingId);
        var buffers = new List<Utf8Buffer>();
        try
        {
            foreach (var part in _parts)
            {
                var renderer = new Renderer(job, part.Path, PartLabel(part.Path), part.SizeHint + part.SizeHint / 8);
                buffers.Add(renderer.Out);
                renderer.Render(part.Plan, data);
                part.SizeHint = renderer.Out.Length;
                package.SetRendered(part.Path, renderer.Out.Written);
            }
            if (job.Errors.Count > 0)
            {
                throw new TemplateException(job.Errors);
            }
            return package.Save();
        }
        finally
        {
            foreach (var buffer in buffers)
            {
                buffer.Dispose();
            }
        }
    }

    /// <summary>The writable width of the document's (last) section, in EMU: what an inserted picture may fill.</summary>
    private static long TextWidth(XDocument mainDocument)
    {
        const long EmuPerTwip = 635;
        var section = mainDocument.Root?.Element(W.Body)?.Element(W.SectPr) ?? mainDocument.Descendants(W.SectPr).LastOrDefault();
        long Twips(XElement? e, string attribute, long fallback) =>
            long.TryParse((string?)e?.Attribute(W.Ns + attribute), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : fallback;
        var size = section?.Element(W.PgSz);
        var margin = section?.Element(W.PgMar);
        var width = Twips(size, "w", 11906) - Twips(margin, "left", 1440) - Twips(margin, "right", 1440);
        return Math.Max(width, 1440) * EmuPerTwip;
    }

    private static IEnumerable<TemplateFieldUse> DataUses(string part, XDocument compiled)
    {
        foreach (var element in compiled.Root!.DescendantsAndSelf())
        {
            if (element.Annotation<Site>() is not { Quiet: false } site)
            {
                continue;
            }
            var path = site.Tag switch
            {
                ValueTag v => v.Path,
                ImageTag i => i.Path,
                EachOpenTag e => e.Path,
                IfOpenTag c => c.Condition.Path,
                _ => null,
            };
            if (path is null || path.Start is PathStart.Number or PathStart.Index)
            {
                continue;
            }
            var loops = element.Ancestors(Zi.Block)
                .Select(b => b.Annotation<Site>()?.Tag)
                .OfType<EachOpenTag>()
                .Reverse()
                .Select(e => e.Path.Text + "[]")
                .ToList();
            var relative = path.Start == PathStart.This ? string.Join('.', path.Segments) : path.Text;
            var prefix = string.Join('.', loops);
            var full = prefix.Length == 0 ? (relative.Length == 0 ? "this" : relative)
                : relative.Length == 0 ? prefix : prefix + "." + relative;
            yield return new TemplateFieldUse(full, part, site.Location, site.Tag.Source);
        }
    }
}
