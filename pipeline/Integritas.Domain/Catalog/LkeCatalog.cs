using System.Text.Json;
using Integritas.Domain.Lke;

namespace Integritas.Domain.Catalog;

/// <summary>A count input ("Jumlah" row) a percentage item is computed from.</summary>
public sealed record CountInput(string Role, int PortalId, string Text);

/// <summary>
/// A question of the LKE. Percentage items carry their <see cref="Formula"/> and the count inputs in the
/// order the workbook lists its "Jumlah" rows (after a heading row when <see cref="HeadingRow"/>), and
/// the ratio scored when the denominator is zero (where the workbook shows #DIV/0!).
/// </summary>
public sealed record CatalogQuestion(
    string Code,
    string Text,
    AnswerKind Kind,
    int? PortalId,
    string? Criteria,
    string? Formula,
    IReadOnlyList<CountInput> Inputs,
    bool HeadingRow = false,
    decimal? ZeroDenominator = null,
    string? ZeroDenominatorReason = null);

public sealed record CatalogIndicator(string Code, string Area, LkePart Part, string Name, decimal Weight, IReadOnlyList<CatalogQuestion> Questions);

/// <summary>
/// The question bank of one LKE template: indicators with their weights and questions, the codes the
/// canonical format uses for them, and their PortalRB question ids. Indicator weights inside an area
/// changed between template versions (domain reference 1.3), so scoring takes weights from each export;
/// the catalogue names things and lays out generated workbooks.
/// </summary>
public sealed record LkeCatalog(string Id, string RuleVersion, string Title, string Source, IReadOnlyList<CatalogIndicator> Indicators)
{
    private static readonly Lazy<LkeCatalog> Current = new(() => LoadEmbedded("catalog/lke-90-2021.json"));

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The 90/2021 LKE as PortalRB serves it for 2026.</summary>
    public static LkeCatalog Lke90 => Current.Value;

    public IEnumerable<CatalogQuestion> Questions => Indicators.SelectMany(i => i.Questions);

    public CatalogIndicator? FindIndicator(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    public (CatalogIndicator Indicator, CatalogQuestion Question)? FindQuestion(string code) =>
        ByQuestion.TryGetValue(code, out var found) ? found : null;

    /// <summary>Questions by code (the first of a code wins), built once per catalogue: reports look up hundreds of thousands.</summary>
    private Dictionary<string, (CatalogIndicator Indicator, CatalogQuestion Question)> ByQuestion => QuestionIndex.GetValue(this, c => Index(c.Indicators));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LkeCatalog, Dictionary<string, (CatalogIndicator, CatalogQuestion)>> QuestionIndex = new();

    private static Dictionary<string, (CatalogIndicator, CatalogQuestion)> Index(IReadOnlyList<CatalogIndicator> indicators)
    {
        var index = new Dictionary<string, (CatalogIndicator, CatalogQuestion)>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            foreach (var question in indicator.Questions)
            {
                index.TryAdd(question.Code, (indicator, question));
            }
        }
        return index;
    }

    private static LkeCatalog LoadEmbedded(string name)
    {
        using var stream = typeof(LkeCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        var dto = JsonSerializer.Deserialize<CatalogDto>(stream, Json) ?? throw new InvalidOperationException($"{name} is empty.");
        return new LkeCatalog(dto.Id, dto.RuleVersion, dto.Title, dto.Source, [.. dto.Indicators.Select(i => i.ToIndicator(name))]);
    }

    private sealed record CatalogDto(string Id, string RuleVersion, string Title, string Source, List<IndicatorDto> Indicators);

    private sealed record IndicatorDto(string Code, string Area, string Part, string Name, decimal Weight, List<QuestionDto> Questions)
    {
        public CatalogIndicator ToIndicator(string file) => new(Code, Area,
            LkeCodes.TryParsePart(Part, out var part) ? part : throw new InvalidOperationException($"{file}: indicator {Code} has unknown part '{Part}'."),
            Name, Weight, [.. Questions.Select(q => q.ToQuestion(file))]);
    }

    private sealed record QuestionDto(string Code, string Text, string Kind, int? PortalId, string? Criteria, string? Formula, List<CountInput>? Inputs,
        bool HeadingRow, decimal? ZeroDenominator, string? ZeroDenominatorReason)
    {
        public CatalogQuestion ToQuestion(string file) => new(Code, Text,
            LkeCodes.TryParseKind(Kind, out var kind) ? kind : throw new InvalidOperationException($"{file}: question {Code} has unknown kind '{Kind}'."),
            PortalId, Criteria, Formula, Inputs ?? [], HeadingRow, ZeroDenominator, ZeroDenominatorReason);
    }
}
