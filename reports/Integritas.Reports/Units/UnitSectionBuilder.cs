using Integritas.Analytics;
using Integritas.Domain.Formatting;
using Integritas.Domain.Readiness;
using Integritas.Domain.Scoring;
using Integritas.Store.Queries;

namespace Integritas.Reports.Units;

/// <summary>Builds a unit's <see cref="UnitSection"/>: the one place that decides what a unit's page says.</summary>
public static class UnitSectionBuilder
{
    /// <param name="data">The year's data.</param>
    /// <param name="score">The unit-year.</param>
    /// <param name="no">Its position in the year's list.</param>
    /// <param name="radar">The radar picture's path, as the template's data holds it.</param>
    /// <param name="trend">The trend picture's path; null when the report shows the years as a table only.</param>
    public static UnitSection Build(YearData data, UnitYearScore score, int no, string radar, string? trend)
    {
        var card = score.Card;
        var rule = card.Rule;
        var readiness = score.Readiness;
        var id = score.Unit.UnitId;
        // A unit holding the highest level aims at keeping it.
        var target = data.History.TargetOf(score) ?? rule.Predicates[^1].Code;
        var level = rule.FindPredicate(target)!;
        var criteria = readiness.For(target).ToList();
        var blocking = criteria.Where(c => c.Blocks).ToList();
        var needed = data.CandidateOf(id)?.Needed ?? ReadinessEvaluator.Points(card, level);
        var years = TrendAnalysis.UnitTrendOf(data.History, id).Years;
        var minimum = (string metric) => level.Criteria.FirstOrDefault(c => c.Metric == metric)?.Min;

        return new UnitSection(
            no,
            id,
            score.Unit.UnitName,
            score.Unit.Instansi,
            ReadinessText.Layer(score.Layer),
            readiness.Verdict,
            ReadinessText.Label(readiness.Verdict),
            readiness.ScoreVerdict,
            score.Highest is { } held ? $"{held.Predicate} {held.Year}" : "belum ada",
            target,
            level.Name,
            blocking.Count == 0,
            Status(score, target, blocking),
            Verdict(score, target, blocking, needed),
            Score.Round2(card.Total ?? 0),
            Score.Round2(years.FirstOrDefault(y => y.Year == score.Year)?.TotalChange),
            Score.Round2(card.Pengungkit),
            Score.Round2(card.Hasil ?? 0),
            minimum("total") ?? 0,
            minimum("pengungkit") ?? 0,
            Score.Round2(needed.Total),
            readiness.NextLevel,
            Score.Round2(readiness.NextLevelPoints?.Total),
            card.BlankQuestions,
            radar,
            trend,
            [.. criteria.Where(c => c.Kind != CriterionKind.Prerequisite).Select(Row)],
            [.. criteria.Where(c => c.Kind == CriterionKind.Prerequisite).Select(Row)],
            [.. blocking.Select(Row)],
            Needs(card, level, needed),
            Questions(data.QuestionsOf(id)),
            [.. years.Select(y => new YearRow(y.Year, y.RuleVersion, Score.Round2(y.Total), Score.Round2(y.TotalChange), y.Verdict))],
            [.. data.ReviewsOf(id).Select(Review)],
            [.. data.FindingsOf(id).Select(FindingOf)]);
    }

    public static CriterionRow Row(CriterionResult c) => new(
        c.Label, c.ShortLabel, ReadinessText.Value(c), ReadinessText.Requirement(c), ReadinessText.StatusCode(c.Status), ReadinessText.StatusLabel(c.Status),
        ReadinessText.Gap(c), c.Note);

    /// <summary>Where the unit stands, in a few words.</summary>
    private static string Status(UnitYearScore score, string target, List<CriterionResult> blocking)
    {
        var held = score.Highest;
        if (score.Readiness.HeldBelow is { } below)
        {
            return $"Pemegang {below}, di bawah kriteria {below}";
        }
        if (held?.Predicate == target)
        {
            return blocking.Count == 0 ? $"Mempertahankan {target}" : $"Pemegang {target}, syarat belum lengkap";
        }
        if (blocking.Count == 0)
        {
            return $"Siap diusulkan {target}";
        }
        if (blocking.All(c => c.Kind == CriterionKind.Prerequisite))
        {
            return $"Nilai memenuhi {target}, syarat belum lengkap";
        }
        return held is null ? $"Menuju {target}" : $"Pemegang {held.Predicate}, menuju {target}";
    }

    /// <summary>Where the unit stands, in plain sentences for its head: the verdict, what holds it back, by how much.</summary>
    private static string Verdict(UnitYearScore score, string target, List<CriterionResult> blocking, PointsNeeded needed)
    {
        var year = score.Year;
        var held = score.Highest;
        var scoreGaps = blocking.Where(c => c.Kind != CriterionKind.Prerequisite).ToList();
        var prerequisiteGaps = blocking.Where(c => c.Kind == CriterionKind.Prerequisite).ToList();
        var sentences = new List<string>();
        if (held?.Predicate == target)
        {
            sentences.Add(blocking.Count == 0
                ? $"Unit ini memegang predikat {target} sejak {held.Year} dan pada penilaian {year} tetap memenuhi seluruh kriteria {target}."
                : $"Unit ini memegang predikat {target} sejak {held.Year}, tetapi pada penilaian {year} belum memenuhi seluruh kriteria {target}.");
        }
        else if (blocking.Count == 0)
        {
            sentences.Add($"Unit ini memenuhi seluruh kriteria nilai dan syarat pengusulan {target} pada penilaian {year} dan dapat diusulkan {target} pada {year + 1}.");
        }
        else if (scoreGaps.Count == 0)
        {
            sentences.Add($"Nilai unit ini memenuhi kriteria {target} pada penilaian {year}; unit dapat diusulkan setelah syarat pengusulan yang tertinggal dipenuhi.");
        }
        else
        {
            sentences.Add($"Unit ini belum memenuhi kriteria {target} pada penilaian {year}.");
        }
        // Only the scores: a holder missing a prerequisite is not "below the criteria" in its scores, and the
        // prerequisites are named below.
        if (score.Readiness.HeldBelow is { } below && held is not null && below != target)
        {
            var lost = string.Join("; ", score.Readiness.HeldShortfalls.Take(3).Select(ReadinessText.Gap));
            sentences.Add($"Nilainya juga berada di bawah kriteria {below} yang telah dipegang sejak {held.Year}: {lost}.");
        }
        var points = scoreGaps.Where(c => c.Kind is CriterionKind.Points or CriterionKind.Percent).ToList();
        if (points.Count > 0)
        {
            var gaps = string.Join("; ", points.Take(3).Select(ReadinessText.Gap)) + (points.Count > 3 ? $"; dan {points.Count - 3} kriteria lain" : "");
            sentences.Add(needed.Total is { } total
                ? $"Dibutuhkan sekurang-kurangnya {Formats.Number(total)} poin tambahan, terutama pada: {gaps}."
                : $"Kekurangan utama: {gaps}.");
        }
        if (score.Card.BlankQuestions > 0)
        {
            sentences.Add($"LKE masih memuat {score.Card.BlankQuestions} soal yang belum dijawab; LKE yang belum lengkap tidak dapat dinyatakan siap.");
        }
        if (prerequisiteGaps.Count > 0)
        {
            var unknown = prerequisiteGaps.Count(c => c.Status == CriterionStatus.Unknown);
            var names = string.Join(", ", prerequisiteGaps.Select(c => c.ShortLabel));
            sentences.Add(unknown == prerequisiteGaps.Count
                ? $"Data syarat pengusulan berikut belum diterima: {names}."
                : $"Syarat pengusulan yang belum terpenuhi atau belum ada datanya: {names}.");
        }
        return string.Join(" ", sentences);
    }

    /// <summary>Each area (% of weight) and hasil part (points) against the target level's minimum, with the points it lacks.</summary>
    private static IReadOnlyList<NeedRow> Needs(ScoreCard card, Domain.Rules.PredicateRule level, PointsNeeded needed)
    {
        var rows = new List<NeedRow>();
        foreach (var area in card.Areas)
        {
            var min = level.Criteria.FirstOrDefault(c => c.Metric == $"areaPercent:{area.Code}")?.Min;
            var points = needed.ByArea.GetValueOrDefault(area.Code);
            rows.Add(new NeedRow(area.Code, area.Rule.Name, Formats.Number(Score.Round2(area.Percent)) + "%", min is { } m ? ReadinessText.Min(m) + "%" : "-", points, points > 0));
        }
        foreach (var part in card.HasilParts)
        {
            var min = level.Criteria.FirstOrDefault(c => c.Metric == $"part:{part.Code}")?.Min;
            var points = needed.ByHasilPart.GetValueOrDefault(part.Code);
            rows.Add(new NeedRow(part.Code, part.Rule.Name, part.Value is { } v ? Formats.Number(Score.Round2(v)) : "tidak tersedia",
                min is { } m ? ReadinessText.Min(m) : "-", points, points > 0));
        }
        return rows;
    }

    private static IReadOnlyList<QuestionRow> Questions(IReadOnlyList<QuestionGain> gains) =>
        [.. gains.Select((g, i) => g.Blank
            ? new QuestionRow(i + 1, g.Question, g.Area, "-", "-", "belum dijawab", null, true, g.Text)
            : new QuestionRow(i + 1, g.Question, g.Area, Formats.Answer(g.Kind, g.Answer), Formats.Answer(g.Kind, g.NextAnswer ?? ""), $"{Formats.Answer(g.Kind, g.Answer)} → {Formats.Answer(g.Kind, g.NextAnswer ?? "")}",
                Score.Round2(g.Gain), false, g.Text))];

    private static ReviewRow Review(LayerReview r) => new(
        ReadinessText.Layer(r.Reviewer), Score.Round2(r.UnitTotal), Score.Round2(r.ReviewerTotal), Score.Change(r.ReviewerTotal, r.UnitTotal), r.Changes.Count,
        [.. r.Changes.Select(c => new AnswerChangeRow(c.Question, Formats.Answer(c.Kind, c.UnitAnswer), Formats.Answer(c.Kind, c.ReviewerAnswer), Math.Round(c.PointsMoved, 3, MidpointRounding.AwayFromZero)))]);

    public static FindingRow FindingOf(FindingInfo f) => new(
        f.UnitId,
        f.File,
        f.Sheet is null ? f.Cell ?? "-" : $"{f.Sheet} {f.Cell}".Trim(),
        FindingKind(f.Level),
        f.Item ?? "-",
        f.Cached,
        f.Recomputed,
        f.Cached is { } cached && f.Recomputed is { } recomputed ? recomputed - cached : null);

    /// <summary>
    /// A finding in one line for readers: what was found, where in the LKE, and for a value the workbook's and the
    /// recomputed one, e.g. "PW-R3: buku kerja 1,3493, hitung ulang 1,5".
    /// </summary>
    public static string FindingText(FindingInfo f)
    {
        static string N(decimal v) => v.ToString("#,0.####", Formats.Indonesian);
        var item = f.Item ?? "-";
        return f.Cached is { } cached && f.Recomputed is { } recomputed
            ? $"{item}: buku kerja {N(cached)}, hitung ulang {N(recomputed)}"
            : $"{item} · {FindingKind(f.Level)}";
    }

    /// <summary>A finding's kind in words (the ingest's own messages are for the log, in English).</summary>
    public static string FindingKind(string level) => level switch
    {
        Ingest.Finding.Value => "Nilai buku kerja berbeda dari hitung ulang jawaban",
        Ingest.Finding.TypedOverFormula => "Nilai diketik menimpa rumus",
        Ingest.Finding.AnswerKind => "Jenis jawaban ditulis tidak baku, dibaca otomatis",
        Ingest.Finding.ZeroDenominator => "Pembagi nol pada butir persentase",
        Ingest.Finding.IgnoredRow => "Baris tanpa jenis jawaban diabaikan",
        _ => level,
    };
}
