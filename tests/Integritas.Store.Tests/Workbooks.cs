using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.SampleData;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

/// <summary>Official-layout workbooks for tests: every answer at its best unless a test says otherwise.</summary>
internal static class Workbooks
{
    public static readonly RuleSet Rule = RuleCatalog.Default.Find("90/2021")!;

    /// <summary>A layer with the best answer everywhere (percentage items 10 of 10), then the given answers and counts.</summary>
    public static WorkbookLayer Layer(Reviewer reviewer = Reviewer.Unit, IReadOnlyDictionary<string, string>? answers = null, IReadOnlyDictionary<string, IReadOnlyList<int?>>? counts = null)
    {
        var all = new Dictionary<string, string>();
        var allCounts = new Dictionary<string, IReadOnlyList<int?>>();
        foreach (var question in LkeCatalog.Lke90.Questions)
        {
            if (question.Kind == AnswerKind.PERSEN)
            {
                // Full marks: violations fell from 2 to 0; every numerator equals the sum of its denominators.
                var denominators = question.Inputs.Count(i => i.Role == "denominator");
                allCounts[question.Code] = question.Formula == "decrease"
                    ? [2, 0, 0]
                    : [.. question.Inputs.Select(i => (int?)(i.Role switch { "denominator" => 10, "numerator" => 10 * denominators, _ => 0 }))];
            }
            else
            {
                all[question.Code] = Some.Best(question.Kind);
            }
        }
        foreach (var (code, answer) in answers ?? new Dictionary<string, string>())
        {
            all[code] = answer;
        }
        foreach (var (code, list) in counts ?? new Dictionary<string, IReadOnlyList<int?>>())
        {
            allCounts[code] = list;
        }
        return new WorkbookLayer(reviewer, all, allCounts);
    }

    public static byte[] LkeZi(WorkbookLayer? layer = null, WorkbookQuirks? quirks = null) =>
        OfficialWorkbook.WriteLkeZi(Rule, LkeCatalog.Lke90, layer ?? Layer(), quirks);

    public static byte[] Tpi(params WorkbookLayer[] layers) => OfficialWorkbook.WriteTpi(Rule, LkeCatalog.Lke90, layers);
}
