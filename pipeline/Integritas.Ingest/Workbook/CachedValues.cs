using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Ingest.Workbook;

/// <summary>
/// Compares the values a workbook caches in one layer's value column with the values recomputed from that
/// layer's answers — question, indicator, group, area, part, component, hasil group and total rows — and
/// records each difference: an override, a value typed over a formula, or a formula that does not add up what
/// it should (a group summing one of its two sub-indicators shows at the group and at every row above it).
/// </summary>
internal sealed class CachedValues(string sheet, RuleSet rule, LayerColumns layer, List<Finding> findings)
{
    private const decimal Tolerance = 0.0005m;

    public void Compare(LkeTreeBuilder tree, List<LkeRow> rows)
    {
        var column = layer.Value!.Value;
        var nodes = tree.Root.Descendants().ToList();
        var anyFormula = nodes.Any(n => n.Line?.Row[column]?.HasFormula == true);
        var tallies = rows.GroupBy(r => (r.Area, r.Part, r.Indicator, r.Weight))
            .Select(g => new IndicatorTally(g.Key.Area, g.Key.Part, g.Key.Indicator, g.Key.Weight, g.Sum(r => r.Value ?? 0), g.Count(r => r.Value is not null), g.Count(r => r.Value is null)))
            .ToList();
        var card = LkeScorer.Score(rule, tallies);
        var byCode = tallies.ToDictionary(t => t.Indicator, t => t.Value);
        var answers = rows.ToDictionary(r => r.Question, r => r.Value);

        void Compare(Row row, string level, string item, decimal? recomputed)
        {
            var cell = row[column];
            if (cell?.Number is not { } cached || recomputed is null || Math.Abs(cached - recomputed.Value) <= Tolerance)
            {
                return;
            }
            var typed = !cell.Value.HasFormula && anyFormula;
            findings.Add(new Finding(layer.Reviewer, sheet, cell.Value.Reference(row.Index), Finding.Value, item, cached, recomputed.Value,
                $"{(level == item ? level : $"{level} {item}")}: the workbook shows {LayerReader.Show(cached)}, its answers give {LayerReader.Show(recomputed.Value)}{(typed ? " (a value typed over the formula)" : "")}"));
        }

        decimal Value(LkeNode node) => node.IsLeaf ? byCode.GetValueOrDefault(node.Code) : node.Children.Sum(Value);

        foreach (var node in nodes)
        {
            var row = node.Line!.Row;
            switch (node.Level)
            {
                case NodeLevel.Indicator or NodeLevel.HasilItem when node.IsLeaf:
                    foreach (var q in node.Questions.Where(q => q.Kind != AnswerKind.PERSEN && q.Row != node.Line.Index && !node.IsHasil))
                    {
                        Compare(q.Line.Row, "question", q.Code, answers.GetValueOrDefault(q.Code));
                    }
                    Compare(row, node.IsHasil ? "hasil" : "indicator", node.Code, byCode.GetValueOrDefault(node.Code));
                    break;
                case NodeLevel.Indicator:
                    Compare(row, "group", node.Code, Value(node));
                    break;
                case NodeLevel.Area:
                    Compare(row, "area", $"{node.Area}:{node.Part.ToCode()}", node.Part == LkePart.Pemenuhan ? card.Area(node.Area)?.Pemenuhan : card.Area(node.Area)?.Reform);
                    break;
                case NodeLevel.Part:
                    Compare(row, "part", node.Part.ToCode(), node.Part == LkePart.Pemenuhan ? card.Pemenuhan : card.Reform);
                    break;
                case NodeLevel.HasilGroup:
                    Compare(row, "group", node.Code, card.Group(node.Code));
                    break;
                case NodeLevel.Component:
                    Compare(row, node.Code, node.Code, node.IsHasil ? card.Hasil : card.Pengungkit);
                    break;
            }
        }
        foreach (var (level, line) in tree.Totals)
        {
            Compare(line.Row, level, level, level switch { "pengungkit" => card.Pengungkit, "hasil" => card.Hasil, _ => card.Total });
        }
    }
}
