namespace Integritas.Domain.Facts;

/// <summary>A fact's value and the year it was given for.</summary>
public sealed record FactValue(string Value, int Year);

/// <summary>
/// The facts known for one unit in one evaluation year: its own unit facts and its instansi's, each for that
/// year or, for a <see cref="FactDefinition.Persistent"/> fact, the latest earlier year. A fact not here is unknown.
/// </summary>
public sealed class UnitFacts(IReadOnlyDictionary<string, FactValue> values)
{
    public static UnitFacts None { get; } = new(new Dictionary<string, FactValue>());

    public IReadOnlyDictionary<string, FactValue> Values { get; } = values;

    public FactValue? Get(string name) => Values.GetValueOrDefault(name);

    /// <summary>
    /// Picks, from a subject's facts over the years, those in force in <paramref name="year"/>: the year's own
    /// value, or for a persistent fact the latest value given up to that year.
    /// </summary>
    public static UnitFacts For(int year, IEnumerable<(string Name, FactValue Value)> facts, FactCatalog? catalog = null)
    {
        catalog ??= FactCatalog.Default;
        var chosen = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        foreach (var (name, value) in facts)
        {
            var definition = catalog.Find(name);
            var usable = value.Year == year || (definition?.Persistent == true && value.Year < year);
            if (usable && (!chosen.TryGetValue(name, out var existing) || value.Year > existing.Year))
            {
                chosen[name] = value;
            }
        }
        return chosen.Count == 0 ? None : new UnitFacts(chosen);
    }
}
