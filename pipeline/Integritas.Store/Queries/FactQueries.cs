using DuckDB.NET.Data;
using Integritas.Domain.Facts;

namespace Integritas.Store.Queries;

/// <summary>
/// The stored unit and instansi facts (5/2024 prerequisites), read once and handed out per unit-year: the
/// unit's facts with its instansi's, as in force that year (see <see cref="UnitFacts.For"/>).
/// </summary>
public sealed class FactQueries
{
    private readonly ILookup<string, (string Name, FactValue Value)> _units;
    private readonly ILookup<string, (string Name, FactValue Value)> _instansi;

    private FactQueries(ILookup<string, (string, FactValue)> units, ILookup<string, (string, FactValue)> instansi)
    {
        _units = units;
        _instansi = instansi;
    }

    public static FactQueries Load(DuckDBConnection connection)
    {
        var rows = connection.Query("SELECT scope, subject, year, name, value FROM fact")
            .Select(r => (Scope: r.GetString(0), Subject: r.GetString(1), Name: r.GetString(3), Value: new FactValue(r.GetString(4), r.GetInt32(2))))
            .ToList();
        return new FactQueries(
            rows.Where(r => r.Scope == "unit").ToLookup(r => Key(r.Subject), r => (r.Name, r.Value), StringComparer.Ordinal),
            rows.Where(r => r.Scope == "instansi").ToLookup(r => Key(r.Subject), r => (r.Name, r.Value), StringComparer.Ordinal));
    }

    /// <summary>Whether any fact is stored at all.</summary>
    public bool Any => _units.Count > 0 || _instansi.Count > 0;

    public UnitFacts For(string unitId, string instansi, int year) =>
        Any ? UnitFacts.For(year, _units[Key(unitId)].Concat(_instansi[Key(instansi)])) : UnitFacts.None;

    /// <summary>Subjects match without regard to case or surrounding spaces (a fact file may spell the instansi in capitals).</summary>
    private static string Key(string subject) => subject.Trim().ToUpperInvariant();
}
