using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;

namespace Integritas.Ingest.Workbook;

/// <summary>
/// Which "Jumlah" row holds which count input of a percentage item's formula. <see cref="Subtotal"/> is a row
/// that adds up others (LHKPN's "Jumlah yang harus melaporkan"): not an input of its own.
/// </summary>
internal sealed record CountMap(CatalogQuestion Formula, IReadOnlyList<SheetLine> Inputs, SheetLine? Subtotal);

/// <summary>
/// Names the tree's rows with the catalogue's codes by what they say — indicator names, question texts, and
/// for percentage items the texts of their "Jumlah" rows — so that stored codes (PW-R3A-a …) do not depend on
/// numbering or on the order a copy keeps; a row the catalogue does not know gets a code by its place.
/// </summary>
internal sealed class CatalogMatcher(RuleSet rule, LkeCatalog catalog, SheetLayout layout,
    Func<SheetLine, AnswerKind?> readKind, Action<SheetLine, int, string> error)
{
    private const double Alike = 0.5;

    public void Match(LkeNode root)
    {
        foreach (var area in root.Descendants().Where(n => n.Level == NodeLevel.Area).ToList())
        {
            var prefix = $"{area.Area}-{(area.Part == LkePart.Pemenuhan ? "P" : "R")}";
            MatchIndicators(area.Children, catalog.Entries(area.Area, area.Part), n => $"{prefix}{n}");
        }
        foreach (var item in root.Descendants().Where(n => n.Level == NodeLevel.HasilItem).ToList())
        {
            MatchHasil(item);
        }
    }

    private void MatchIndicators(List<LkeNode> nodes, IReadOnlyList<CatalogEntry> entries, Func<int, string> fresh)
    {
        var map = TextMatch.Assign([.. nodes.Select(n => n.Line!.Name)], [.. entries.Select(e => e.Name)], Alike);
        var used = new HashSet<string>(map.Where(m => m >= 0).Select(m => entries[m].Code), StringComparer.Ordinal);
        var subs = entries.Where(e => e.IsGroup).SelectMany(e => e.Indicators).ToList();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var entry = map[i] >= 0 ? entries[map[i]] : null;
            if (!node.IsGroup && entry is null or { IsGroup: true }
                && subs.Where(s => !used.Contains(s.Code)).MaxBy(s => TextMatch.Similarity(node.Line!.Name, s.Name)) is { } sub
                && TextMatch.Similarity(node.Line!.Name, sub.Name) >= Alike)
            {
                // A copy that lists a group's sub-indicators without the group's row (LHKPN and LHKASN flat under the area).
                entry = new CatalogEntry(sub.Code, sub.Name, sub.Weight, [sub], false);
                used.Add(sub.Code);
            }
            node.Code = entry?.Code ?? Fresh(fresh, i + 1, used);
            if (node.IsGroup)
            {
                var subEntries = entry is { IsGroup: true } ? entry.Indicators.Select(s => new CatalogEntry(s.Code, s.Name, s.Weight, [s], false)).ToList() : [];
                var code = node.Code;
                MatchIndicators(node.Children, subEntries, n => $"{code}{(char)('A' + n - 1)}");
            }
            else
            {
                MatchQuestions(node, entry?.Indicators ?? []);
            }
        }
    }

    private void MatchQuestions(LkeNode leaf, IReadOnlyList<CatalogIndicator> indicators)
    {
        var candidates = indicators.SelectMany(i => i.Questions).ToList();
        var kinds = leaf.Questions.Select(q => readKind(q.Line)).ToList();
        var map = TextMatch.Assign(leaf.Questions.Count, candidates.Count, (i, j) => Score(leaf.Questions[i], kinds[i], candidates[j]), Alike);
        var used = new HashSet<string>(map.Where(m => m >= 0).Select(m => candidates[m].Code), StringComparer.Ordinal);
        foreach (var (q, i) in leaf.Questions.Select((q, i) => (q, i)).ToList())
        {
            var known = map[i] >= 0 ? candidates[map[i]] : null;
            q.Catalog = known;
            q.Code = known?.Code ?? Fresh(n => $"{leaf.Code}-{(char)('a' + n - 1)}", i + 1, used);
            if ((kinds[i] ?? known?.Kind) is not { } kind)
            {
                error(q.Line, layout.Kind, "the answer kind is missing and this question is not in the catalogue");
                leaf.Questions.Remove(q);
                continue;
            }
            q.Kind = kind;
            if (kind == AnswerKind.PERSEN)
            {
                q.Counts = MapCounts(q);
            }
        }
    }

    /// <summary>How alike a question row is to a catalogue question: its text, and for a percentage item its "Jumlah" rows too.</summary>
    private static double Score(LkeQuestion q, AnswerKind? kind, CatalogQuestion candidate)
    {
        var score = TextMatch.Similarity(q.Line.Text, candidate.Text);
        if (candidate.Kind == AnswerKind.PERSEN && q.CountLines.Count > 0)
        {
            score = Math.Max(score, CountScore(q.CountLines, candidate));
        }
        return kind is { } k && k != candidate.Kind ? score * 0.6 : score;
    }

    private static double CountScore(List<SheetLine> lines, CatalogQuestion candidate)
    {
        var labels = candidate.Inputs.Select(i => i.Text).Concat(candidate.Subtotal is { } s ? [s.Text] : []).ToList();
        return lines.Count == 0 ? 0 : lines.Average(l => labels.Max(t => TextMatch.Similarity(l.Text, t)));
    }

    /// <summary>The formula of a percentage item: its own catalogue entry's when its "Jumlah" rows fit it, else the item whose rows they are.</summary>
    private CountMap? MapCounts(LkeQuestion q)
    {
        string? reason = null;
        if (q.Catalog is { Kind: AnswerKind.PERSEN } own)
        {
            var (map, why) = Map(own, q.CountLines);
            if (map is not null)
            {
                return map;
            }
            reason = why;
        }
        var other = catalog.Questions.Where(c => c.Kind == AnswerKind.PERSEN && c != q.Catalog)
            .Select(c => (Question: c, Score: 0.3 * TextMatch.Similarity(q.Line.Text, c.Text) + 0.7 * CountScore(q.CountLines, c)))
            .Where(c => c.Score >= Alike)
            .OrderByDescending(c => c.Score)
            .Select(c => Map(c.Question, q.CountLines).Map)
            .FirstOrDefault(m => m is not null);
        if (other is not null)
        {
            q.Catalog ??= other.Formula;
            return other;
        }
        error(q.CountLines.FirstOrDefault() ?? q.Line, SheetLayout.Question, reason is not null
            ? $"percentage item {q.Code}: {reason}"
            : $"percentage item {q.Code}: its 'Jumlah' rows ({string.Join("; ", q.CountLines.Select(l => l.Text))}) match no percentage item of the catalogue, so its formula is unknown");
        return null;
    }

    /// <summary>Maps the rows to the item's inputs by their texts (order breaking ties); one row more than inputs is the subtotal or a row that is a formula.</summary>
    private (CountMap? Map, string? Why) Map(CatalogQuestion question, List<SheetLine> lines)
    {
        var rows = lines.ToList();
        SheetLine? subtotal = null;
        var n = question.Inputs.Count;
        if (rows.Count == n + 1)
        {
            var formulas = rows.Where(IsFormula).ToList();
            subtotal = formulas.Count == 1 ? formulas[0]
                : question.Subtotal is { } s ? rows.OrderByDescending(r => TextMatch.Similarity(r.Text, s.Text)).First()
                : null;
            if (subtotal is null)
            {
                return (null, $"expects {n} 'Jumlah' rows, found {rows.Count}");
            }
            rows.Remove(subtotal);
        }
        else if (rows.Count != n)
        {
            return (null, $"expects {n} 'Jumlah' rows, found {rows.Count}");
        }
        return (new CountMap(question, BestOrder(rows, question), subtotal), null);
    }

    /// <summary>The rows in the inputs' order: the assignment whose texts agree best, the rows' own order breaking ties.</summary>
    private static List<SheetLine> BestOrder(List<SheetLine> rows, CatalogQuestion question)
    {
        var scores = rows.Select(r => question.Inputs.Select(i => TextMatch.Similarity(r.Text, i.Text)).ToArray()).ToArray();
        var best = Enumerable.Range(0, rows.Count).ToArray();
        var bestScore = double.MinValue;
        foreach (var order in Permutations(Enumerable.Range(0, rows.Count).ToList()))
        {
            // order[k] = the row for input k; keeping a row in its place is worth a little.
            var score = order.Select((row, input) => scores[row][input] + (row == input ? 0.001 : 0)).Sum();
            if (score > bestScore)
            {
                (best, bestScore) = (order, score);
            }
        }
        return [.. best.Select(r => rows[r])];
    }

    private static IEnumerable<int[]> Permutations(List<int> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }
        foreach (var first in items)
        {
            foreach (var rest in Permutations([.. items.Where(i => i != first)]))
            {
                yield return [first, .. rest];
            }
        }
    }

    private bool IsFormula(SheetLine line) => layout.Layers.Any(l => line.Row[l.Answer]?.HasFormula == true);

    private void MatchHasil(LkeNode item)
    {
        var question = item.Questions[0];
        var kind = readKind(question.Line);
        var group = item.Parent!.Code;
        var code = HasilPart(SheetLayout.Normalize(question.Line.Text + " " + item.Line!.Name), kind, group);
        if (code is null || rule.FindHasilPart(code) is not { } part)
        {
            error(item.Line, SheetLayout.Indicator, $"cannot tell which hasil part this row is (expected {string.Join(", ", rule.HasilParts.Select(p => p.Name))})");
            item.Questions.Clear();
            return;
        }
        item.Code = code;
        item.Weight = item.Weight < 0 ? part.Weight : item.Weight;
        question.Kind = kind ?? part.Kind ?? AnswerKind.INDEKS;
        question.Code = code;
        question.Catalog = catalog.FindQuestion(code)?.Question;
    }

    private string? HasilPart(string text, AnswerKind? kind, string group)
    {
        if (text.Contains("KORUPSI", StringComparison.Ordinal) || text.Contains("IPAK", StringComparison.Ordinal))
        {
            return rule.FindHasilPart("IPAK")?.Code;
        }
        if (text.Contains("CAPAIAN", StringComparison.Ordinal))
        {
            return rule.FindHasilPart("CAPAIAN")?.Code;
        }
        if (text.Contains("PELAYANAN", StringComparison.Ordinal) || text.Contains("IPKP", StringComparison.Ordinal))
        {
            return rule.FindHasilPart("IPKP")?.Code;
        }
        return rule.HasilParts.FirstOrDefault(p => p.Group == group && p.Kind == kind)?.Code;
    }

    private static string Fresh(Func<int, string> code, int start, HashSet<string> used)
    {
        var n = start;
        while (!used.Add(code(n)))
        {
            n++;
        }
        return code(n);
    }
}
