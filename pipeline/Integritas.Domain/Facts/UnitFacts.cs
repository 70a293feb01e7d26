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

    /// <summary>
    /// Every fact of the subject over the years, as given to <see cref="For"/> (kept by reference, not copied), for a
    /// prerequisite that asks about earlier years (52/2014: WTP two years in a row); empty when not given.
    /// </summary>
    private IEnumerable<(string Name, FactValue Value)> _history = [];

    private FactCatalog _catalog = FactCatalog.Default;

    public FactValue? Get(string name) => Values.GetValueOrDefault(name);

    /// <summary>
    /// A fact as it was in force in an earlier <paramref name="year"/>: that year's value, or for a persistent fact the
    /// latest value given up to it; null when no such value was given.
    /// </summary>
    public FactValue? In(string name, int year)
    {
        var persistent = _catalog.Find(name)?.Persistent == true;
        FactValue? found = null;
        foreach (var (n, value) in _history)
        {
            if (n == name && (value.Year == year || (persistent && value.Year < year)) && (found is null || value.Year > found.Year))
            {
                found = value;
            }
        }
        return found;
    }

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
        return chosen.Count == 0 ? None : new UnitFacts(chosen) { _history = facts, _catalog = catalog };
    }
}
