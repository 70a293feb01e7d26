using DuckDB.NET.Data;
using Integritas.Domain.Lke;

namespace Integritas.Store.Queries;

/// <summary>One answer a reviewer changed: the unit's own answer, the reviewer's, and the points the change moves.</summary>
public sealed record AnswerChange(string Question, string Indicator, string Kind, string UnitAnswer, string ReviewerAnswer, decimal PointsMoved);

/// <summary>How one review layer differs from the unit's own LKE for one unit-year.</summary>
public sealed record LayerReview(string UnitId, string UnitName, int Year, Reviewer Reviewer, decimal? UnitTotal, decimal? ReviewerTotal, IReadOnlyList<AnswerChange> Changes)
{
    public decimal? Moved => UnitTotal is { } u && ReviewerTotal is { } r ? r - u : null;
}

/// <summary>Where reviewers (TPI unit, TPI Itjen, TPN) changed the unit's own answers, and by how much the score moved.</summary>
public sealed class ReviewChanges(Domain.Rules.RuleCatalog rules)
{
    public IReadOnlyList<LayerReview> For(DuckDBConnection connection, int year, string? unitId = null)
    {
        var scores = new ScoreQueries(rules);
        var reviews = new List<LayerReview>();
        var layers = connection.Query("""
            SELECT r.unit_id, r.unit_name, r.reviewer, u.submission_id, r.submission_id
            FROM submission r JOIN submission u ON u.unit_id = r.unit_id AND u.year = r.year AND u.reviewer = 'unit' AND u.is_current
            WHERE r.is_current AND r.year = $year AND r.reviewer <> 'unit' AND ($unit IS NULL OR r.unit_id = $unit)
              AND r.source_kind = 'items' AND u.source_kind = 'items'
            ORDER BY r.unit_id, r.reviewer
            """, ("year", year), ("unit", unitId))
            .Select(r => (Unit: r.GetString(0), Name: r.GetString(1), Reviewer: r.GetString(2), UnitId: r.GetInt64(3), ReviewerId: r.GetInt64(4)))
            .ToList();
        foreach (var layer in layers)
        {
            // An answer's points = its value ÷ the indicator's answered questions × the indicator's weight.
            var changes = connection.Query("""
                WITH unit AS (SELECT *, count(value) OVER (PARTITION BY indicator) AS answered FROM answer WHERE submission_id = $u),
                     reviewer AS (SELECT *, count(value) OVER (PARTITION BY indicator) AS answered FROM answer WHERE submission_id = $r)
                SELECT r.question, r.indicator, r.kind, u.answer, r.answer,
                       coalesce(r.value / nullif(r.answered, 0), 0) * r.indicator_weight - coalesce(u.value / nullif(u.answered, 0), 0) * u.indicator_weight
                FROM reviewer r JOIN unit u USING (question)
                WHERE r.answer IS DISTINCT FROM u.answer
                ORDER BY r.source_line
                """, ("u", layer.UnitId), ("r", layer.ReviewerId))
                .Select(r => new AnswerChange(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Convert.ToDecimal(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            var unitTotal = scores.Load(connection, new ScoreFilter(SubmissionId: layer.UnitId)).SingleOrDefault()?.Card.Total;
            var reviewerTotal = scores.Load(connection, new ScoreFilter(SubmissionId: layer.ReviewerId)).SingleOrDefault()?.Card.Total;
            LkeCodes.TryParseReviewer(layer.Reviewer, out var reviewer);
            reviews.Add(new LayerReview(layer.Unit, layer.Name, year, reviewer, unitTotal, reviewerTotal, changes));
        }
        return [.. reviews.OrderBy(r => r.UnitId, StringComparer.Ordinal).ThenBy(r => r.Reviewer)];
    }
}
