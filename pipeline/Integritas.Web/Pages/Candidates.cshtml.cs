using Integritas.Analytics;
using Integritas.Web.Accounts;
using Integritas.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages;

/// <summary>Next year's WBK or WBBM candidates (as <c>zi candidates</c>), with the projection's backtest and the workbook download.</summary>
public sealed class CandidatesModel(ReadSession data) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int? Selected { get; private set; }

    public string Goal { get; private set; } = "WBK";

    public IReadOnlyList<CandidateAnalysis> Candidates { get; private set; } = [];

    public BacktestResult? Backtest { get; private set; }

    public void OnGet()
    {
        Years = data.Years;
        Selected = data.Year(Year);
        Goal = CandidatesQuery.Goal(Target);
        if (Selected is { } year)
        {
            (Candidates, var backtest) = CandidatesQuery.Load(data, year, Goal, User.Scope());
            Backtest = backtest.Units == 0 ? null : backtest;
        }
    }
}
