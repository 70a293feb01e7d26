using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>
/// What the renderer needs at a filled place of a compiled part: the tag, where the author wrote it, and whether
/// its errors are reported (not for Word's fallback copy of a text box, whose twin reports them).
/// </summary>
internal sealed record Site(Tag Tag, string Location, bool Quiet);

/// <summary>
/// Compiles one XML part of a template into an annotated tree: isolates tags, matches blocks, and decides
/// each block's scope from where its tags stand — both in one paragraph: the text between; in different
/// cells of one table row: the row; in different rows of one table: those rows; in paragraphs side by side:
/// the paragraphs between — then wraps each block's content in an engine element (<see cref="Zi.Block"/>,
/// with <see cref="Zi.Then"/> and <see cref="Zi.Else"/> for conditions) and annotates value and image tags
/// with a <see cref="Site"/> for the renderer.
/// </summary>
internal sealed class PartCompiler(string partName, List<TemplateIssue> issues)
{
    private sealed record Located(XElement Run, Tag Tag, string Location, bool Quiet);

    private sealed class Frame(Located open)
    {
        public Located Open { get; } = open;

        public Located? Else { get; set; }
    }

    private sealed record Pair(Located Open, Located Close, Located? Else);

    /// <summary>How many well-formed tags the part holds (picture alt text included; Word's fallback copies not).</summary>
    public int Tags { get; private set; }

    public void Compile(XDocument document)
    {
        var locator = new Locator(document.Root!);
        var located = new List<Located>();
        foreach (var paragraph in document.Descendants(W.P).ToList())
        {
            var location = locator.Of(paragraph);
            var quiet = locator.InFallback(paragraph);
            foreach (var run in TagRuns.Isolate(paragraph, (message, snippet) => Issue(quiet, location, snippet, message)))
            {
                var (tag, error) = TagSyntax.Parse(run.Inner);
                if (tag is null)
                {
                    Issue(quiet, location, "{{" + run.Inner + "}}", error!);
                    if (TagSyntax.BlockIntent(run.Inner) is { } broken)
                    {
                        located.Add(new Located(run.Run, broken, location, quiet));
                    }
                    else
                    {
                        run.Run.Remove();
                    }
                    continue;
                }
                located.Add(new Located(run.Run, tag, location, quiet));
                Tags += quiet ? 0 : 1;
            }
        }
        CompilePictureAltText(document, locator);

        foreach (var item in located.Where(l => l.Tag is not (ValueTag or ImageTag)))
        {
            Hoist(item.Run);
        }
        // A text box is a story of its own: a block never runs into or out of one.
        var pairs = located.GroupBy(l => l.Run.Ancestors(W.TxbxContent).FirstOrDefault()).SelectMany(story => Match([.. story])).ToList();
        foreach (var pair in pairs)
        {
            if (pair.Open.Tag is BrokenBlockTag || pair.Close.Tag is BrokenBlockTag)
            {
                Drop(pair.Open, pair.Else, pair.Close);
                continue;
            }
            Wrap(pair);
        }
        foreach (var item in located)
        {
            if (item.Tag is ValueTag or ImageTag)
            {
                item.Run.AddAnnotation(new Site(item.Tag, item.Location, item.Quiet));
            }
        }
        ForgetRepeatedIds(document);
    }

    /// <summary>A picture whose alt text is <c>{{image path}}</c> is refilled keeping its size and position.</summary>
    private void CompilePictureAltText(XDocument document, Locator locator)
    {
        foreach (var docPr in document.Descendants(W.DocPr).ToList())
        {
            // Word's alt text pane writes a description (descr) and a title; the tag may be in either.
            var alt = new[] { (string?)docPr.Attribute("descr"), (string?)docPr.Attribute("title") }
                .FirstOrDefault(a => a is not null && (a.Contains("{{", StringComparison.Ordinal) || a.Contains("}}", StringComparison.Ordinal)));
            if (alt is null)
            {
                continue;
            }
            var text = TagSyntax.NormalizeQuotes(alt).Trim();
            var drawing = docPr.Ancestors(W.Drawing).FirstOrDefault();
            var location = locator.Of(docPr);
            var quiet = locator.InFallback(docPr);
            var single = text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal)
                && text.IndexOf("{{", 2, StringComparison.Ordinal) < 0;
            var (tag, error) = single ? TagSyntax.Parse(text[2..^2]) : (null, null);
            if (tag is not ImageTag image || drawing is null)
            {
                Issue(quiet, location, alt, error ?? "a picture's alt text may only hold {{image path}}");
                continue;
            }
            if (!drawing.Descendants(W.Blip).Any())
            {
                Issue(quiet, location, alt, "the picture with this alt text holds no image to replace");
                continue;
            }
            // The tag is no description for a reader of the filled document; a real description stays.
            docPr.Attributes().Where(a => a.Name.LocalName is "descr" or "title" && a.Value == alt).Remove();
            drawing.AddAnnotation(new Site(image, location, quiet));
            Tags += quiet ? 0 : 1;
        }
    }

    /// <summary>
    /// Moves a block tag's run out of hyperlinks (and bidirectional-text wrappers), cutting them in two around
    /// it, so that a block can start or end there; the two halves keep the link's target and properties.
    /// </summary>
    private static void Hoist(XElement run)
    {
        while (run.Parent is { } wrapper && W.IsSplittableWrapper(wrapper.Name))
        {
            var properties = wrapper.Elements().FirstOrDefault(e => e.Name.LocalName.EndsWith("Pr", StringComparison.Ordinal));
            var after = run.NodesAfterSelf().ToList();
            run.Remove();
            wrapper.AddAfterSelf(run);
            if (after.Count > 0)
            {
                foreach (var node in after)
                {
                    node.Remove();
                }
                run.AddAfterSelf(new XElement(wrapper.Name, wrapper.Attributes(), properties is null ? null : new XElement(properties), after));
            }
            if (!wrapper.Nodes().Any(n => n != properties))
            {
                wrapper.Remove();
            }
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
                case EachOpenTag or IfOpenTag or BrokenBlockTag { IsOpen: true }:
                    stack.Push(new Frame(item));
                    break;
                case ElseTag:
                    if (stack.TryPeek(out var top) && top.Open.Tag is IfOpenTag or BrokenBlockTag { IsEach: false })
                    {
                        if (top.Else is not null)
                        {
                            IssueAt(item, $"a second {{{{else}}}} in {Describe(top.Open)}");
                            item.Run.Remove();
                        }
                        else
                        {
                            top.Else = item;
                        }
                    }
                    else
                    {
                        IssueAt(item, stack.Count == 0 ? "{{else}} outside any {{#if}}" : $"{{{{else}}}} inside {Describe(stack.Peek().Open)}, which is not an {{{{#if}}}}");
                        item.Run.Remove();
                    }
                    break;
                case EachCloseTag or IfCloseTag or BrokenBlockTag:
                    var wantsEach = IsEach(item.Tag);
                    if (!stack.Any(f => IsEach(f.Open.Tag) == wantsEach))
                    {
                        if (item.Tag is BrokenBlockTag)
                        {
                            item.Run.Remove();
                            break;
                        }
                        IssueAt(item, stack.Count == 0
                            ? $"{item.Tag.Source} closes nothing: no {(wantsEach ? "{{#each …}}" : "{{#if …}}")} is open"
                            : $"{item.Tag.Source} closes nothing: the open block is {Describe(stack.Peek().Open)}, which needs {CloserOf(stack.Peek().Open)}");
                        item.Run.Remove();
                        break;
                    }
                    // Blocks opened inside the one this tag closes were never closed themselves: one defect, one issue.
                    while (IsEach(stack.Peek().Open.Tag) != wantsEach)
                    {
                        var unclosed = stack.Pop();
                        IssueUnlessBroken(unclosed.Open, $"{unclosed.Open.Tag.Source} is never closed with {CloserOf(unclosed.Open)}: {item.Tag.Source} ({item.Location}) closes the block around it first");
                        Drop(unclosed.Open, unclosed.Else);
                    }
                    var frame = stack.Pop();
                    pairs.Add(new Pair(frame.Open, item, frame.Else));
                    break;
            }
        }
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            IssueUnlessBroken(frame.Open, $"{frame.Open.Tag.Source} is never closed with {CloserOf(frame.Open)}");
            Drop(frame.Open, frame.Else);
        }
        return pairs;
    }

    private static bool IsEach(Tag tag) => tag is EachOpenTag or EachCloseTag or BrokenBlockTag { IsEach: true };

    private static string CloserOf(Located open) => IsEach(open.Tag) ? "{{/each}}" : "{{/if}}";

    private void IssueUnlessBroken(Located item, string message)
    {
        if (item.Tag is not BrokenBlockTag)
        {
            IssueAt(item, message);
        }
    }

    private static string Describe(Located item) => $"{item.Tag.Source} ({item.Location})";

    private static XElement ParagraphOf(XElement run) => run.Ancestors(W.P).First();

    private void Wrap(Pair pair)
    {
        var pO = ParagraphOf(pair.Open.Run);
        var pC = ParagraphOf(pair.Close.Run);
        if (pO == pC)
        {
            WrapInline(pair);
            return;
        }
        var (common, first, last) = CommonAncestor(pO, pC);
        if (common.Name == W.Tr)
        {
            WrapRows(pair, common, common);
        }
        else if (common.Name == W.Tbl && IsRowLike(first) && IsRowLike(last))
        {
            WrapRows(pair, first, last);
        }
        else if (first == pO && last == pC)
        {
            WrapParagraphs(pair);
        }
        else
        {
            IssueAt(pair.Open, $"{pair.Open.Tag.Source} and its {pair.Close.Tag.Source} ({pair.Close.Location}) must stand in one paragraph, in one table row, in rows of one table, or in paragraphs side by side");
            Drop(pair.Open, pair.Else, pair.Close);
        }
    }

    /// <summary>
    /// The nearest element holding both, and its children on the way to each. A compiled block counts as one
    /// whole: when both stand inside one (a loop over the rows of an if/else row block), that block is both
    /// children and its parent the holder.
    /// </summary>
    private static (XElement Common, XElement TowardFirst, XElement TowardLast) CommonAncestor(XElement a, XElement b)
    {
        var chainA = a.AncestorsAndSelf().ToList();
        var set = chainA.ToHashSet();
        var towardLast = b;
        foreach (var ancestor in b.AncestorsAndSelf())
        {
            if (set.Contains(ancestor))
            {
                if (ancestor.Name.Namespace == Zi.Ns)
                {
                    var block = ancestor.AncestorsAndSelf(Zi.Block).Last();
                    return (block.Parent!, block, block);
                }
                var index = chainA.IndexOf(ancestor);
                var towardFirst = index == 0 ? a : chainA[index - 1];
                return (ancestor, towardFirst, towardLast);
            }
            towardLast = ancestor;
        }
        throw new InvalidOperationException("paragraphs of one part always share the root");
    }

    /// <summary>A table row, or something standing for rows between rows: a compiled block or a content control.</summary>
    private static bool IsRowLike(XElement element) => element.Name == W.Tr || element.Name == Zi.Block || element.Name == W.Sdt;

    private void Drop(Located open, Located? otherwise, Located? close = null)
    {
        open.Run.Remove();
        otherwise?.Run.Remove();
        close?.Run.Remove();
    }

    private static XElement NewBlock(Pair pair) =>
        new(Zi.Block, new XAttribute("kind", pair.Open.Tag is EachOpenTag ? "each" : "if"));

    private static void Attach(XElement block, Pair pair) => block.AddAnnotation(new Site(pair.Open.Tag, pair.Open.Location, pair.Open.Quiet));

    private void WrapInline(Pair pair)
    {
        var o = pair.Open.Run;
        var c = pair.Close.Run;
        if (o.Parent != c.Parent || (pair.Else is { } e && e.Run.Parent != o.Parent))
        {
            IssueAt(pair.Open, $"{pair.Open.Tag.Source} and {pair.Close.Tag.Source} in one paragraph must not be split by a content control, field or tracked change");
            Drop(pair.Open, pair.Else, pair.Close);
            return;
        }
        XElement? elseMark = null;
        if (pair.Else is { } otherwise)
        {
            elseMark = new XElement(Zi.ElseMark);
            otherwise.Run.ReplaceWith(elseMark);
        }
        var nodes = o.NodesAfterSelf().TakeWhile(n => n != c).ToList();
        var block = NewBlock(pair);
        Fill(block, nodes, elseMark);
        o.ReplaceWith(block);
        c.Remove();
        Attach(block, pair);
    }

    private void WrapRows(Pair pair, XElement first, XElement last)
    {
        var range = new List<XElement> { first };
        if (first != last)
        {
            range.AddRange(first.ElementsAfterSelf().TakeWhile(r => r != last));
            range.Add(last);
        }
        XElement? elseRow = null;
        if (pair.Else is { } e)
        {
            elseRow = range.FirstOrDefault(r => r.DescendantsAndSelf().Contains(e.Run));
            if (first == last || elseRow is null || elseRow == first || elseRow.Name != W.Tr)
            {
                IssueAt(e, first == last
                    ? "{{else}} cannot split one table row: give each branch rows of its own, or put the whole {{#if}} in one cell"
                    : "in a block of table rows, {{else}} must begin a row after the {{#if}} row: alone in a row of its own, or at the start of the first row of the other branch");
                Drop(pair.Open, pair.Else, pair.Close);
                return;
            }
        }
        RemoveTagRun(pair.Open.Run);
        RemoveTagRun(pair.Close.Run);
        if (pair.Else is { } el)
        {
            RemoveTagRun(el.Run);
        }
        var block = NewBlock(pair);
        first.AddBeforeSelf(block);
        XElement? elseMarker = elseRow;
        if (elseRow is not null && IsBlankRow(elseRow))
        {
            // A row holding nothing but {{else}} only separates the branches.
            elseMarker = new XElement(Zi.ElseMark);
            range[range.IndexOf(elseRow)] = elseMarker;
            elseRow.ReplaceWith(elseMarker);
        }
        if (first != last)
        {
            // A row that held nothing but the opening or closing tag is not part of what repeats.
            foreach (var row in new[] { first, last })
            {
                if (row != elseRow && IsBlankRow(row))
                {
                    range.Remove(row);
                    row.Remove();
                }
            }
        }
        foreach (var row in range)
        {
            row.Remove();
        }
        Fill(block, [.. range], elseMarker);
        Attach(block, pair);
    }

    private void WrapParagraphs(Pair pair)
    {
        var o = pair.Open.Run;
        var c = pair.Close.Run;
        var e = pair.Else?.Run;
        var pO = ParagraphOf(o);
        var pC = ParagraphOf(c);
        if (o.Parent != pO || c.Parent != pC || (e is not null && e.Parent != ParagraphOf(e)))
        {
            IssueAt(pair.Open, $"{pair.Open.Tag.Source} and {pair.Close.Tag.Source} must not stand inside a content control, field or tracked change when they are in different paragraphs");
            Drop(pair.Open, pair.Else, pair.Close);
            return;
        }
        if (e is not null && ParagraphOf(e).Parent != pO.Parent)
        {
            IssueAt(pair.Else!, "{{else}} must stand in a paragraph beside those of its {{#if}} and {{/if}}, not in a table or text box between them");
            Drop(pair.Open, pair.Else, pair.Close);
            return;
        }

        var pieces = new List<XElement?>();
        var start = new XElement(Zi.Start);
        var (beforeOpen, afterOpen) = Split(pO, o, paragraphMarkFollows: false);
        beforeOpen.AddAfterSelf(start);
        pieces.AddRange([beforeOpen, afterOpen]);
        XElement? elseMark = null;
        if (e is not null)
        {
            elseMark = new XElement(Zi.ElseMark);
            var (beforeElse, afterElse) = Split(ParagraphOf(e), e, paragraphMarkFollows: false);
            beforeElse.AddAfterSelf(elseMark);
            pieces.AddRange([beforeElse, afterElse]);
        }
        var end = new XElement(Zi.End);
        var (beforeClose, afterClose) = Split(ParagraphOf(c), c, paragraphMarkFollows: true);
        beforeClose.AddAfterSelf(end);
        pieces.AddRange([beforeClose, afterClose]);
        foreach (var piece in pieces.Distinct())
        {
            if (piece?.Parent is not null && IsEmptyParagraph(piece))
            {
                ReplaceWithMarkers(piece);
            }
        }

        var nodes = start.NodesAfterSelf().TakeWhile(n => n != end).ToList();
        var block = NewBlock(pair);
        Fill(block, nodes, elseMark);
        start.ReplaceWith(block);
        end.Remove();
        Attach(block, pair);
    }

    /// <summary>
    /// Splits a paragraph at a tag run (a direct child), which is removed: the paragraph keeps what precedes
    /// the tag, a new paragraph with the same properties right after it takes what follows. A section break
    /// (sectPr) belongs to the paragraph mark at the end, so it goes with the second part; after a closing tag
    /// (<paramref name="paragraphMarkFollows"/>) it gets a paragraph of its own even when nothing follows, so a
    /// loop never repeats it.
    /// </summary>
    private static (XElement Before, XElement? After) Split(XElement paragraph, XElement tagRun, bool paragraphMarkFollows)
    {
        var following = tagRun.NodesAfterSelf().ToList();
        tagRun.Remove();
        var sectPr = paragraph.Element(W.PPr)?.Element(W.SectPr);
        if (following.Count == 0 && !(paragraphMarkFollows && sectPr is not null))
        {
            return (paragraph, null);
        }
        var pPr = paragraph.Element(W.PPr);
        var after = new XElement(W.P, paragraph.Attributes().Where(a => a.Name != W.ParaId && a.Name != W.TextId), pPr is null ? null : new XElement(pPr));
        sectPr?.Remove();
        foreach (var node in following)
        {
            node.Remove();
        }
        after.Add(following);
        paragraph.AddAfterSelf(after);
        return (paragraph, after);
    }

    /// <summary>
    /// Whether a paragraph shows nothing: no text but white space, no picture, field or break, and no section
    /// break. Range markers (bookmarks, comment ranges) may be in it: <see cref="ReplaceWithMarkers"/> keeps them.
    /// </summary>
    internal static bool IsEmptyParagraph(XElement paragraph) =>
        paragraph.Name == W.P && paragraph.Element(W.PPr)?.Element(W.SectPr) is null
        && paragraph.Elements().All(e => e.Name == W.PPr || IsEmptyInline(e));

    private static bool IsEmptyInline(XElement element)
    {
        if (element.Name == W.ProofErr || W.IsRangeMarker(element.Name))
        {
            return true;
        }
        if (element.Name == W.R_)
        {
            return element.Elements().All(x => x.Name == W.RPr || x.Name == W.LastRenderedPageBreak
                || (x.Name == W.T && string.IsNullOrWhiteSpace(x.Value)));
        }
        if (W.IsSplittableWrapper(element.Name))
        {
            return element.Elements().All(x => x.Name.LocalName.EndsWith("Pr", StringComparison.Ordinal) || IsEmptyInline(x));
        }
        return false;
    }

    /// <summary>Removes an empty paragraph; its range markers stay where it was (they may stand between paragraphs and rows).</summary>
    private static void ReplaceWithMarkers(XElement paragraph)
    {
        var markers = paragraph.Descendants().Where(d => W.IsRangeMarker(d.Name)).ToList();
        foreach (var marker in markers)
        {
            marker.Remove();
        }
        paragraph.ReplaceWith(markers);
    }

    /// <summary>
    /// Removes a block tag from a table row; a paragraph that held nothing else goes too, unless its cell
    /// would be left without one.
    /// </summary>
    private static void RemoveTagRun(XElement run)
    {
        var paragraph = ParagraphOf(run);
        run.Remove();
        if (paragraph.Parent is { } cell && cell.Name == W.Tc && IsEmptyParagraph(paragraph)
            && cell.Elements().Any(x => x != paragraph && (x.Name == W.P || x.Name == W.Tbl)))
        {
            ReplaceWithMarkers(paragraph);
        }
    }

    private static bool IsBlankRow(XElement row) =>
        row.Elements(W.Tc).All(cell => cell.Elements().All(x => x.Name == W.TcPr || W.IsRangeMarker(x.Name) || IsEmptyParagraph(x)));

    /// <summary>Moves nodes into a block; for an if, into its then and else branches (split at the marker).</summary>
    private static void Fill(XElement block, List<XNode> nodes, XNode? elseMarker)
    {
        foreach (var n in nodes)
        {
            if (n.Parent is not null)
            {
                n.Remove();
            }
        }
        if ((string?)block.Attribute("kind") == "each")
        {
            block.Add(nodes);
            return;
        }
        var then = new XElement(Zi.Then);
        var otherwise = new XElement(Zi.Else);
        var target = then;
        foreach (var n in nodes)
        {
            if (n == elseMarker)
            {
                target = otherwise;
                if (n is XElement { Name.Namespace: var ns } && ns == Zi.Ns)
                {
                    continue;
                }
            }
            target.Add(n);
        }
        block.Add(then, otherwise);
    }

    /// <summary>
    /// Ids Word wants unique and a loop would copy: paragraph ids (w14:paraId, w14:textId), content-control
    /// ids and VML shape ids are optional, so repeated content goes without them. Bookmarks, drawing ids and
    /// VML shape types are handled while rendering, where each copy is known.
    /// </summary>
    private static void ForgetRepeatedIds(XDocument document)
    {
        foreach (var loop in document.Descendants(Zi.Block).Where(b => (string?)b.Attribute("kind") == "each").ToList())
        {
            foreach (var element in loop.Descendants())
            {
                element.Attribute(W.ParaId)?.Remove();
                element.Attribute(W.TextId)?.Remove();
                if (element.Name.Namespace == W.V && element.Name != W.Shapetype)
                {
                    // A VML shape's id only names it; copies may not share it. (Shape types keep theirs: shapes
                    // refer to them by it, and the renderer writes each once.)
                    element.Attribute("id")?.Remove();
                }
            }
            foreach (var id in loop.Descendants(W.SdtPr).Elements(W.Id).ToList())
            {
                id.Remove();
            }
        }
    }

    private void IssueAt(Located item, string message) => Issue(item.Quiet, item.Location, item.Tag.Source, message);

    private void Issue(bool quiet, string location, string snippet, string message)
    {
        if (!quiet)
        {
            issues.Add(new TemplateIssue(partName, location, Shorten(snippet), message));
        }
    }

    private static string Shorten(string text)
    {
        var t = text.Replace('\n', ' ').Trim();
        return t.Length <= 80 ? t : t[..77] + "...";
    }
}
