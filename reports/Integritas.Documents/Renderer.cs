using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>How a template is filled: the culture numbers and dates are written in, and where pictures come from.</summary>
public sealed record RenderOptions
{
    /// <summary>The culture of the document's numbers and dates (callers pass id-ID).</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Relative picture paths in the data are resolved against this folder.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>At most this many fill errors are collected before rendering stops.</summary>
    public int MaxErrors { get; init; } = 50;
}

/// <summary>Fills one compiled part with data, producing the part's new XML.</summary>
internal sealed class Renderer(DocxPackage package, string partPath, string partLabel, RenderOptions options, List<TemplateIssue> errors, long textWidthEmu)
{
    private const long EmuPerTwip = 635;

    private int _pictureCount;

    public XDocument Render(XDocument compiled, JsonNode? data)
    {
        var root = compiled.Root!;
        var output = new XDocument(compiled.Declaration, RenderElement(root, Scope.Root(data), "").Cast<XObject>().ToArray());
        FixEmptyCells(output.Root!);
        return output;
    }

    private IEnumerable<XNode> RenderNode(XNode node, Scope scope, string context)
    {
        if (node is XElement element)
        {
            return RenderElement(element, scope, context);
        }
        return [node is XText text ? new XText(text) : node];
    }

    private IEnumerable<XNode> RenderElement(XElement element, Scope scope, string context)
    {
        if (element.Annotation<DynamicMark>() is null)
        {
            return [new XElement(element)];
        }
        if (element.Name == Zi.Block)
        {
            return RenderBlock(element, scope, context);
        }
        if (element.Annotation<ValueTag>() is { } value)
        {
            return RenderValue(element, value, scope, context);
        }
        if (element.Annotation<ImageTag>() is { } image)
        {
            return element.Name == W.Drawing ? RenderAltTextPicture(element, image, scope, context) : RenderPicture(element, image, scope, context);
        }
        var copy = new XElement(element.Name, element.Attributes().Where(a => a.Name.Namespace != Zi.Ns));
        foreach (var child in element.Nodes())
        {
            copy.Add(RenderNode(child, scope, context));
        }
        return [copy];
    }

    private IEnumerable<XNode> RenderBlock(XElement block, Scope scope, string context)
    {
        var result = new List<XNode>();
        if (block.Annotation<EachOpenTag>() is { } each)
        {
            var (found, value) = scope.Resolve(each.Path);
            if (value is not JsonArray list)
            {
                Error(block, each.Source, context, !found ? $"no list '{each.Path}' in the data" : $"'{each.Path}' is not a list, so it cannot be repeated");
                return result;
            }
            for (var i = 0; i < list.Count; i++)
            {
                var inner = scope.Push(list[i], i);
                var where = $"{context}{each.Path} #{i + 1} ";
                foreach (var child in block.Nodes())
                {
                    result.AddRange(RenderNode(child, inner, where));
                }
            }
            return result;
        }
        var condition = block.Annotation<IfOpenTag>()!.Condition;
        var (has, v) = scope.Resolve(condition.Path);
        var branch = ValueFormatter.Test(condition, has, v) ? block.Element(Zi.Then) : block.Element(Zi.Else);
        foreach (var child in branch?.Nodes() ?? [])
        {
            result.AddRange(RenderNode(child, scope, context));
        }
        return result;
    }

    private IEnumerable<XNode> RenderValue(XElement run, ValueTag tag, Scope scope, string context)
    {
        var (found, value) = scope.Resolve(tag.Path);
        var (text, error) = ValueFormatter.Format(tag, found, value, options.Culture);
        if (error is not null)
        {
            Error(run, tag.Source, context, error);
            return [];
        }
        var output = new XElement(W.R_, run.Element(W.RPr) is { } rPr ? new XElement(rPr) : null);
        var lines = text!.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                output.Add(new XElement(W.Br));
            }
            var pieces = lines[i].Split('\t');
            for (var j = 0; j < pieces.Length; j++)
            {
                if (j > 0)
                {
                    output.Add(new XElement(W.Tab));
                }
                if (pieces[j].Length > 0)
                {
                    output.Add(new XElement(W.T, new XAttribute(W.Space, "preserve"), pieces[j]));
                }
            }
        }
        return [output];
    }

    private IEnumerable<XNode> RenderPicture(XElement run, ImageTag tag, Scope scope, string context)
    {
        var picture = LoadPicture(run, tag, scope, context);
        if (picture is null)
        {
            return [];
        }
        var id = package.AddImage(partPath, picture.Bytes, picture.Extension);
        var (cx, cy) = picture.Fit(WidthFor(run));
        _pictureCount++;
        return [Picture.InlineRun(run.Element(W.RPr), id, cx, cy, _pictureCount, tag.Path)];
    }

    private IEnumerable<XNode> RenderAltTextPicture(XElement drawing, ImageTag tag, Scope scope, string context)
    {
        var copy = new XElement(drawing);
        var picture = LoadPicture(drawing, tag, scope, context);
        if (picture is null)
        {
            return [];
        }
        var id = package.AddImage(partPath, picture.Bytes, picture.Extension);
        foreach (var blip in copy.Descendants(W.Blip))
        {
            blip.SetAttributeValue(W.R + "embed", id);
        }
        var docPr = copy.Descendants(W.DocPr).First();
        docPr.SetAttributeValue("descr", null);
        docPr.SetAttributeValue("title", null);
        return [copy];
    }

    private Picture? LoadPicture(XElement near, ImageTag tag, Scope scope, string context)
    {
        var (found, value) = scope.Resolve(tag.Path);
        if (!found || value is not JsonValue v || !v.TryGetValue<string>(out var reference) || reference.Length == 0)
        {
            Error(near, tag.Source, context, !found ? $"no picture '{tag.Path}' in the data" : $"'{tag.Path}' must be a picture's file path");
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = reference.StartsWith("data:", StringComparison.Ordinal)
                ? Convert.FromBase64String(reference[(reference.IndexOf(',', StringComparison.Ordinal) + 1)..])
                : File.ReadAllBytes(Path.IsPathRooted(reference) || options.BaseDirectory is null ? reference : Path.Combine(options.BaseDirectory, reference));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            Error(near, tag.Source, context, $"the picture '{reference}' cannot be read: {ex.Message}");
            return null;
        }
        var picture = Picture.Read(bytes);
        if (picture is null)
        {
            Error(near, tag.Source, context, $"'{reference}' is not a PNG or JPEG picture");
        }
        return picture;
    }

    private long WidthFor(XElement near)
    {
        var cellWidth = near.Ancestors(W.Tc).FirstOrDefault()?.Element(W.Ns + "tcPr")?.Element(W.Ns + "tcW");
        if (cellWidth is not null && (string?)cellWidth.Attribute(W.Ns + "type") == "dxa"
            && long.TryParse((string?)cellWidth.Attribute(W.Ns + "w"), NumberStyles.None, CultureInfo.InvariantCulture, out var twips) && twips > 0)
        {
            return Math.Min(textWidthEmu, (twips - 216) * EmuPerTwip);
        }
        return textWidthEmu;
    }

    private void Error(XElement near, string tag, string context, string message)
    {
        if (errors.Count >= options.MaxErrors)
        {
            return;
        }
        var where = PartCompiler.Location(near);
        errors.Add(new TemplateIssue(partLabel, context.Length == 0 ? where : $"{where} ({context.Trim()})", tag, message));
    }

    /// <summary>A table cell must hold a paragraph, even when its repeated content came out empty.</summary>
    private static void FixEmptyCells(XElement root)
    {
        foreach (var cell in root.Descendants(W.Tc))
        {
            if (!cell.Elements().Any(e => e.Name == W.P || e.Name == W.Tbl))
            {
                cell.Add(new XElement(W.P));
            }
        }
    }

    /// <summary>The writable width of the document's (last) section, in EMU.</summary>
    public static long TextWidth(XDocument mainDocument)
    {
        var section = mainDocument.Root?.Element(W.Body)?.Element(W.SectPr) ?? mainDocument.Descendants(W.SectPr).LastOrDefault();
        long Twips(XElement? e, string attribute, long fallback) =>
            long.TryParse((string?)e?.Attribute(W.Ns + attribute), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : fallback;
        var size = section?.Element(W.PgSz);
        var margin = section?.Element(W.PgMar);
        var width = Twips(size, "w", 11906) - Twips(margin, "left", 1440) - Twips(margin, "right", 1440);
        return Math.Max(width, 1440) * EmuPerTwip;
    }
}
