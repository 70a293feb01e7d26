using System.Text;
using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>A tag found in a paragraph and isolated into a run of its own.</summary>
internal sealed record TagRun(XElement Run, string Inner, XElement Paragraph);

/// <summary>
/// Finds <c>{{…}}</c> tags in a paragraph's text even when Word has split them across runs (spell-check
/// marks, formatting changes, revision ids), and rewrites the paragraph so each tag sits alone in one run
/// carrying the formatting of the run where the tag began.
/// </summary>
internal static class TagRuns
{
    private sealed record Segment(XElement Text, int Start);

    /// <summary>The runs that belong to this paragraph (not to a text box nested in it), in document order.</summary>
    public static IEnumerable<XElement> OwnRuns(XElement paragraph) =>
        paragraph.Descendants(W.R_).Where(r => r.Ancestors(W.P).First() == paragraph);

    /// <summary>The paragraph's own text, as a reader sees it (text runs only).</summary>
    public static string Text(XElement paragraph)
    {
        var sb = new StringBuilder();
        foreach (var run in OwnRuns(paragraph))
        {
            foreach (var t in run.Elements(W.T))
            {
                sb.Append(t.Value);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Isolates every complete tag of the paragraph; reports an opening <c>{{</c> without <c>}}</c> and a
    /// <c>}}</c> without <c>{{</c> through <paramref name="issue"/>.
    /// </summary>
    public static List<TagRun> Isolate(XElement paragraph, Action<string> issue)
    {
        var found = new List<TagRun>();
        var reported = false;
        while (true)
        {
            var (segments, text) = Segments(paragraph);
            var (start, end) = NextTag(text);
            if (start < 0)
            {
                if (!reported)
                {
                    ReportStrays(text, issue);
                }
                return found;
            }
            if (end < 0)
            {
                issue($"'{{{{' is never closed with '}}}}'");
                reported = true;
                ReportStrays(text[..start], issue);
                return found;
            }
            found.Add(IsolateRange(paragraph, segments, start, end));
        }
    }

    private static void ReportStrays(string text, Action<string> issue)
    {
        // Tags already isolated carry a marker attribute and are skipped by Segments, so what remains here is
        // free text: a '}}' in it closes nothing.
        if (text.Contains("}}", StringComparison.Ordinal))
        {
            issue("'}}' closes no tag (a '{{' is missing)");
        }
    }

    private static (List<Segment> Segments, string Text) Segments(XElement paragraph)
    {
        var segments = new List<Segment>();
        var sb = new StringBuilder();
        foreach (var run in OwnRuns(paragraph))
        {
            if (run.Attribute(Zi.Tag) is not null)
            {
                // An isolated tag: a boundary no new tag may span.
                sb.Append('\u0001');
                continue;
            }
            foreach (var t in run.Elements(W.T))
            {
                segments.Add(new Segment(t, sb.Length));
                sb.Append(t.Value);
            }
        }
        return (segments, sb.ToString());
    }

    private static (int Start, int End) NextTag(string text)
    {
        var start = text.IndexOf("{{", StringComparison.Ordinal);
        if (start < 0)
        {
            return (-1, -1);
        }
        var close = text.IndexOf("}}", start + 2, StringComparison.Ordinal);
        var boundary = text.IndexOf('\u0001', start);
        if (close < 0 || (boundary >= 0 && boundary < close))
        {
            return (start, -1);
        }
        return (start, close + 2);
    }

    private static TagRun IsolateRange(XElement paragraph, List<Segment> segments, int start, int end)
    {
        var tagText = new StringBuilder();
        Segment? first = null;
        foreach (var segment in segments)
        {
            var value = segment.Text.Value;
            var segStart = segment.Start;
            var segEnd = segStart + value.Length;
            if (segEnd <= start || segStart >= end)
            {
                continue;
            }
            var from = Math.Max(start, segStart) - segStart;
            var to = Math.Min(end, segEnd) - segStart;
            tagText.Append(value, from, to - from);
            if (first is null)
            {
                first = segment;
                // Keep the text before the tag here; the text after it (same segment) moves to a new run below.
                continue;
            }
            segment.Text.Value = value[to..];
        }
        var firstText = first!.Text;
        var firstValue = firstText.Value;
        var offset = start - first.Start;
        var tagEndInFirst = Math.Min(end - first.Start, firstValue.Length);
        var before = firstValue[..offset];
        var after = firstValue[tagEndInFirst..];
        var run = firstText.Parent!;

        // Split the run: [children before the text + text before] [tag] [text after + children after].
        var rPr = run.Element(W.RPr);
        var tagRun = new XElement(W.R_, new XAttribute(Zi.Tag, "1"), rPr is null ? null : new XElement(rPr),
            new XElement(W.T, new XAttribute(W.Space, "preserve"), tagText.ToString()));
        var trailing = firstText.NodesAfterSelf().ToList();
        foreach (var node in trailing)
        {
            node.Remove();
        }
        var afterRun = new XElement(W.R_, rPr is null ? null : new XElement(rPr));
        if (after.Length > 0)
        {
            afterRun.Add(new XElement(W.T, new XAttribute(W.Space, "preserve"), after));
        }
        afterRun.Add(trailing);
        if (before.Length > 0)
        {
            firstText.Value = before;
            firstText.SetAttributeValue(W.Space, "preserve");
        }
        else
        {
            firstText.Remove();
        }
        run.AddAfterSelf(tagRun);
        if (afterRun.Elements().Any(e => e.Name != W.RPr))
        {
            tagRun.AddAfterSelf(afterRun);
        }
        RemoveIfEmpty(run);
        foreach (var segment in segments)
        {
            if (segment.Text.Parent is { } parent && segment.Text.Value.Length == 0 && segment.Text != firstText)
            {
                segment.Text.Remove();
                RemoveIfEmpty(parent);
            }
        }
        return new TagRun(tagRun, tagText.ToString(2, tagText.Length - 4), paragraph);
    }

    /// <summary>Removes a run left with nothing but its properties.</summary>
    public static void RemoveIfEmpty(XElement run)
    {
        if (run.Name == W.R_ && run.Parent is not null && !run.Elements().Any(e => e.Name != W.RPr))
        {
            run.Remove();
        }
    }
}
