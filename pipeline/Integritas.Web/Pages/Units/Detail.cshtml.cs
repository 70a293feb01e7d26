using Integritas.Analytics;
using Integritas.Domain.Readiness;
using Integritas.Store.Queries;
using Integritas.Web.Accounts;
using Integritas.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages.Units;

/// <summary>
/// One unit explained for a year, with the same analysis as <c>zi unit</c> (<see cref="UnitExplanation"/>): scores per
/// area and part, every criterion, points needed, the projection, the questions that gain most, its history across
/// years and rules, reviewer changes and each answer's source. Another unit than the user's scope covers is 404.
/// </summary>
public sealed class DetailModel(ReadSession data) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public UnitExplanation Unit { get; private set; } = null!;

    public UnitYearScore Score => Unit.Score;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public PointsNeeded? Needed => Unit.Candidate?.Needed ?? Score.Readiness.NextLevelPoints;

    public IReadOnlyList<VersionInfo> Versions { get; private set; } = [];

    public IReadOnlyList<LayerReview> Reviews { get; private set; } = [];

    public IReadOnlyList<AnswerLineage> Answers { get; private set; } = [];

    public IReadOnlyList<FindingInfo> Findings { get; private set; } = [];

    public IActionResult OnGet(string kode)
    {
        var history = data.History;
        if (history.FindUnit(User.Scope(), kode) is not { } id)
        {
            return NotFound();
        }
        Years = [.. history.Of(id).Select(s => s.Year)];
        var year = Year is { } y && Years.Contains(y) ? y : Years[^1];
        if (Year is { } asked && asked != year)
        {
            return NotFound();
        }
        var score = history.Get(id, year)!;
        Unit = UnitExplanation.For(data.Connection, history, score);
        Versions = new Lineage(data.Rules).History(data.Connection, id);
        Reviews = new ReviewChanges(data.Rules).For(data.Connection, year, id);
        Findings = Lineage.Findings(data.Connection, year, id);
        var current = Versions.FirstOrDefault(v => v.Year == year && v.Layer == score.Layer && v.Current);
        Answers = current is null ? [] : Lineage.Answers(data.Connection, current.SubmissionId);
        return Page();
    }
}
