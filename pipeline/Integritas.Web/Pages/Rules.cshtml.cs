using Integritas.Domain.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integritas.Web.Pages;

/// <summary>The rule versions as data (as <c>zi rules</c>): years, weights, thresholds, prerequisites and the source of each number.</summary>
public sealed class RulesModel(RuleCatalog rules) : PageModel
{
    public RuleCatalog Catalog => rules;

    public void OnGet()
    {
    }
}
