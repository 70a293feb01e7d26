using System.Globalization;
using System.Text.Json;
using Integritas.Domain.Lke;

namespace Integritas.Domain.Facts;

public enum FactScope
{
    Instansi,
    Unit,
}

public enum FactType
{
    /// <summary>One of a list of values.</summary>
    Enum,
    /// <summary>One of an ordered list of values, lowest first (e.g. SAKIP D … AA).</summary>
    Grade,
    Bool,
    Percent,
    Number,
    Year,
}

/// <summary>A fact the prerequisites can ask for: its column name, scope, type, allowed values and label.</summary>
public sealed record FactDefinition(string Name, FactScope Scope, FactType Type, IReadOnlyList<string> Values, decimal? Min, decimal? Max, string Label)
{
    /// <summary>
    /// Whether the fact stays in force in later years until a newer value is given (the kind of instansi,
    /// the year ZI building began); other facts hold for their own year only.
    /// </summary>
    public bool Persistent { get; init; }

    /// <summary>The position of a grade in the catalogue's order, lowest first; -1 when not a grade of this fact.</summary>
    public int Rank(string value) => Type == FactType.Grade ? Values.ToList().IndexOf(value) : -1;

    /// <summary>Normalises a cell's text to the stored value, or gives the reason it is not valid.</summary>
    public (string? Value, string? Error) Normalize(string text)
    {
        var t = text.Trim();
        switch (Type)
        {
            case FactType.Enum or FactType.Grade:
                var match = Values.FirstOrDefault(v => string.Equals(v, t, StringComparison.OrdinalIgnoreCase) || string.Equals(v.Replace("/", "", StringComparison.Ordinal), t.Replace("/", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                return match is null ? (null, $"expected one of {string.Join(", ", Values)}") : (match, null);
            case FactType.Bool:
                return t.ToUpperInvariant() switch
                {
                    "YA" or "Y" or "YES" or "TRUE" or "1" => ("ya", null),
                    "TIDAK" or "T" or "NO" or "FALSE" or "0" => ("tidak", null),
                    _ => (null, "expected ya or tidak"),
                };
            case FactType.Percent:
                var number = t.EndsWith('%') ? t[..^1].Trim() : t;
                if (!LkeNumber.TryParse(number, out var percent) || percent < 0 || percent > 100)
                {
                    return (null, "expected a percentage from 0 to 100 (e.g. 100 or 97,5%)");
                }
                return (LkeNumber.Canonical(percent), null);
            case FactType.Year:
                return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100
                    ? (year.ToString(CultureInfo.InvariantCulture), null)
                    : (null, "expected a year such as 2021");
            default:
                if (!LkeNumber.TryParse(t, out var value) || (Min is { } min && value < min) || (Max is { } max && value > max))
                {
                    return (null, $"expected a number{(Min is not null ? $" from {LkeNumber.Canonical(Min.Value)} to {LkeNumber.Canonical(Max ?? decimal.MaxValue)}" : "")}");
                }
                return (LkeNumber.Canonical(value), null);
        }
    }
}

/// <summary>The facts the product knows, from the data file <c>Facts/facts.json</c>.</summary>
public sealed record FactCatalog(IReadOnlyList<FactDefinition> Facts, string Source)
{
    private static readonly Lazy<FactCatalog> Embedded = new(Load);

    public static FactCatalog Default => Embedded.Value;

    public FactDefinition? Find(string name) => Facts.FirstOrDefault(f => f.Name == name);

    public IEnumerable<FactDefinition> For(FactScope scope) => Facts.Where(f => f.Scope == scope);

    private sealed record FactDto(string Name, string Scope, string Type, List<string>? Values, decimal? Min, decimal? Max, string Label, bool Persistent);

    private sealed record FileDto(string Source, string? PersistentNote, List<FactDto> Facts);

    private static FactCatalog Load()
    {
        using var stream = typeof(FactCatalog).Assembly.GetManifestResourceStream("facts/facts.json")
            ?? throw new InvalidOperationException("Embedded resource facts/facts.json is missing.");
        var dto = JsonSerializer.Deserialize<FileDto>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        return new FactCatalog([.. dto.Facts.Select(f => new FactDefinition(f.Name,
            Enum.Parse<FactScope>(f.Scope, ignoreCase: true), Enum.Parse<FactType>(f.Type, ignoreCase: true), f.Values ?? [], f.Min, f.Max, f.Label) { Persistent = f.Persistent })], dto.Source);
    }
}
