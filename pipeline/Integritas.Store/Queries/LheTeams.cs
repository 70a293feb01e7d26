using DuckDB.NET.Data;

namespace Integritas.Store.Queries;

/// <summary>One member of a TPI team: the role as the file names it (<c>ketua</c>, <c>anggota</c>, …), the name and NIP.</summary>
public sealed record TeamMember(string Role, string Name, string Nip);

/// <summary>The assignment that evaluated a unit in a year (lhe-tim.csv): the surat tugas, its dates and the team in file order.</summary>
public sealed record LheTeam(string UnitId, int Year, string SuratTugas, DateOnly Start, DateOnly End, IReadOnlyList<TeamMember> Members);

/// <summary>Reads the stored TPI teams.</summary>
public static class LheTeams
{
    /// <summary>The teams of the year, by unit code.</summary>
    public static IReadOnlyDictionary<string, LheTeam> For(DuckDBConnection connection, int year) =>
        connection.Query("""
            SELECT unit_id, surat_tugas, start_date, end_date, role, name, nip
            FROM lhe_team WHERE year = $y ORDER BY unit_id, position
            """, ("y", year))
            .Select(r => (Unit: r.GetString(0), Letter: r.GetString(1), Start: DateOnly.FromDateTime(r.GetDateTime(2)), End: DateOnly.FromDateTime(r.GetDateTime(3)),
                Member: new TeamMember(r.GetString(4), r.GetString(5), r.GetString(6))))
            .ToList()
            .GroupBy(r => r.Unit, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new LheTeam(g.Key, year, g.First().Letter, g.First().Start, g.First().End, [.. g.Select(r => r.Member)]), StringComparer.Ordinal);
}
