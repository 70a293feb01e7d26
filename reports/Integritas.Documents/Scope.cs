using System.Text.Json.Nodes;

namespace Integritas.Documents;

/// <summary>
/// Where a path is looked up while filling: the data root, then each loop item inward. A name is looked
/// up in the innermost item first and then outward, so fields of outer items and of the root stay reachable.
/// </summary>
internal sealed class Scope
{
    private readonly Scope? _parent;
    private readonly string? _list;

    private Scope(JsonNode? item, int index, string? list, Scope? parent)
    {
        Item = item;
        Index = index;
        _list = list;
        _parent = parent;
    }

    public JsonNode? Item { get; }

    /// <summary>0-based position of the item in its list (-1 for the root).</summary>
    public int Index { get; }

    public static Scope Root(JsonNode? data) => new(data, -1, null, null);

    public Scope Push(JsonNode? item, int index, string list) => new(item, index, list, this);

    /// <summary>Resolves a path; <c>Found</c> is false when no scope has it.</summary>
    public (bool Found, JsonNode? Value) Resolve(DataPath path)
    {
        switch (path.Start)
        {
            case PathStart.Number:
                return Index < 0 ? (false, null) : (true, JsonValue.Create(Index + 1));
            case PathStart.Index:
                return Index < 0 ? (false, null) : (true, JsonValue.Create(Index));
            case PathStart.This:
                return Walk(Item, path.Segments, 0);
        }
        var first = path.Segments[0];
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (TryStep(scope.Item, first, out var node))
            {
                // The innermost item that has the first name decides; a missing field below it is missing, not
                // looked for further out, so a path never silently reads a namesake of an outer item.
                return Walk(node, path.Segments, 1);
            }
        }
        return (false, null);
    }

    private static (bool, JsonNode?) Walk(JsonNode? node, string[] segments, int from)
    {
        for (var i = from; i < segments.Length; i++)
        {
            if (!TryStep(node, segments[i], out node))
            {
                return (false, null);
            }
        }
        return (true, node);
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

    /// <summary>Which loop items are being filled, for error messages: "units #2, areas #1" (empty at the root).</summary>
    public string Context()
    {
        var frames = new List<string>();
        for (var scope = this; scope?._list is not null; scope = scope._parent)
        {
            frames.Add($"{scope._list} #{scope.Index + 1}");
        }
        frames.Reverse();
        return string.Join(", ", frames);
    }
}
