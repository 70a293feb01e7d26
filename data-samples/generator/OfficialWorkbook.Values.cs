using Integritas.Domain.Lke;
using Integritas.Domain.Rules;

namespace Integritas.SampleData;

public static partial class OfficialWorkbook
{
    /// <summary>What the workbook would compute and cache for one layer, in decimal (blank answers left out of means), its quirks included.</summary>
    private sealed class Values
    {
        private readonly RuleSet _rule;
        private readonly WorkbookLayer _layer;
        private readonly WorkbookQuirks _typed;
        private readonly Dictionary<string, decimal?> _answers = [];

        public Values(RuleSet rule, List<Line> lines, WorkbookLayer layer, WorkbookQuirks typed)
        {
            _rule = rule;
            _layer = layer;
            _typed = typed;
            Lines = lines;
            foreach (var line in lines.Where(l => l.Kind is Kind.Question or Kind.HasilItem))
            {
                _answers[line.Code!] = line.AnswerKind == AnswerKind.PERSEN ? (typed.TypedPercents.TryGetValue(line.Code!, out var t) ? t : CachedRatio(line.Code!))
                    : layer.Answers.TryGetValue(line.Code!, out var a) ? AnswerParser.Parse(rule, line.AnswerKind!.Value, a).Value : null;
            }
        }

        public List<Line> Lines { get; }

        public decimal? Answer(string code) => _answers.GetValueOrDefault(code);

        public IReadOnlyList<int?>? Counts(string code) => _layer.Counts.GetValueOrDefault(code);

        /// <summary>The ratio the counts give (the catalogue's formula: a subtotal's parts add up to it).</summary>
        public decimal? Ratio(string code)
        {
            var question = Lines.First(l => l.Code == code && l.Kind == Kind.Question).Question!;
            return _layer.Counts.TryGetValue(code, out var counts)
                ? PercentItems.Compute(question, [.. counts.Select(c => (decimal?)c)]).Ratio
                : null;
        }

        /// <summary>What the subtotal row caches: its SUM over its parts, or the constant typed over it.</summary>
        public int? Subtotal(Line subtotal)
        {
            if (_typed.TypedSubtotals.TryGetValue(subtotal.Code!, out var typed))
            {
                return typed;
            }
            var counts = Counts(subtotal.Code!);
            return counts is null ? null : subtotal.Parts.Sum(p => counts[p.CountIndex] ?? 0);
        }

        /// <summary>The ratio the workbook's formula caches: numerator over the subtotal row where there is one.</summary>
        public decimal? CachedRatio(string code)
        {
            var line = Lines.First(l => l.Code == code && l.Kind == Kind.Question);
            if (line.Subtotal is { } subtotal && _typed.TypedSubtotals.ContainsKey(code) && Counts(code) is { } counts)
            {
                var numerator = line.Question!.Inputs.Select((input, i) => (input, i)).Where(x => x.input.Role == "numerator").Sum(x => counts[x.i] ?? 0);
                var denominator = Subtotal(subtotal)!.Value;
                return denominator == 0 ? null : Math.Min(1m, (decimal)numerator / denominator);
            }
            return Ratio(code);
        }

        public decimal Indicator(string code)
        {
            if (_typed.TypedValues.TryGetValue(code, out var typed))
            {
                return typed;
            }
            var line = Lines.First(l => l.Kind == Kind.Indicator && l.Code == code);
            if (line.Children.Count > 0 && line.Children[0].Kind == Kind.Indicator)
            {
                return _typed.BrokenGroupFormulas.Contains(code) ? Indicator(line.Children[0].Code!) : line.Children.Sum(c => Indicator(c.Code!));
            }
            var answered = line.Children.Select(q => _answers.GetValueOrDefault(q.Code!)).Where(v => v is not null).Select(v => v!.Value).ToList();
            return answered.Count == 0 ? 0 : answered.Sum() / answered.Count * line.Weight!.Value;
        }

        public decimal Area(string key) => _typed.TypedValues.TryGetValue(key, out var typed) ? typed
            : Lines.First(l => l.Kind == Kind.Area && l.Code == key).Children.Sum(i => Indicator(i.Code!));

        public decimal Part(string part) => Lines.Where(l => l.Kind == Kind.Area && l.Code!.EndsWith(":" + part, StringComparison.Ordinal)).Sum(a => Area(a.Code!));

        public decimal Pengungkit => Part("pemenuhan") + Part("reform");

        public decimal Hasil(string code)
        {
            var weight = _rule.FindHasilPart(code)!.Weight;
            return (_answers.GetValueOrDefault(code) ?? 0) * weight;
        }

        public decimal Group(string code) => _rule.HasilParts.Where(p => p.Group == code).Sum(p => Hasil(p.Code));

        public decimal HasilTotal => _rule.HasilGroups.Sum(g => Group(g.Code));
    }
}
