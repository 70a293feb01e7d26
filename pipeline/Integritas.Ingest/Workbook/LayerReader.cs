using System.Globalization;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Ingest.Workbook;

/// <summary>One review layer's answers as canonical rows: lettered and index answers parsed, percentage items computed from their counts.</summary>
internal sealed class LayerReader(string file, string sheet, UnitIdentity unit, RuleSet rule, List<Finding> findings, ErrorList errors)
{
    private const decimal Tolerance = 0.0005m;

    public List<LkeRow> Rows(LayerColumns layer, IReadOnlyList<LkeNode> leaves)
    {
        var rows = new List<LkeRow>();
        var name = unit.UnitName ?? unit.UnitId;
        var instansi = unit.Instansi ?? "";
        foreach (var leaf in leaves)
        {
            foreach (var q in leaf.Questions)
            {
                string answer;
                decimal? value;
                if (q.Kind == AnswerKind.PERSEN)
                {
                    (answer, value) = Percent(layer, q);
                }
                else
                {
                    var text = q.Line.Row[layer.Answer]?.Value.Trim() ?? "";
                    if (IsNotFilled(text))
                    {
                        text = "";
                    }
                    var parsed = AnswerParser.Parse(rule, q.Kind, text);
                    if (parsed.Error is not null)
                    {
                        errors.Add(new IngestError(file, $"{parsed.Error} ({q.Code}, layer {layer.Reviewer.ToCode()})", q.Row, Cell.ColumnName(layer.Answer), text, sheet));
                        continue;
                    }
                    (answer, value) = (parsed.Normalized, parsed.Value);
                }
                var note = layer.Note is { } n ? q.Line.Row.Text(n) : "";
                rows.Add(new LkeRow(q.Row, unit.Year, unit.UnitId, name, instansi, layer.Reviewer, rule.Id, leaf.Area, leaf.Part,
                    leaf.Code, leaf.Weight, q.Code, q.Kind, answer, value, sheet, note.Length == 0 ? null : note, Reference(layer.Answer, q.Row)));
            }
        }
        return rows;
    }

    private static bool IsNotFilled(string text) =>
        text.Length == 0 || text.StartsWith("BLM", StringComparison.OrdinalIgnoreCase) || text.StartsWith("BELUM", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A percentage item from its "Jumlah" rows. A subtotal row (a formula adding rows under it) is not an input:
    /// the rows it adds up are, as its formula and PortalRB both read them; a subtotal typed without those rows
    /// stands for their sum; a subtotal that disagrees with them is recorded. A ratio typed over the formula with
    /// no counts is taken as typed (and recorded).
    /// </summary>
    private (string Answer, decimal? Value) Percent(LayerColumns layer, LkeQuestion q)
    {
        if (q.Counts is not { } map)
        {
            return ("", null);
        }
        var reference = Reference(layer.Answer, q.Row);
        var counts = map.Inputs.Select(r => Count(r.Row, layer.Answer)).ToList();
        var subtotalCell = map.Subtotal?.Row[layer.Answer];
        var subtotalValue = map.Subtotal is { } s ? Count(s.Row, layer.Answer) : null;
        var typed = q.Line.Row[layer.Answer];
        if (counts.All(c => c is null) && (subtotalValue is null || subtotalCell?.HasFormula == true)
            && typed is { HasFormula: false } t && t.Value.Trim().Length > 0 && !IsNotFilled(t.Value))
        {
            var parsed = AnswerParser.Parse(rule, AnswerKind.PERSEN, t.Value);
            if (parsed.Error is not null)
            {
                errors.Add(new IngestError(file, $"{parsed.Error} ({q.Code})", q.Row, Cell.ColumnName(layer.Answer), t.Value, sheet));
                return ("", null);
            }
            findings.Add(new Finding(layer.Reviewer, sheet, reference, Finding.TypedOverFormula, q.Code, parsed.Value, null,
                $"{q.Code}: the percentage {LkeNumber.Canonical(parsed.Value!.Value)} is typed over the formula and its 'Jumlah' rows are empty; the typed value is used"));
            return (parsed.Normalized, parsed.Value);
        }
        if (map.Formula.Subtotal is { } role && map.Subtotal is { } line)
        {
            Subtotal(layer, q, role, line.Index, subtotalCell, subtotalValue, counts);
        }
        var result = PercentItems.Compute(map.Formula, counts);
        if (result.Error is not null)
        {
            errors.Add(new IngestError(file, $"{q.Code}: {result.Error}", map.Inputs.FirstOrDefault()?.Index ?? q.Row, Cell.ColumnName(layer.Answer), null, sheet));
            return ("", null);
        }
        if (result.Note is not null)
        {
            findings.Add(new Finding(layer.Reviewer, sheet, reference, Finding.ZeroDenominator, q.Code, typed?.Number, result.Ratio, $"{q.Code}: {result.Note}"));
        }
        if (result.Ratio is { } ratio && typed?.Number is { } cached && Math.Abs(cached - ratio) > Tolerance)
        {
            findings.Add(new Finding(layer.Reviewer, sheet, reference, Finding.Value, q.Code, cached, ratio,
                $"{q.Code}: the workbook shows {Show(cached)} but its 'Jumlah' rows give {Show(ratio)}{(typed.Value.HasFormula ? "" : " (a value typed over the formula)")}"));
        }
        return (result.Ratio is { } r ? LkeNumber.Canonical(r) : "", result.Ratio);
    }

    private void Subtotal(LayerColumns layer, LkeQuestion q, Domain.Catalog.CountSubtotal role, int row, Cell? cell, decimal? value, List<decimal?> counts)
    {
        var parts = Enumerable.Range(0, counts.Count).Where(i => q.Counts!.Formula.Inputs[i].Role == role.Role).ToList();
        var reference = Reference(layer.Answer, row);
        if (value is { } given && cell?.HasFormula != true && parts.All(i => counts[i] is null))
        {
            // Typed without the rows it adds up: the typed total is what the percentage formula reads.
            counts[parts[0]] = given;
            foreach (var i in parts.Skip(1))
            {
                counts[i] = 0;
            }
            findings.Add(new Finding(layer.Reviewer, sheet, reference, Finding.TypedOverFormula, q.Code, given, null,
                $"{q.Code}: '{Excerpt.Of(role.Text)}' is typed as {Show(given)} and the rows it adds up are empty; it is used as their sum"));
        }
        else if (value is { } shown && parts.All(i => counts[i] is not null) && parts.Sum(i => counts[i]!.Value) is var sum && sum != shown)
        {
            findings.Add(new Finding(layer.Reviewer, sheet, reference, Finding.Value, q.Code, shown, sum,
                $"{q.Code}: '{Excerpt.Of(role.Text)}' shows {Show(shown)}, but the rows it adds up give {Show(sum)}{(cell?.HasFormula == true ? "" : " (a value typed over the formula)")}; the rows are used"));
        }
    }

    private static decimal? Count(Row row, int column)
    {
        var cell = row[column];
        if (cell is null || cell.Value.Value.Trim().Length == 0)
        {
            return null;
        }
        return cell.Value.Number ?? (LkeNumber.TryParse(cell.Value.Value, out var n) ? n : -1);
    }

    private static string Reference(int column, int row) => Cell.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    internal static string Show(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);
}
