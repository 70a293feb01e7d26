using Integritas.Analytics;
using Integritas.Domain.Readiness;
using Integritas.Store.Queries;
using Integritas.Web.Accounts;
using Integritas.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages;

/// <summary>The dashboard of a year: readiness counts, target vs ready vs awarded per instansi, the trend and area pictures, the units that fell back.</summary>
public sealed class IndexModel(ReadSession data) : PageModel
{
    /// <summary>How many of the units that fell back the dashboard lists.</summary>
    public const int Declines = 10;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int? Selected { get; private set; }

    public UserScope Scope { get; private set; } = UserScope.Everything;

    public IReadOnlyList<UnitYearScore> Scores { get; private set; } = [];

    public IReadOnlyList<TargetRow> Targets { get; private set; } = [];

    public IReadOnlyList<Mover> Declined { get; private set; } = [];

    public ILookup<string, LostCriterion> Lost { get; private set; } = Array.Empty<LostCriterion>().ToLookup(l => l.Unit.UnitId);

    public int? PreviousYear { get; private set; }

    public int Count(string verdict) => Scores.Count(s => s.Readiness.Verdict == verdict);

    public int ScoreOnly => Scores.Count(s => s.Readiness.ScoreVerdict != ReadinessResult.Belum && s.Readiness.Verdict != s.Readiness.ScoreVerdict);

    public int Incomplete => Scores.Count(s => !s.Card.IsComplete);

    public void OnGet()
    {
        Scope = User.Scope();
        Years = data.Years;
        Selected = data.Year(Year);
        if (Selected is not { } year)
        {
            return;
        }
        var history = data.History;
        Scores = history.Visible(Scope, year);
        Targets = [.. TargetAnalysis.For(data.Connection, history, year).Where(t => Scope.AllowsInstansi(t.Instansi))];
        var trends = TrendAnalysis.Build(history, year, movers: int.MaxValue);
        PreviousYear = trends.PreviousYear;
        Declined = [.. trends.Declined.Where(m => Scope.Allows(m.Unit)).Take(Declines)];
        Lost = trends.Lost.Where(l => Scope.Allows(l.Unit)).ToLookup(l => l.Unit.UnitId, StringComparer.Ordinal);
    }
}
