using Integritas.Domain.Lke;
using Integritas.Domain.Rules;

namespace Integritas.Ingest.Workbook;

/// <summary>
/// The rows of an LKE that the regulation names — components (PENGUNGKIT, HASIL), parts (PEMENUHAN, REFORM),
/// areas and hasil groups — known by their names whatever their numbering, with the rule's weights for them.
/// </summary>
internal sealed class RegulationNames(RuleSet rule)
{
    /// <summary>A row the regulation names: component, part, hasil group or area.</summary>
    public NodeLevel? Anchor(SheetLine line)
    {
        var name = Bare(line.Name);
        if (name is "PENGUNGKIT" or "HASIL")
        {
            return NodeLevel.Component;
        }
        if (name is "PEMENUHAN" or "REFORM")
        {
            return NodeLevel.Part;
        }
        if (rule.HasilGroups.Any(g => name.Contains(SheetLayout.Normalize(g.Name), StringComparison.Ordinal)))
        {
            return NodeLevel.HasilGroup;
        }
        return rule.Areas.Any(a => name.Contains(SheetLayout.Normalize(a.Name), StringComparison.Ordinal) || name == SheetLayout.Normalize(a.ShortName))
            ? NodeLevel.Area
            : null;
    }

    /// <summary>The rule's weight of a row the regulation names (the part an area is in is the last part row read).</summary>
    public decimal? RuleWeight(NodeLevel level, SheetLine line, LkePart? part)
    {
        var name = Bare(line.Name);
        return level switch
        {
            NodeLevel.Component => name == "HASIL" ? rule.HasilWeight : rule.PengungkitWeight,
            NodeLevel.Part => rule.Areas.Sum(a => rule.PartWeight(a, name == "REFORM" ? LkePart.Reform : LkePart.Pemenuhan)),
            NodeLevel.HasilGroup => rule.HasilGroups.FirstOrDefault(g => name.Contains(SheetLayout.Normalize(g.Name), StringComparison.Ordinal))?.Weight,
            NodeLevel.Area when part is { } p => rule.Areas.FirstOrDefault(a => name.Contains(SheetLayout.Normalize(a.Name), StringComparison.Ordinal) || name == SheetLayout.Normalize(a.ShortName)) is { } area
                ? rule.PartWeight(area, p)
                : null,
            _ => null,
        };
    }

    /// <summary>The area a row is: by its name, else the area after the last one of its part if the weights agree.</summary>
    public AreaRule? AreaOf(LkeNode node, LkeNode part)
    {
        var name = node.Line!.Name;
        var next = part.Children.Count == 0 ? 0 : rule.Areas.ToList().FindIndex(a => a.Code == part.Children[^1].Area) + 1;
        return rule.Areas.FirstOrDefault(a => name.Contains(SheetLayout.Normalize(a.Name), StringComparison.Ordinal))
               ?? rule.Areas.FirstOrDefault(a => name.Contains(SheetLayout.Normalize(a.ShortName), StringComparison.Ordinal))
               ?? (next < rule.Areas.Count && rule.PartWeight(rule.Areas[next], part.Part) == node.Weight ? rule.Areas[next] : null);
    }

    /// <summary>A name without a parenthesised remark ("PENGUNGKIT (60%)" → "PENGUNGKIT").</summary>
    public static string Bare(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return (open > 0 ? name[..open] : name).Trim();
    }
}
