using Integritas.Ingest.Csv;

namespace Integritas.Ingest.Canonical;

/// <summary>Column positions by name (case and surrounding space ignored), checked against what a format needs.</summary>
public sealed class HeaderMap
{
    private readonly Dictionary<string, int> _index;

    private HeaderMap(Dictionary<string, int> index, int count)
    {
        _index = index;
        Count = count;
    }

    public int Count { get; }

    public static string Normalize(string name) => name.Trim().Trim('\uFEFF').ToLowerInvariant();

    public static HeaderMap Of(CsvRecord header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Length; i++)
        {
            index.TryAdd(Normalize(header.Fields[i]), i);
        }
        return new HeaderMap(index, header.Fields.Length);
    }

    public bool HasAll(IEnumerable<string> names) => names.All(_index.ContainsKey);

    public int this[string name] => _index[name];

    public int? Find(string name) => _index.TryGetValue(name, out var i) ? i : null;

    /// <summary>Errors for missing required and duplicated columns.</summary>
    public IEnumerable<IngestError> Check(string file, CsvRecord header, IReadOnlyCollection<string> required)
    {
        var missing = required.Where(r => !_index.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            yield return new IngestError(file,
                $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} (the header must name: {string.Join(",", required)})", 1);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in header.Fields.Select(Normalize))
        {
            if (name.Length > 0 && !seen.Add(name))
            {
                yield return new IngestError(file, "the column appears twice in the header", 1, name);
            }
        }
    }
}
