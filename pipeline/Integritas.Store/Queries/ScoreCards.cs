using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.Domain.Scoring;

namespace Integritas.Store.Queries;

/// <summary>
/// Item-level submissions' score cards, stored when they land (table <c>score_card</c>, migration 5) so that
/// reading a whole database's scores does not aggregate every answer again. A card is the scorer's own result
/// written exactly (decimals in invariant form keep their value and scale) and is used only while the rule
/// file it was scored under is unchanged (<see cref="RuleSet.Fingerprint"/>).
/// </summary>
public static class ScoreCards
{
    /// <summary>
    /// Scores the item-level submissions with ids from <paramref name="firstId"/> and stores their cards, in the
    /// caller's transaction (ingest stores a file's submissions and their cards together). Returns how many.
    /// </summary>
    public static int Store(DuckDBConnection connection, RuleCatalog rules, long firstId)
    {
        var heads = connection.Query("SELECT submission_id, rule_version, year FROM submission WHERE submission_id >= $first AND source_kind = 'items'", ("first", firstId))
            .Select(r => (Id: r.GetInt64(0), Rule: r.GetString(1), Year: r.GetInt32(2)))
            .ToDictionary(h => h.Id);
        if (heads.Count == 0)
        {
            return 0;
        }
        var stored = 0;
        using (var appender = connection.CreateAppender("score_card"))
        {
            foreach (var (id, tallies) in ScoreQueries.Tallies(connection, "",
                "SELECT submission_id FROM submission WHERE submission_id >= $first AND source_kind = 'items'", [("first", firstId)]))
            {
                var head = heads[id];
                // Unknown rules are refused when the file is checked; a card is only ever written for a known one.
                if (rules.Find(head.Rule) is not { } rule)
                {
                    continue;
                }
                appender.CreateRow().AppendValue(id).AppendValue(rule.Fingerprint).AppendValue(Write(LkeScorer.Score(rule, tallies))).EndRow();
                stored++;
            }
        }
        return stored;
    }

    /// <summary><c>questions;blank;</c> then <c>pemenuhan,reform,total</c> per area and the value per hasil part, in the rule's order.</summary>
    public static string Write(ScoreCard card)
    {
        var text = new StringBuilder();
        text.Append(card.Questions.ToString(CultureInfo.InvariantCulture)).Append(';').Append(card.BlankQuestions.ToString(CultureInfo.InvariantCulture));
        foreach (var area in card.Areas)
        {
            text.Append(';').Append(Number(area.Pemenuhan)).Append(',').Append(Number(area.Reform)).Append(',').Append(Number(area.Total));
        }
        foreach (var part in card.HasilParts)
        {
            text.Append(';').Append(Number(part.Value));
        }
        return text.ToString();
    }

    /// <summary>The card <see cref="Write"/> wrote for <paramref name="rule"/>, or null when it does not fit the rule's areas and parts.</summary>
    public static ScoreCard? Read(RuleSet rule, string text)
    {
        var fields = text.Split(';');
        if (fields.Length != 2 + rule.Areas.Count + rule.HasilParts.Count)
        {
            return null;
        }
        var areas = new AreaScore[rule.Areas.Count];
        for (var i = 0; i < areas.Length; i++)
        {
            var values = fields[2 + i].Split(',');
            if (values.Length != 3 || Parse(values[2]) is not { } total)
            {
                return null;
            }
            areas[i] = new AreaScore(rule.Areas[i], Parse(values[0]), Parse(values[1]), total);
        }
        var parts = new HasilPartScore[rule.HasilParts.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = new HasilPartScore(rule.HasilParts[i], Parse(fields[2 + areas.Length + i]));
        }
        return new ScoreCard(rule, areas, parts, int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static decimal? Parse(string text) =>
        text.Length == 0 ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
