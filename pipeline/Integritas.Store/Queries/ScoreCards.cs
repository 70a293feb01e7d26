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
        // Read field by field off the text (no split strings): loading a national database reads 200,000 cards.
        var position = 0;
        if (!Field(text, ref position, ';', out var questionsText) || !Field(text, ref position, ';', out var blankText)
            || !int.TryParse(questionsText, NumberStyles.None, CultureInfo.InvariantCulture, out var questions)
            || !int.TryParse(blankText, NumberStyles.None, CultureInfo.InvariantCulture, out var blank))
        {
            return null;
        }
        var areas = new AreaScore[rule.Areas.Count];
        for (var i = 0; i < areas.Length; i++)
        {
            if (!Field(text, ref position, ';', out var field))
            {
                return null;
            }
            var first = field.IndexOf(',');
            var second = first < 0 ? -1 : field[(first + 1)..].IndexOf(',') + first + 1;
            if (first < 0 || second <= first || field[(second + 1)..].Contains(',')
                || !TryNumber(field[..first], out var pemenuhan) || !TryNumber(field[(first + 1)..second], out var reform)
                || !TryNumber(field[(second + 1)..], out var total) || total is not { } areaTotal)
            {
                return null;
            }
            areas[i] = new AreaScore(rule.Areas[i], pemenuhan, reform, areaTotal);
        }
        var parts = new HasilPartScore[rule.HasilParts.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!Field(text, ref position, ';', out var field) || !TryNumber(field, out var value))
            {
                return null;
            }
            parts[i] = new HasilPartScore(rule.HasilParts[i], value);
        }
        return position <= text.Length ? null : new ScoreCard(rule, areas, parts, questions, blank);
    }

    /// <summary>The text from <paramref name="position"/> to the next <paramref name="separator"/> (or the end), moving past it; false past the end.</summary>
    private static bool Field(string text, ref int position, char separator, out ReadOnlySpan<char> field)
    {
        if (position > text.Length)
        {
            field = default;
            return false;
        }
        var at = text.AsSpan(position).IndexOf(separator);
        var end = at < 0 ? text.Length : position + at;
        field = text.AsSpan(position, end - position);
        position = end + 1;
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out decimal? value)
    {
        value = null;
        if (text.IsEmpty)
        {
            return true;
        }
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        value = number;
        return true;
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
