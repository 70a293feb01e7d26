using Integritas.Analytics;
using Integritas.Store.Queries;
using Integritas.Web.Accounts;

namespace Integritas.Web.Data;

/// <summary>
/// What a user's scope lets them see. Figures are computed over every unit (as the CLI does) and then filtered,
/// so a unit's rank or points are the same for every reader; pictures that summarise many units are drawn from the
/// units in scope only, so nothing outside the scope shows in them.
/// </summary>
public static class Scoping
{
    public static bool Allows(this UserScope scope, UnitInfo unit) => scope.Allows(unit.UnitId, unit.Instansi);

    public static IReadOnlyList<UnitYearScore> Visible(this ScoreHistory history, UserScope scope, int year) =>
        [.. history.InYear(year).Where(s => scope.Allows(s.Unit)).OrderBy(s => s.Unit.UnitId, StringComparer.Ordinal)];

    /// <summary>The history of the units in scope only (the same history when the scope is everything).</summary>
    public static ScoreHistory Restrict(this ScoreHistory history, UserScope scope) =>
        scope.IsLimited ? new ScoreHistory([.. history.All.Where(s => scope.Allows(s.Unit))], history.Held, history.Rules) : history;

    /// <summary>The unit of a code when the user may see it; null (answer 404) when it does not exist or is out of scope.</summary>
    public static string? FindUnit(this ScoreHistory history, UserScope scope, string code)
    {
        var unit = history.All.Select(s => s.Unit).FirstOrDefault(u => string.Equals(u.UnitId, code.Trim(), StringComparison.OrdinalIgnoreCase));
        return unit is not null && scope.Allows(unit) ? unit.UnitId : null;
    }
}
