using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Integritas.Reports;

/// <summary>Report data models become the JSON-shaped data templates are filled from (camelCase fields).</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Named so FieldCatalog can read the same contract the serialiser writes.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static JsonNode ToNode<T>(T model) => JsonSerializer.SerializeToNode(model, Options)!;
}
