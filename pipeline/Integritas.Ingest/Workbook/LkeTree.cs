using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;

namespace Integritas.Ingest.Workbook;

internal enum NodeLevel
{
    Root,
    Component,
    Part,
    Area,

    /// <summary>An indicator or a sub-indicator: a leaf when it holds questions, a group when sub-indicators fill its weight.</summary>
    Indicator,
    HasilGroup,
    HasilItem,
}

/// <summary>A weighted row of the sheet placed in the LKE's tree.</summary>
internal sealed class LkeNode(NodeLevel level, SheetLine? line, decimal weight, LkeNode? parent)
{
    public NodeLevel Level { get; } = level;

    public SheetLine? Line { get; } = line;

    public decimal Weight { get; set; } = weight;

    public LkeNode? Parent { get; } = parent;

    public List<LkeNode> Children { get; } = [];

    public List<LkeQuestion> Questions { get; } = [];

    /// <summary>Component ("pengungkit"/"hasil"), part, area, indicator, group or hasil part code.</summary>
    public string Code { get; set; } = "";

    public string Area { get; set; } = "";

    public LkePart Part { get; set; }

    public bool IsHasil { get; set; }

    public decimal Filled => Children.Sum(c => c.Weight);

    public bool IsGroup => Level == NodeLevel.Indicator && Children.Count > 0;

    public bool IsLeaf => Level is NodeLevel.Indicator or NodeLevel.HasilItem && Children.Count == 0;

    public IEnumerable<LkeNode> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));

    public IEnumerable<LkeNode> Leaves() => Descendants().Where(n => n.IsLeaf);

    public string Describe() => Level switch
    {
        NodeLevel.Area => $"area {Area} {Part.ToCode()}",
        NodeLevel.Part => $"part {Part.ToCode()}",
        NodeLevel.Component => Code,
        NodeLevel.HasilGroup => $"hasil group {Code}",
        _ => Code.Length > 0 ? Code : $"row {Line?.Index}",
    };
}

/// <summary>
/// A question row with the "Jumlah" rows under it. <see cref="Kind"/>, <see cref="Code"/>, <see cref="Catalog"/>
/// and <see cref="Counts"/>' mapping are set once the tree is matched with the catalogue.
/// </summary>
internal sealed class LkeQuestion(SheetLine line)
{
    public SheetLine Line { get; } = line;

    public int Row => Line.Index;

    public AnswerKind Kind { get; set; }

    public string Code { get; set; } = "";

    public CatalogQuestion? Catalog { get; set; }

    public List<SheetLine> CountLines { get; } = [];

    public CountMap? Counts { get; set; }
}
