using System.Text.Json.Nodes;

namespace Integritas.Documents;

/// <summary>
/// Where a path is looked up while filling: the data root, then each loop item inward. A name is looked
/// up in the innermost item first and then outward, so fields of outer items and of the root stay reachable.
/// </summary>
internal sealed class Scope
{
    private readonly Scope? _parent;

    private Scope(JsonNode? item, int index, Scope? parent)
    {
        Item = item;
        Index = index;
        _parent = parent;
    }

    public JsonNode? Item { get; }

    /// <summary>0-based position of the item in its list (-1 for the root).</summary>
    public int Index { get; }

    public static Scope Root(JsonNode? data) => new(data, -1, null);

    public Scope Push(JsonNode? item, int index) => new(item, index, this);

    /// <summary>Resolves a path; <c>found</c> is false when no scope has it.</summary>
    public (bool Found, JsonNode? Value) Resolve(string path)
    {
        switch (path)
        {
            case "this":
                return (true, Item);
            case "@no":
                return Index < 0 ? (false, null) : (true, JsonValue.Create(Index + 1));
            case "@index":
                return Index < 0 ? (false, null) : (true, JsonValue.Create(Index));
        }
        var segments = path.Split('.');
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (TryStep(scope.Item, segments[0], out var node))
            {
                for (var i = 1; i < segments.Length; i++)
                {
                    if (!TryStep(node, segments[i], out node))
                    {
                        return (false, null);
                    }
                }
                return (true, node);
            }
        }
        return (false, null);
    }

    private static bool TryStep(JsonNode? node, string segment, out JsonNode? next)
    {
        next = null;
        switch (node)
        {
            case JsonObject obj when obj.TryGetPropertyValue(segment, out next):
                return true;
            case JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < array.Count:
                next = array[i];
                return true;
            default:
                return false;
        }
    }
}
