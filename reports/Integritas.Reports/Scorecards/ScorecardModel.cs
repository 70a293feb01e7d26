using System.ComponentModel;
using Integritas.Reports.Annual;
using Integritas.Reports.Units;

namespace Integritas.Reports.Scorecards;

/// <summary>
/// The data one unit's scorecard (<c>templates/rapor-unit.docx</c>) is filled from: the year and rule, and the
/// unit's <see cref="UnitSection"/> — the same record the annual report's section on the unit is filled from.
/// Fields of the unit are written through it: <c>{{unit.unitName}}</c>, <c>{{#each unit.questions}}</c>.
/// </summary>
public sealed record ScorecardModel(
    [property: Description("The scorecard's title, e.g. \"Rapor Zona Integritas 2025\".")] string Title,
    [property: Description("The evaluation year.")] int Year,
    [property: Description("The year units are proposed for (year + 1).")] int NextYear,
    [property: Description("The day the scorecard was written (yyyy-MM-dd); write {{generatedOn | date}}.")] string GeneratedOn,
    [property: Description("The rule as cited, e.g. \"PermenPANRB 90/2021 jo. 5/2024\".")] string Rule,
    [property: Description("The minimums of the year's rule.")] LevelMinimums Minimums,
    [property: Description("Units scored in the year, for \"one of N units\".")] int Units,
    [property: Description("The unit.")] UnitSection Unit);
