using Integritas.Analytics;
using Integritas.Web.Accounts;

namespace Integritas.Web.Data;

/// <summary>The candidate list as <c>zi candidates</c> computes it (over every unit), then limited to the user's scope.</summary>
public static class CandidatesQuery
{
    public static string Goal(string? target) => string.Equals(target, "WBBM", StringComparison.OrdinalIgnoreCase) ? "WBBM" : "WBK";

    public static (IReadOnlyList<CandidateAnalysis> Candidates, BacktestResult Backtest) Load(ReadSession data, int year, string goal, UserScope scope)
    {
        var history = data.History;
        var candidates = CandidateAnalysisBuilder.For(data.Connection, history, year, goal);
        return ([.. candidates.Where(c => scope.Allows(c.Unit))], Backtest.For(history, year));
    }
}
