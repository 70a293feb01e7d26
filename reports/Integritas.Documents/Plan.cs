using System.Text;
using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>The kind of the last block-level element written into a container, for the renderer's structural checks.</summary>
internal enum Level : byte
{
    None,
    Paragraph,
    Table,
    Row,
}

/// <summary>What a guarded container needs once its content is rendered.</summary>
internal enum Guard : byte
{
    /// <summary>A cell, text box, header, footer or note must end with a paragraph (Word's rule); one is added if not.</summary>
    EndsWithParagraph,

    /// <summary>A table left without rows is dropped: Word does not open a table with none.</summary>
    HasRows,
}

/// <summary>One step of filling a part: ready bytes, or something decided by the data.</summary>
internal abstract class Op
{
    public abstract void Render(Renderer renderer, Scope scope);
}

/// <summary>Static markup, serialised once when the template was loaded.</summary>
internal sealed class RawOp(byte[] utf8, Level mark) : Op
{
    public byte[] Utf8 { get; } = utf8;

    public override void Render(Renderer renderer, Scope scope)
    {
        renderer.Out.Write(Utf8);
        if (mark != Level.None)
        {
            renderer.Last = mark;
        }
    }
}

internal sealed class ValueOp(Site site, ValueTag tag, RunMarkup run) : Op
{
    public override void Render(Renderer renderer, Scope scope) => renderer.WriteValue(site, tag, run, scope);
}

internal sealed class EachOp(Site site, EachOpenTag tag, Op[] body) : Op
{
    public override void Render(Renderer renderer, Scope scope) => renderer.WriteEach(site, tag, body, scope);
}

internal sealed class IfOp(IfOpenTag tag, Op[] then, Op[] otherwise) : Op
{
    public override void Render(Renderer renderer, Scope scope)
    {
        var (found, value) = scope.Resolve(tag.Condition.Path);
        renderer.WriteAll(ValueFormatter.Test(tag.Condition, found, value) ? then : otherwise, scope);
    }
}

/// <summary><c>{{image path}}</c> in text: an inline picture in a run with the tag's formatting, fitted to the available width.</summary>
internal sealed class PictureOp(Site site, ImageTag tag, RunMarkup run, long maxWidthEmu) : Op
{
    public override void Render(Renderer renderer, Scope scope) => renderer.WritePicture(site, tag, run, maxWidthEmu, scope);
}

/// <summary>A picture whose alt text was <c>{{image path}}</c>: the author's drawing with its image replaced.</summary>
internal sealed class AltPictureOp(Site site, ImageTag tag, Op[] drawing) : Op
{
    public override void Render(Renderer renderer, Scope scope) => renderer.WriteAltPicture(site, tag, drawing, scope);
}

/// <summary>Markup with one value filled in when rendering: before + value + after.</summary>
internal sealed class HoleOp(byte[] before, byte[] after, Hole hole) : Op
{
    public override void Render(Renderer renderer, Scope scope)
    {
        renderer.Out.Write(before);
        renderer.Out.WriteAscii(hole == Hole.DrawingId ? renderer.NextDrawingId() : renderer.CurrentEmbed ?? "");
        renderer.Out.Write(after);
    }
}

internal enum Hole : byte
{
    /// <summary>wp:docPr/@id, unique in the document: copies made by a loop get fresh ones.</summary>
    DrawingId,

    /// <summary>a:blip/@r:embed of a picture being replaced.</summary>
    Embed,
}

/// <summary>A bookmark marker a loop may copy: only the first copy of each bookmark is kept, so names and ids stay unique.</summary>
internal sealed class BookmarkOp(byte[] markup, string id, string? name) : Op
{
    public override void Render(Renderer renderer, Scope scope)
    {
        if (renderer.KeepBookmark(id, name))
        {
            renderer.Out.Write(markup);
        }
    }
}

/// <summary>Markup written once per document however often a loop copies it (a VML shape type, defined once and referred to by id).</summary>
internal sealed class OnceOp(byte[] markup, string key) : Op
{
    public override void Render(Renderer renderer, Scope scope)
    {
        if (renderer.FirstTime(key))
        {
            renderer.Out.Write(markup);
        }
    }
}

internal sealed class GuardOp(byte[] open, Op[] body, byte[] close, Guard guard, Level mark, byte[] emptyParagraph) : Op
{
    public override void Render(Renderer renderer, Scope scope)
    {
        var outer = renderer.Last;
        var start = renderer.Out.Length;
        renderer.Out.Write(open);
        renderer.Last = Level.None;
        renderer.WriteAll(body, scope);
        var kept = true;
        if (guard == Guard.EndsWithParagraph && renderer.Last != Level.Paragraph)
        {
            renderer.Out.Write(emptyParagraph);
        }
        else if (guard == Guard.HasRows && renderer.Last != Level.Row)
        {
            renderer.Out.Length = start;
            kept = false;
        }
        if (kept)
        {
            renderer.Out.Write(close);
        }
        renderer.Last = kept && mark != Level.None ? mark : outer;
    }
}

/// <summary>The markup of a run a value or picture is written into: its start tag with formatting, the names of its parts.</summary>
internal sealed record RunMarkup(byte[] Open, byte[] Close, byte[] TextOpen, byte[] TextClose, byte[] Break, byte[] Tab, string DrawingName);

/// <summary>
/// Lowers a compiled part (the annotated tree) into the ops that fill it. Whatever no tag, block or copied id
/// reaches is serialised here, once, so rendering copies its bytes instead of cloning elements.
/// </summary>
internal sealed class PlanBuilder
{
    private readonly HashSet<XElement> _dynamic = [];
    private readonly HashSet<string> _loopBookmarks = new(StringComparer.Ordinal);
    private readonly long _textWidthEmu;
    private readonly XmlMarkup _markup = XmlMarkup.At(null);
    private readonly StringBuilder _raw = new();
    private Level _rawMark;
    private List<Op> _ops = [];

    private PlanBuilder(XDocument compiled, long textWidthEmu)
    {
        _textWidthEmu = textWidthEmu;
        foreach (var loop in compiled.Descendants(Zi.Block).Where(IsLoop))
        {
            foreach (var marker in loop.Descendants().Where(e => e.Name == W.BookmarkStart || e.Name == W.BookmarkEnd))
            {
                if ((string?)marker.Attribute(W.IdAttr) is { } id)
                {
                    _loopBookmarks.Add(id);
                }
            }
        }
        foreach (var element in compiled.Root!.DescendantsAndSelf())
        {
            if (IsSpecial(element))
            {
                foreach (var e in element.AncestorsAndSelf())
                {
                    if (!_dynamic.Add(e))
                    {
                        break;
                    }
                }
            }
        }
    }

    public static Op[] Build(XDocument compiled, long textWidthEmu)
    {
        var builder = new PlanBuilder(compiled, textWidthEmu);
        builder._raw.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
        builder.Emit(compiled.Root!, tracked: false);
        builder.Flush();
        return [.. builder._ops];
    }

    private static bool IsLoop(XElement block) => (string?)block.Attribute("kind") == "each";

    private static bool InLoop(XElement element) => element.Ancestors(Zi.Block).Any(IsLoop);

    private bool IsSpecial(XElement e) =>
        e.Name.Namespace == Zi.Ns
        || e.Annotation<Site>() is not null
        || (e.Name == W.DocPr && InLoop(e))
        || (e.Name == W.Blip && e.Ancestors(W.Drawing).FirstOrDefault()?.Annotation<Site>() is not null)
        || (e.Name == W.Shapetype && InLoop(e))
        || ((e.Name == W.BookmarkStart || e.Name == W.BookmarkEnd) && (string?)e.Attribute(W.IdAttr) is { } id && _loopBookmarks.Contains(id));

    private void Emit(XNode node, bool tracked)
    {
        if (node is not XElement e)
        {
            _markup.Node(_raw, node);
            return;
        }
        if (!_dynamic.Contains(e))
        {
            _markup.Element(_raw, e);
            Mark(e, tracked);
            return;
        }
        if (e.Name == Zi.Block)
        {
            EmitBlock(e, tracked);
            return;
        }
        var site = e.Annotation<Site>();
        switch (site?.Tag)
        {
            case ValueTag value:
                Add(new ValueOp(site, value, RunOf(e)));
                return;
            case ImageTag image when e.Name == W.R_:
                Add(new PictureOp(site, image, RunOf(e), WidthFor(e)));
                return;
            case ImageTag image:
                Add(new AltPictureOp(site, image, Collect(() => EmitElement(e, tracked))));
                return;
        }
        if (e.Name == W.DocPr || e.Name == W.Blip)
        {
            EmitHole(e, e.Name == W.DocPr ? Hole.DrawingId : Hole.Embed);
            return;
        }
        if (e.Name == W.Shapetype)
        {
            var markup = new StringBuilder();
            _markup.Element(markup, e);
            Add(new OnceOp(Utf8(markup), "shapetype:" + (string?)e.Attribute("id")));
            return;
        }
        if (e.Name == W.BookmarkStart || e.Name == W.BookmarkEnd)
        {
            var sb = new StringBuilder();
            _markup.Element(sb, e);
            Add(new BookmarkOp(Encoding.UTF8.GetBytes(sb.ToString()), (string)e.Attribute(W.IdAttr)!,
                e.Name == W.BookmarkStart ? (string?)e.Attribute(W.NameAttr) ?? "" : null));
            return;
        }
        EmitElement(e, tracked);
    }

    private void EmitElement(XElement e, bool tracked)
    {
        var guard = GuardOf(e);
        if (guard is null)
        {
            _markup.StartTag(_raw, e);
            foreach (var child in e.Nodes())
            {
                Emit(child, tracked: false);
            }
            _markup.EndTag(_raw, e);
            Mark(e, tracked);
            return;
        }
        var open = new StringBuilder();
        _markup.StartTag(open, e);
        var emptyParagraph = new StringBuilder("<").Append(_markup.NameOf(W.P)).Append("/>");
        var body = Collect(() =>
        {
            foreach (var child in e.Nodes())
            {
                Emit(child, tracked: true);
            }
        });
        var close = new StringBuilder();
        _markup.EndTag(close, e);
        Add(new GuardOp(Utf8(open), body, Utf8(close), guard.Value, tracked ? LevelOf(e) : Level.None, Utf8(emptyParagraph)));
    }

    /// <summary>Containers whose content a block may leave empty or malformed: they are checked after rendering.</summary>
    private static Guard? GuardOf(XElement e)
    {
        if (!e.Elements(Zi.Block).Any())
        {
            return null;
        }
        if (e.Name == W.Tbl)
        {
            return Guard.HasRows;
        }
        return e.Name == W.Tc || e.Name == W.TxbxContent || e.Name == W.Hdr || e.Name == W.Ftr || e.Name == W.Footnote || e.Name == W.Endnote
            ? Guard.EndsWithParagraph : null;
    }

    private void EmitBlock(XElement block, bool tracked)
    {
        var site = block.Annotation<Site>()!;
        switch (site.Tag)
        {
            case EachOpenTag each:
                Add(new EachOp(site, each, Collect(() => EmitAll(block.Nodes(), tracked))));
                break;
            case IfOpenTag condition:
                var then = Collect(() => EmitAll(block.Element(Zi.Then)!.Nodes(), tracked));
                var otherwise = Collect(() => EmitAll(block.Element(Zi.Else)!.Nodes(), tracked));
                Add(new IfOp(condition, then, otherwise));
                break;
        }
    }

    private void EmitAll(IEnumerable<XNode> nodes, bool tracked)
    {
        foreach (var node in nodes)
        {
            Emit(node, tracked);
        }
    }

    /// <summary>An element with one attribute filled when rendering, written around a placeholder.</summary>
    private void EmitHole(XElement e, Hole hole)
    {
        const string Placeholder = "\uE000zi-hole\uE000";
        var copy = new XElement(e);
        copy.SetAttributeValue(hole == Hole.DrawingId ? "id" : W.Embed, Placeholder);
        var sb = new StringBuilder();
        var markup = XmlMarkup.At(e.Parent);
        markup.Element(sb, copy);
        var text = sb.ToString();
        var at = text.IndexOf(Placeholder, StringComparison.Ordinal);
        Add(new HoleOp(Encoding.UTF8.GetBytes(text[..at]), Encoding.UTF8.GetBytes(text[(at + Placeholder.Length)..]), hole));
    }

    private RunMarkup RunOf(XElement run)
    {
        var open = new StringBuilder();
        _markup.StartTag(open, run);
        if (run.Element(W.RPr) is { } rPr)
        {
            _markup.Element(open, rPr);
        }
        var t = _markup.NameOf(W.T);
        var text = (Open: $"<{t} xml:space=\"preserve\">", Close: $"</{t}>");
        var br = $"<{_markup.NameOf(W.Br)}/>";
        var tab = $"<{_markup.NameOf(W.Tab)}/>";
        var drawing = _markup.NameOf(W.Drawing);
        var close = new StringBuilder();
        _markup.EndTag(close, run);
        return new RunMarkup(Utf8(open), Utf8(close), Encoding.UTF8.GetBytes(text.Open), Encoding.UTF8.GetBytes(text.Close),
            Encoding.UTF8.GetBytes(br), Encoding.UTF8.GetBytes(tab), drawing);
    }

    /// <summary>The width a picture may take where the tag stands: its cell's, else the text width.</summary>
    private long WidthFor(XElement near)
    {
        const long EmuPerTwip = 635;
        var cellWidth = near.Ancestors(W.Tc).FirstOrDefault()?.Element(W.TcPr)?.Element(W.TcW);
        if (cellWidth is not null && (string?)cellWidth.Attribute(W.Ns + "type") == "dxa"
            && long.TryParse((string?)cellWidth.Attribute(W.Ns + "w"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var twips) && twips > 216)
        {
            // 216 twips: the cell's default left and right margins (0.08").
            return Math.Min(_textWidthEmu, (twips - 216) * EmuPerTwip);
        }
        return _textWidthEmu;
    }

    private static Level LevelOf(XElement e) =>
        e.Name == W.P || e.Name == W.Sdt || e.Name == W.CustomXml ? Level.Paragraph
        : e.Name == W.Tbl ? Level.Table
        : e.Name == W.Tr ? Level.Row
        : Level.None;

    private void Mark(XElement e, bool tracked)
    {
        if (tracked && LevelOf(e) is var level && level != Level.None)
        {
            _rawMark = level;
        }
    }

    private void Add(Op op)
    {
        Flush();
        _ops.Add(op);
    }

    private void Flush()
    {
        if (_raw.Length > 0)
        {
            _ops.Add(new RawOp(Utf8(_raw), _rawMark));
            _raw.Clear();
        }
        _rawMark = Level.None;
    }

    private Op[] Collect(Action emit)
    {
        Flush();
        var outer = _ops;
        _ops = [];
        emit();
        Flush();
        var collected = _ops;
        _ops = outer;
        return [.. collected];
    }

    private static byte[] Utf8(StringBuilder sb) => Encoding.UTF8.GetBytes(sb.ToString());
}
