using System.Globalization;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;

namespace Integritas.Ingest.Workbook;

/// <summary>
/// Builds the LKE's tree from the classified rows by their weights, not their numbering: a weighted row goes
/// under the nearest open row above it that still has room for its weight (a row whose weight its sub-rows
/// fill is a group; a row holding questions is a leaf and takes no sub-rows). Component, part, area and hasil
/// group rows are known by their names (the regulation fixes them) and otherwise by their place. Questions
/// belong to the last weighted row, "Jumlah" rows to the last percentage question. A row that cannot be
/// placed is an error naming its row and column.
/// </summary>
internal sealed class LkeTreeBuilder(RuleSet rule, SheetLayout layout, Action<SheetLine, int, string> error)
{
    private readonly RegulationNames _names = new(rule);
    private readonly List<LkeNode> _open = [];
    private LkeNode? _last;
    private LkeQuestion? _percent;
    private SheetLine? _label;
    private bool _lost;

    /// <summary>Rows that were open when a row could not be placed: their sums are not checked again (one error, not a cascade).</summary>
    private readonly HashSet<LkeNode> _suspect = [];

    public LkeNode Root { get; } = new(NodeLevel.Root, null, 0, null);

    /// <summary>Rows with text in the question column but no answer kind and no answer, and the row they follow: read as notes.</summary>
    public List<(SheetLine Line, LkeNode Under)> Notes { get; } = [];

    /// <summary>The TOTAL PENGUNGKIT / TOTAL HASIL / NILAI … rows, by level.</summary>
    public List<(string Level, SheetLine Line)> Totals { get; } = [];

    /// <summary>Adds a row; false once the evaluation's total is read (what follows, signatures and notes, is not the LKE).</summary>
    public bool Add(SheetLine line)
    {
        switch (line.Line)
        {
            case LineKind.Total:
                var level = SheetLines.TotalLevel(line);
                Totals.Add((level, line));
                (_last, _percent, _label) = (null, null, null);
                return level != "total";
            case LineKind.Node:
                AddNode(line);
                break;
            case LineKind.Question:
                AddQuestion(line);
                break;
            case LineKind.Count when !_lost:
                if (_percent is null)
                {
                    error(line, SheetLayout.Question, "a 'Jumlah' row that follows no percentage (%) item");
                }
                else
                {
                    _percent.CountLines.Add(line);
                }
                break;
            case LineKind.Note when line.Row.Text(SheetLayout.Question).Length == 0 && _names.Anchor(line) is { } anchor && _names.RuleWeight(anchor, line, _open.LastOrDefault(n => n.Level == NodeLevel.Part)?.Part) is { } weight:
                // A component, part, area or hasil group row left without its weight: the rule's weight is its weight.
                AddNode(line with { Weight = weight });
                break;
            case LineKind.Note when _last is not null && !_lost:
                if (line.Row.Text(SheetLayout.Question).Length > 0)
                {
                    Notes.Add((line, _last));
                }
                else
                {
                    _label = line;
                }
                break;
        }
        return true;
    }

    private void AddNode(SheetLine line)
    {
        var weight = line.Weight!.Value;
        (_percent, _label, _lost) = (null, null, false);
        var anchor = _names.Anchor(line);
        if (_open.Count == 0)
        {
            _open.Add(Root);
        }
        // _open is the path from the root to the last weighted row: the rows a new one may go under.
        LkeNode? parent = anchor is { } a
            ? _open.LastOrDefault(n => Holds(n, a))
            : _open.LastOrDefault(n => ChildLevel(n) is not null && n.Questions.Count == 0 && n.Weight - n.Filled >= weight);
        if (parent is null)
        {
            Lose();
            error(line, anchor == NodeLevel.Area ? SheetLayout.Area : layout.Weight, anchor == NodeLevel.Area
                ? "an area row before any part row (I. PEMENUHAN or II. REFORM)"
                : $"its weight {Show(weight)} fits under no row above it ({Room()}); check the weights in column H");
            return;
        }
        var node = new LkeNode(anchor ?? ChildLevel(parent)!.Value, line, weight, parent);
        if (anchor is null && node.Level == NodeLevel.Area && _names.AreaOf(node, parent) is null)
        {
            // Not an area by name, nor the next area by place and weight: a row whose weight is wrong.
            Lose();
            error(line, layout.Weight, $"its weight {Show(weight)} fits under no row above it ({Room()}); check the weights in column H");
            return;
        }
        if (!Identify(node, parent))
        {
            _lost = true;
            return;
        }
        parent.Children.Add(node);
        _open.RemoveRange(_open.IndexOf(parent) + 1, _open.Count - _open.IndexOf(parent) - 1);
        _open.Add(node);
        _last = node;
    }

    private void AddQuestion(SheetLine line)
    {
        _percent = null;
        if (_lost)
        {
            return;
        }
        if (_label is { } label)
        {
            _lost = true;
            error(label, layout.Weight, "a row labelled like an indicator, with questions under it, but no weight in column H");
            return;
        }
        var question = new LkeQuestion(line);
        switch (_last)
        {
            case null:
                error(line, SheetLayout.Question, "a question row before any indicator row");
                return;
            case { Level: NodeLevel.HasilGroup } group:
                // A hasil item written as a question row without its own weight: the rule's weight applies.
                var item = new LkeNode(NodeLevel.HasilItem, line, -1, group) { IsHasil = true, Part = LkePart.Hasil, Area = LkeCodes.HasilArea };
                item.Questions.Add(question);
                group.Children.Add(item);
                return;
            case { Level: NodeLevel.Indicator or NodeLevel.HasilItem } leaf:
                leaf.Questions.Add(question);
                _percent = line.Kind.Kind == AnswerKind.PERSEN ? question : null;
                return;
            default:
                _lost = true;
                error(line, SheetLayout.Question, $"a question row directly under {_last.Describe()}: the indicator it belongs to has no row with a weight in column H");
                return;
        }
    }

    /// <summary>Checks what only the whole tree shows; a leaf whose own row carries the answer kind is its own question.</summary>
    public void Finish()
    {
        foreach (var node in Root.Descendants().Where(n => n.Level is NodeLevel.Indicator or NodeLevel.HasilItem).ToList())
        {
            if (node.Children is [{ Questions.Count: 0, Children.Count: 0, Line.Kind.IsEmpty: false } only] && only.Weight == node.Weight)
            {
                // A question row that carries its indicator's weight (and its text outside G) is the indicator's question.
                node.Children.Clear();
                node.Questions.Add(new LkeQuestion(only.Line!));
            }
            if (_suspect.Contains(node))
            {
                continue;
            }
            if (node.Children.Count == 1 && node.Children[0].Weight == node.Weight)
            {
                error(node.Line!, SheetLayout.Question, $"no questions under it, and row {node.Children[0].Line!.Index} of the same weight reads as its only sub-indicator");
            }
            else if (node.Children.Count > 0 && node.Filled != node.Weight)
            {
                error(node.Line!, layout.Weight, $"its sub-indicators (rows {string.Join(", ", node.Children.Select(c => c.Line!.Index))}) weigh {Show(node.Filled)} in all, not its {Show(node.Weight)}");
            }
            else if (node.Children.Count == 0 && node.Questions.Count == 0)
            {
                if (node.Line!.Kind.IsEmpty)
                {
                    error(node.Line, SheetLayout.Question, "an indicator row with no questions under it");
                }
                else
                {
                    node.Questions.Add(new LkeQuestion(node.Line));
                }
            }
        }
    }

    /// <summary>The row cannot be placed: what follows it until the next weighted row is skipped.</summary>
    private void Lose()
    {
        _lost = true;
        _suspect.UnionWith(_open);
    }

    private static bool Holds(LkeNode parent, NodeLevel child) => child switch
    {
        NodeLevel.Component => parent.Level == NodeLevel.Root,
        NodeLevel.Part => parent.Level == NodeLevel.Root || parent is { Level: NodeLevel.Component, IsHasil: false },
        NodeLevel.HasilGroup => parent.Level == NodeLevel.Root || parent is { Level: NodeLevel.Component, IsHasil: true },
        NodeLevel.Area => parent.Level == NodeLevel.Part,
        _ => false,
    };

    private static NodeLevel? ChildLevel(LkeNode parent) => parent.Level switch
    {
        NodeLevel.Component => parent.IsHasil ? NodeLevel.HasilGroup : NodeLevel.Part,
        NodeLevel.Part => NodeLevel.Area,
        NodeLevel.Area or NodeLevel.Indicator => NodeLevel.Indicator,
        NodeLevel.HasilGroup => NodeLevel.HasilItem,
        _ => null,
    };

    /// <summary>Sets what a node is (part, area, hasil group); false with an error when it cannot tell.</summary>
    private bool Identify(LkeNode node, LkeNode parent)
    {
        node.IsHasil = parent.IsHasil || (node.Level == NodeLevel.Component && RegulationNames.Bare(node.Line!.Name) == "HASIL") || node.Level is NodeLevel.HasilGroup or NodeLevel.HasilItem;
        node.Part = node.IsHasil ? LkePart.Hasil : parent.Part;
        node.Area = node.IsHasil ? LkeCodes.HasilArea : parent.Area;
        var name = node.Line!.Name;
        switch (node.Level)
        {
            case NodeLevel.Component:
                node.Code = node.IsHasil ? "hasil" : "pengungkit";
                break;
            case NodeLevel.Part:
                var bare = RegulationNames.Bare(name);
                node.Part = bare == "REFORM" || (bare != "PEMENUHAN" && parent.Children.Any(c => c.Part == LkePart.Pemenuhan)) ? LkePart.Reform : LkePart.Pemenuhan;
                node.Code = node.Part.ToCode();
                break;
            case NodeLevel.HasilGroup:
                var group = rule.HasilGroups.FirstOrDefault(g => name.Contains(SheetLayout.Normalize(g.Name), StringComparison.Ordinal))
                            ?? rule.HasilGroups.FirstOrDefault(g => parent.Children.All(c => c.Code != g.Code));
                if (group is null)
                {
                    error(node.Line, SheetLayout.Area, $"cannot tell which hasil group this row is (expected {string.Join(", ", rule.HasilGroups.Select(g => g.Name))})");
                    return false;
                }
                node.Code = group.Code;
                break;
            case NodeLevel.Area:
                var area = _names.AreaOf(node, parent);
                if (area is null)
                {
                    error(node.Line, SheetLayout.Indicator, $"unknown area (expected one of {string.Join(", ", rule.Areas.Select(a => a.Name))})");
                    return false;
                }
                node.Area = area.Code;
                node.Code = area.Code;
                break;
        }
        return true;
    }

    private string Room()
    {
        var open = _open.LastOrDefault(n => ChildLevel(n) is not null && n.Questions.Count == 0 && n.Level != NodeLevel.Part);
        return open?.Line is null
            ? "no area row before it"
            : $"{(open.Code.Length > 0 ? open.Describe() + " on " : "")}row {open.Line.Index} has {Show(open.Weight - open.Filled)} left of {Show(open.Weight)}";
    }

    private static string Show(decimal value) => LkeNumber.Canonical(value).ToString(CultureInfo.InvariantCulture);
}
