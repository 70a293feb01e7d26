using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>Marks an element of a compiled part that holds (or is) something to fill.</summary>
internal sealed class DynamicMark
{
    public static readonly DynamicMark Instance = new();
}

/// <summary>
/// Compiles one XML part of a template: isolates tags, matches blocks and decides each block's scope from
/// where its tags stand — both in one paragraph: inline; in one table row: the row; in rows of one table:
/// those rows; in paragraphs side by side: the content between them — then wraps each block's content in
/// an engine element (<see cref="Zi.Block"/>) and marks value and image tags for the renderer.
/// </summary>
internal sealed class PartCompiler(string partName, List<TemplateIssue> issues)
{
    private sealed record Located(TagRun Run, Tag Tag);

    private sealed class Frame(Located open)
    {
        public Located Open { get; } = open;

        public Located? Else { get; set; }
    }

    private sealed record Pair(Located Open, Located Close, Located? Else);

    public void Compile(XDocument document)
    {
        var located = new List<Located>();
        foreach (var paragraph in document.Descendants(W.P).ToList())
        {
            foreach (var run in TagRuns.Isolate(paragraph, message => Issue(paragraph, message, TagRuns.Text(paragraph))))
            {
                var (tag, error) = TagSyntax.Parse(run.Inner);
                if (tag is null)
                {
                    Issue(paragraph, error!, "{{" + run.Inner + "}}");
                    run.Run.Remove();
                    continue;
                }
                located.Add(new Located(run, tag));
            }
        }

        foreach (var pair in Match(located))
        {
            Wrap(pair);
        }
        foreach (var item in located)
        {
            if (item.Tag is ValueTag or ImageTag && item.Run.Run.Parent is not null)
            {
                item.Run.Run.AddAnnotation(item.Tag);
                MarkDynamic(item.Run.Run);
            }
        }
        CompilePictureAltText(document);
    }

    /// <summary>A picture whose alt text is <c>{{image path}}</c> is refilled keeping its size and position.</summary>
    private void CompilePictureAltText(XDocument document)
    {
        foreach (var docPr in document.Descendants(W.DocPr).ToList())
        {
            var alt = (string?)docPr.Attribute("descr") ?? (string?)docPr.Attribute("title");
            if (alt is null)
            {
                continue;
            }
            var text = TagSyntax.NormalizeQuotes(alt).Trim();
            if (!text.StartsWith("{{", StringComparison.Ordinal) || !text.EndsWith("}}", StringComparison.Ordinal))
            {
                continue;
            }
            var drawing = docPr.Ancestors(W.Drawing).FirstOrDefault();
            var paragraph = docPr.Ancestors(W.P).FirstOrDefault();
            var (tag, error) = TagSyntax.Parse(text[2..^2]);
            if (tag is not ImageTag image || drawing is null)
            {
                Issue(paragraph ?? docPr, error ?? "a picture's alt text may only hold {{image path}}", alt);
                continue;
            }
            if (!drawing.Descendants(W.Blip).Any())
            {
                Issue(paragraph ?? docPr, "the picture with this alt text holds no image to replace", alt);
                continue;
            }
            drawing.AddAnnotation(image);
            MarkDynamic(drawing);
        }
    }

    private List<Pair> Match(List<Located> located)
    {
        var pairs = new List<Pair>();
        var stack = new Stack<Frame>();
        foreach (var item in located)
        {
            switch (item.Tag)
            {
                case EachOpenTag or IfOpenTag:
                    stack.Push(new Frame(item));
                    break;
                case ElseTag:
                    if (stack.TryPeek(out var top) && top.Open.Tag is IfOpenTag)
                    {
                        if (top.Else is not null)
                        {
                            IssueAt(item, "a second {{else}} in the same {{#if}}");
                        }
                        else
                        {
                            top.Else = item;
                        }
                    }
                    else
                    {
                        IssueAt(item, stack.Count == 0 ? "{{else}} outside any {{#if}}" : $"{{{{else}}}} inside {Describe(stack.Peek().Open)}, which is not an {{{{#if}}}}");
                    }
                    break;
                case EachCloseTag or IfCloseTag:
                    var wantsEach = item.Tag is EachCloseTag;
                    if (stack.Count == 0)
                    {
                        IssueAt(item, $"{item.Tag.Source} closes nothing: no {(wantsEach ? "{{#each …}}" : "{{#if …}}")} is open");
                    }
                    else if (stack.Peek().Open.Tag is EachOpenTag != wantsEach)
                    {
                        IssueAt(item, $"{item.Tag.Source} found while {Describe(stack.Peek().Open)} is still open");
                    }
                    else
                    {
                        var frame = stack.Pop();
                        pairs.Add(new Pair(frame.Open, item, frame.Else));
                        continue;
                    }
                    item.Run.Run.Remove();
                    break;
            }
        }
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            IssueAt(frame.Open, $"{frame.Open.Tag.Source} is never closed with {(frame.Open.Tag is EachOpenTag ? "{{/each}}" : "{{/if}}")}");
        }
        return pairs;
    }

    private string Describe(Located item) => $"{item.Tag.Source} ({Location(item.Run.Paragraph)})";

    private void Wrap(Pair pair)
    {
        var o = pair.Open.Run;
        var c = pair.Close.Run;
        if (o.Paragraph == c.Paragraph)
        {
            WrapInline(pair);
            return;
        }
        var cellO = o.Paragraph.Ancestors(W.Tc).FirstOrDefault();
        var cellC = c.Paragraph.Ancestors(W.Tc).FirstOrDefault();
        var rowO = o.Paragraph.Ancestors(W.Tr).FirstOrDefault();
        var rowC = c.Paragraph.Ancestors(W.Tr).FirstOrDefault();
        if (rowO is not null && rowO == rowC && cellO != cellC)
        {
            WrapRows(pair, rowO, rowO);
        }
        else if (rowO is not null && rowC is not null && rowO != rowC && rowO.Parent == rowC.Parent)
        {
            WrapRows(pair, rowO, rowC);
        }
        else if (o.Paragraph.Parent == c.Paragraph.Parent)
        {
            WrapParagraphs(pair);
        }
        else
        {
            IssueAt(pair.Open, $"{pair.Open.Tag.Source} and its {pair.Close.Tag.Source} ({Location(c.Paragraph)}) must stand in one paragraph, one table row, rows of one table, or paragraphs side by side");
            Drop(pair);
        }
    }

    private void Drop(Pair pair)
    {
        pair.Open.Run.Run.Remove();
        pair.Close.Run.Run.Remove();
        pair.Else?.Run.Run.Remove();
    }

    private XElement NewBlock(Pair pair) => new(Zi.Block, new XAttribute("kind", pair.Open.Tag is EachOpenTag ? "each" : "if"));

    private void Attach(XElement block, Pair pair)
    {
        block.AddAnnotation(pair.Open.Tag);
        MarkDynamic(block);
    }

    private void WrapInline(Pair pair)
    {
        var o = pair.Open.Run.Run;
        var c = pair.Close.Run.Run;
        if (o.Parent != c.Parent || (pair.Else is { } e && e.Run.Run.Parent != o.Parent))
        {
            IssueAt(pair.Open, $"{pair.Open.Tag.Source} and {pair.Close.Tag.Source} in one paragraph must not be split by a hyperlink or tracked change");
            Drop(pair);
            return;
        }
        var nodes = o.NodesAfterSelf().TakeWhile(n => n != c).ToList();
        var block = NewBlock(pair);
        Fill(block, nodes, pair.Else?.Run.Run);
        o.ReplaceWith(block);
        c.Remove();
        Attach(block, pair);
    }

    private void WrapRows(Pair pair, XElement first, XElement last)
    {
        var rows = new List<XElement> { first };
        if (first != last)
        {
            rows.AddRange(first.ElementsAfterSelf(W.Tr).TakeWhile(r => r != last));
            rows.Add(last);
        }
        XElement? elseRow = null;
        if (pair.Else is { } e)
        {
            elseRow = e.Run.Paragraph.Ancestors(W.Tr).FirstOrDefault();
            if (elseRow is null || elseRow == first || elseRow == last || !rows.Contains(elseRow))
            {
                IssueAt(e, "in a block of table rows, {{else}} must stand in a row of its own between the {{#if}} row and the {{/if}} row");
                Drop(pair);
                return;
            }
            e.Run.Run.Remove();
            if (elseRow.Descendants(W.T).Any(t => t.Value.Trim().Length > 0))
            {
                IssueAt(e, "the row holding {{else}} must hold nothing else (it is removed)");
            }
        }
        RemoveTagRun(pair.Open.Run.Run);
        RemoveTagRun(pair.Close.Run.Run);
        var block = NewBlock(pair);
        first.AddBeforeSelf(block);
        foreach (var row in rows)
        {
            row.Remove();
        }
        Fill(block, rows, elseRow);
        Attach(block, pair);
    }

    private void WrapParagraphs(Pair pair)
    {
        var pO = pair.Open.Run.Paragraph;
        var pC = pair.Close.Run.Paragraph;
        var o = pair.Open.Run.Run;
        var c = pair.Close.Run.Run;
        if (o.Parent != pO || c.Parent != pC)
        {
            IssueAt(pair.Open, $"{pair.Open.Tag.Source} and {pair.Close.Tag.Source} must not stand inside a hyperlink or tracked change");
            Drop(pair);
            return;
        }
        if (pair.Else is { } elseTag && (elseTag.Run.Paragraph.Parent != pO.Parent || elseTag.Run.Run.Parent != elseTag.Run.Paragraph
            || !pO.ElementsAfterSelf().TakeWhile(x => x != pC).Append(pC).Contains(elseTag.Run.Paragraph)))
        {
            IssueAt(elseTag, "{{else}} must stand in a paragraph between its {{#if}} and {{/if}}");
            Drop(pair);
            return;
        }

        var start = new XElement(Zi.Ns + "start");
        var end = new XElement(Zi.Ns + "end");
        var (beforeO, afterO) = Split(pO, o);
        beforeO.AddAfterSelf(start);
        if (afterO is not null)
        {
            start.AddAfterSelf(afterO);
        }
        XElement? elseMark = null;
        XElement? afterElse = null;
        XElement? beforeElse = null;
        if (pair.Else is { } el)
        {
            var pE = el.Run.Paragraph;
            elseMark = new XElement(Zi.Ns + "else-mark");
            (beforeElse, afterElse) = Split(pE == pO ? afterO! : pE, el.Run.Run);
            beforeElse.AddAfterSelf(elseMark);
            if (afterElse is not null)
            {
                elseMark.AddAfterSelf(afterElse);
            }
        }
        var closeParagraph = pair.Else is { } el2 && el2.Run.Paragraph == pC ? (afterElse ?? pC) : pC;
        if (closeParagraph == pO)
        {
            closeParagraph = afterO!;
        }
        var (beforeC, afterC) = Split(closeParagraph, c);
        beforeC.AddAfterSelf(end);
        if (afterC is not null)
        {
            end.AddAfterSelf(afterC);
        }

        foreach (var p in new[] { beforeO, afterO, beforeElse, afterElse, beforeC, afterC })
        {
            if (p is not null && IsEmptyParagraph(p))
            {
                p.Remove();
            }
        }
        var nodes = start.NodesAfterSelf().TakeWhile(n => n != end).ToList();
        var block = NewBlock(pair);
        foreach (var n in nodes)
        {
            n.Remove();
        }
        Fill(block, nodes, elseMark);
        start.ReplaceWith(block);
        end.Remove();
        Attach(block, pair);
    }

    /// <summary>
    /// Splits a paragraph at a tag run (a direct child): the paragraph keeps what precedes the tag, a new
    /// paragraph with the same properties takes what follows; the tag run is removed.
    /// </summary>
    private static (XElement Before, XElement? After) Split(XElement paragraph, XElement tagRun)
    {
        var following = tagRun.NodesAfterSelf().ToList();
        tagRun.Remove();
        if (following.Count == 0)
        {
            return (paragraph, null);
        }
        var pPr = paragraph.Element(W.PPr);
        var after = new XElement(W.P, paragraph.Attributes(), pPr is null ? null : new XElement(pPr));
        after.Element(W.PPr)?.Element(W.SectPr)?.Remove();
        foreach (var node in following)
        {
            node.Remove();
            after.Add(node);
        }
        return (paragraph, after);
    }

    private static bool IsEmptyParagraph(XElement paragraph)
    {
        if (paragraph.Name != W.P || paragraph.Element(W.PPr)?.Element(W.SectPr) is not null)
        {
            return false;
        }
        return !paragraph.Elements().Any(e => e.Name != W.PPr && e.Name != W.ProofErr && e.Name != W.BookmarkStart && e.Name != W.BookmarkEnd
            && !(e.Name == W.R_ && !e.Elements().Any(x => x.Name != W.RPr)));
    }

    private static void RemoveTagRun(XElement run)
    {
        run.Remove();
    }

    /// <summary>Moves nodes into a block; for an if with else, into its then and else branches.</summary>
    private static void Fill(XElement block, List<XNode> nodes, XElement? elseMarker)
    {
        if ((string?)block.Attribute("kind") == "each")
        {
            foreach (var n in nodes)
            {
                Detach(n);
            }
            block.Add(nodes);
            return;
        }
        var then = new XElement(Zi.Then);
        var otherwise = new XElement(Zi.Else);
        var target = then;
        foreach (var n in nodes)
        {
            Detach(n);
            if (n == elseMarker)
            {
                target = otherwise;
                continue;
            }
            target.Add(n);
        }
        block.Add(then, otherwise);
    }

    private static void Detach(XNode node)
    {
        if (node.Parent is not null)
        {
            node.Remove();
        }
    }

    private static void Fill(XElement block, List<XElement> rows, XElement? elseRow) =>
        Fill(block, rows.Cast<XNode>().ToList(), elseRow);

    private static void MarkDynamic(XElement element)
    {
        foreach (var e in element.AncestorsAndSelf())
        {
            if (e.Annotation<DynamicMark>() is not null && e != element)
            {
                break;
            }
            if (e.Annotation<DynamicMark>() is null)
            {
                e.AddAnnotation(DynamicMark.Instance);
            }
        }
    }

    private void IssueAt(Located item, string message) => Issue(item.Run.Paragraph, message, item.Tag.Source);

    private void Issue(XElement near, string message, string snippet) =>
        issues.Add(new TemplateIssue(partName, Location(near), Shorten(snippet), message));

    private static string Shorten(string text)
    {
        var t = text.Replace('\n', ' ').Trim();
        return t.Length <= 80 ? t : t[..77] + "...";
    }

    /// <summary>"paragraph 12" or "table 2, row 3, cell 1" (1-based, in the part's reading order).</summary>
    public static string Location(XElement near)
    {
        var paragraph = near.AncestorsAndSelf(W.P).FirstOrDefault() ?? near;
        var cell = paragraph.Ancestors(W.Tc).FirstOrDefault();
        var root = paragraph.Document?.Root ?? paragraph.AncestorsAndSelf().Last();
        if (cell is not null && cell.Parent is { } row && row.Parent is { } table)
        {
            var tableNo = root.Descendants(W.Tbl).TakeWhile(t => t != table).Count() + 1;
            var rowNo = table.Descendants(W.Tr).Where(r => r.Ancestors(W.Tbl).First() == table).TakeWhile(r => r != row).Count() + 1;
            var cellNo = row.Elements(W.Tc).TakeWhile(x => x != cell).Count() + 1;
            return $"table {tableNo}, row {rowNo}, cell {cellNo}";
        }
        var index = root.Descendants(W.P).TakeWhile(p => p != paragraph).Count() + 1;
        return $"paragraph {index}";
    }
}
