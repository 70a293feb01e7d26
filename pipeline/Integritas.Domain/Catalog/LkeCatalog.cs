using System.Text.Json;
using Integritas.Domain.Lke;

namespace Integritas.Domain.Catalog;

/// <summary>A count input ("Jumlah" row) a percentage item is computed from.</summary>
public sealed record CountInput(string Role, int PortalId, string Text);

/// <summary>
/// A "Jumlah" row that is the sum of the inputs of one role listed under it (90/2021 LHKPN: "Jumlah yang harus
/// melaporkan" = Kepala satuan kerja + Pejabat yang diwajibkan + Lainnya). In the workbook it is a formula; it is
/// not an input of its own.
/// </summary>
public sealed record CountSubtotal(string Role, string Text);

/// <summary>
/// A question of the LKE. Percentage items carry their <see cref="Formula"/> and the count inputs in the
/// order the workbook lists its "Jumlah" rows (the inputs a <see cref="Subtotal"/> adds up follow its row), and
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
    CountSubtotal? Subtotal = null,
    decimal? ZeroDenominator = null,
    string? ZeroDenominatorReason = null,
    string? Source = null)
{
    /// <summary>How an input is named to a reader: a subtotal's part with the subtotal's text ("Jumlah yang harus melaporkan: Lainnya").</summary>
    public string InputLabel(int index) =>
        Subtotal is { } s && Inputs[index].Role == s.Role ? $"{s.Text}: {Inputs[index].Text}" : Inputs[index].Text;
}

/// <summary>An indicator that is scored: the mean of its questions × its weight. <see cref="Group"/> names the group it sits in, if any.</summary>
public sealed record CatalogIndicator(string Code, string Area, LkePart Part, string Name, decimal Weight, IReadOnlyList<CatalogQuestion> Questions,
    string? Group = null, string? Source = null);

/// <summary>
/// An indicator with no questions of its own whose value is the sum of its sub-indicators' (90/2021 Lampiran III
/// "iii. Penyampaian Laporan Harta Kekayaan" over LHKPN and LHKASN).
/// </summary>
public sealed record CatalogGroup(string Code, string Area, LkePart Part, string Name, decimal Weight, IReadOnlyList<CatalogIndicator> Indicators, string? Source = null);

/// <summary>One entry of an area-part as the LKE lists it: an indicator, or a group of sub-indicators.</summary>
public sealed record CatalogEntry(string Code, string Name, decimal Weight, IReadOnlyList<CatalogIndicator> Indicators, bool IsGroup);

/// <summary>
/// The question bank of one LKE template: indicators with their weights and questions, the codes the
/// canonical format uses for them, and their PortalRB question ids. <see cref="Indicators"/> are the scored
/// indicators (a group's sub-indicators in its place); <see cref="Groups"/> the groups they sit in.
/// Indicator weights inside an area changed between template versions (domain reference 1.3), so scoring
/// takes weights from each export; the catalogue names things and lays out generated workbooks.
/// </summary>
public sealed record LkeCatalog(string Id, string RuleVersion, string Title, string Source, IReadOnlyList<CatalogIndicator> Indicators, IReadOnlyList<CatalogGroup> Groups)
{
    private static readonly Lazy<LkeCatalog> Current = new(() => LoadEmbedded("catalog/lke-90-2021.json"));

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The 90/2021 LKE as PortalRB serves it for 2026.</summary>
    public static LkeCatalog Lke90 => Current.Value;

    public IEnumerable<CatalogQuestion> Questions => Indicators.SelectMany(i => i.Questions);

    public CatalogIndicator? FindIndicator(string code) => Indicators.FirstOrDefault(i => i.Code == code);

    public CatalogGroup? FindGroup(string code) => Groups.FirstOrDefault(g => g.Code == code);

    /// <summary>The entries of one area and part in the LKE's order: indicators, and groups in the place of their sub-indicators.</summary>
    public IReadOnlyList<CatalogEntry> Entries(string area, LkePart part)
    {
        var entries = new List<CatalogEntry>();
        foreach (var indicator in Indicators.Where(i => i.Area == area && i.Part == part))
        {
            if (indicator.Group is null)
            {
                entries.Add(new CatalogEntry(indicator.Code, indicator.Name, indicator.Weight, [indicator], false));
            }
            else if (entries.All(e => e.Code != indicator.Group))
            {
                var group = FindGroup(indicator.Group)!;
                entries.Add(new CatalogEntry(group.Code, group.Name, group.Weight, group.Indicators, true));
            }
        }
        return entries;
    }

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
        var indicators = new List<CatalogIndicator>();
        var groups = new List<CatalogGroup>();
        foreach (var entry in dto.Indicators)
        {
            if (entry.Indicators is { Count: > 0 } children)
            {
                // A group: its sub-indicators are the scored indicators, listed in its place.
                var group = entry.ToGroup(name, [.. children.Select(c => c.ToIndicator(name, entry.Code))]);
                groups.Add(group);
                indicators.AddRange(group.Indicators);
            }
            else
            {
                indicators.Add(entry.ToIndicator(name, null));
            }
        }
        return new LkeCatalog(dto.Id, dto.RuleVersion, dto.Title, dto.Source, indicators, groups);
    }

    private sealed record CatalogDto(string Id, string RuleVersion, string Title, string Source, List<IndicatorDto> Indicators);

    private sealed record IndicatorDto(string Code, string Area, string Part, string Name, decimal Weight, List<QuestionDto>? Questions, List<IndicatorDto>? Indicators, string? Source)
    {
        private LkePart ParsedPart(string file) =>
            LkeCodes.TryParsePart(Part, out var part) ? part : throw new InvalidOperationException($"{file}: indicator {Code} has unknown part '{Part}'.");

        public CatalogIndicator ToIndicator(string file, string? group) => Questions is { Count: > 0 } questions
            ? new(Code, Area, ParsedPart(file), Name, Weight, [.. questions.Select(q => q.ToQuestion(file))], group, Source)
            : throw new InvalidOperationException($"{file}: indicator {Code} has neither questions nor sub-indicators.");

        public CatalogGroup ToGroup(string file, IReadOnlyList<CatalogIndicator> children) =>
            Questions is { Count: > 0 } ? throw new InvalidOperationException($"{file}: group {Code} has questions of its own; a group's value is the sum of its sub-indicators.")
            : children.Sum(c => c.Weight) != Weight ? throw new InvalidOperationException($"{file}: the sub-indicators of group {Code} weigh {children.Sum(c => c.Weight)}, not its {Weight}.")
            : new(Code, Area, ParsedPart(file), Name, Weight, children, Source);
    }

    private sealed record QuestionDto(string Code, string Text, string Kind, int? PortalId, string? Criteria, string? Formula, List<CountInput>? Inputs,
        CountSubtotal? Subtotal, decimal? ZeroDenominator, string? ZeroDenominatorReason, string? Source)
    {
        public CatalogQuestion ToQuestion(string file) => new(Code, Text,
            LkeCodes.TryParseKind(Kind, out var kind) ? kind : throw new InvalidOperationException($"{file}: question {Code} has unknown kind '{Kind}'."),
            PortalId, Criteria, Formula, Inputs ?? [], Subtotal, ZeroDenominator, ZeroDenominatorReason, Source);
    }
}
