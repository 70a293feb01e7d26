using System.Globalization;
using Integritas.Domain.Formatting;
using Integritas.Domain.Scoring;
using Integritas.Reports.Units;
using Integritas.Store.Queries;

namespace Integritas.Reports.Lhe;

/// <summary>What the LHE's letter number is made of: the pattern and the first running number of the year's letters.</summary>
public sealed record LheSettings(string NumberPattern = LetterNumber.DefaultPattern, int FirstNumber = 1)
{
    public const string Section = "Integritas:Lhe";
}

/// <summary>
/// Builds a unit's <see cref="LheModel"/> from the year's loaded data: the values are the scored cards'
/// (<see cref="UnitYearScore"/>, the TPI's the most senior layer, the self-assessment the unit's own), the changes
/// are <see cref="LayerReview"/>s as <c>zi reviews</c> lists them, the recommendations the unit's questions to
/// improve as <c>zi unit</c> picks them; nothing is computed here that the CLI computes elsewhere.
/// </summary>
public static class LheBuilder
{
    public const int MaxChanges = 10;

    public static LheModel Build(YearData data, UnitSection unit, UnitYearScore score, int number, LheSettings settings, DateOnly today)
    {
        var year = data.Year;
        var self = data.SelfAssessmentOf(unit.UnitId);
        // When the unit's own LKE is the most senior layer stored, there is no TPI value beside it.
        var hasSelf = self is not null && self.Layer != score.Layer;
        var selfCard = hasSelf ? self!.Card : null;
        var card = score.Card;
        var rule = data.Rule;
        var pengungkit = card.Areas.Select(a => Row(a.Code, a.Rule.Name, a.Rule.Weight, selfCard?.Area(a.Code)?.Total, a.Total)).ToList();
        var hasil = card.HasilParts.Select(p => Row(p.Code, p.Rule.Name, p.Rule.Weight, selfCard?.Part(p.Code), p.Value)).ToList();
        var reviews = data.ReviewsOf(unit.UnitId);
        var changes = reviews.SelectMany(r => r.Changes.Select(c => (Review: r, Change: c)))
            .OrderByDescending(x => Math.Abs(x.Change.PointsMoved)).ThenBy(x => x.Review.Reviewer).ThenBy(x => x.Change.Question, StringComparer.Ordinal)
            .Take(MaxChanges).ToList();
        return new LheModel(
            LetterNumber.Format(settings.NumberPattern, number, today),
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            year,
            year + 1,
            $"Laporan Hasil Evaluasi Pembangunan Zona Integritas Tahun {year}",
            ReportFiles.RuleLabel(rule),
            [new LegalBasisRow("PermenPANRB " + rule.Id, rule.Title), .. rule.Amendments.Select(a => new LegalBasisRow("PermenPANRB " + a.Id, a.Title))],
            unit.Layer,
            hasSelf,
            Assignment(data.TeamOf(unit.UnitId)),
            pengungkit,
            hasil,
            Row("", "Jumlah komponen pengungkit", rule.PengungkitWeight, selfCard?.Pengungkit, card.Pengungkit),
            Row("", "Jumlah komponen hasil", rule.HasilWeight, selfCard?.Hasil, card.Hasil),
            Row("", "Nilai total", rule.Total, selfCard?.Total, card.Total),
            Findings(unit, reviews, changes),
            [.. changes.Select((x, i) => new ChangedAnswerRow(i + 1, x.Change.Question, Text.Layer(x.Review.Reviewer), Formats.Answer(x.Change.Kind, x.Change.UnitAnswer),
                Formats.Answer(x.Change.Kind, x.Change.ReviewerAnswer), Signed(x.Change.PointsMoved, 3)))],
            Recommendations(unit),
            unit);
    }

    private static ResultRow Row(string code, string name, decimal weight, decimal? self, decimal? tpi) => new(
        code, name, Formats.Number(weight), self is { } s ? Formats.Number(Score.Round2(s)) : "-", tpi is { } t ? Formats.Number(Score.Round2(t)) : "-",
        Score.Change(tpi, self) is { } d ? Signed(d, 2) : "-");

    /// <summary>A signed change as the CLI writes one: "+0,75", "-1,20", "0,00".</summary>
    public static string Signed(decimal value, int decimals) => (value > 0 ? "+" : "") + Formats.Number(value, decimals);

    private static LheAssignment Assignment(LheTeam? team) => team is null
        ? new LheAssignment(false, "", "", "", [])
        : new LheAssignment(true, team.SuratTugas, Formats.Date(team.Start), Formats.Date(team.End),
            [.. team.Members.Select((m, i) => new MemberRow(i + 1, RoleName(m.Role), m.Name, Nip(m.Nip)))]);

    public static string RoleName(string role) => role switch
    {
        "pengendali_mutu" => "Pengendali Mutu",
        "pengendali_teknis" => "Pengendali Teknis",
        "ketua" => "Ketua Tim",
        "anggota" => "Anggota Tim",
        _ => role,
    };

    /// <summary>A NIP grouped as letters print it: birth date, appointment, sex, sequence.</summary>
    public static string Nip(string nip) => nip.Length == 18 ? $"{nip[..8]} {nip[8..14]} {nip[14]} {nip[15..]}" : nip;

    private static IReadOnlyList<string> Findings(UnitSection unit, IReadOnlyList<LayerReview> reviews, IReadOnlyList<(LayerReview Review, AnswerChange Change)> changes)
    {
        var findings = new List<string>();
        foreach (var review in reviews)
        {
            var layer = Text.Layer(review.Reviewer);
            if (review.Changes.Count == 0)
            {
                findings.Add($"{layer} tidak mengubah jawaban penilaian mandiri unit.");
                continue;
            }
            var down = review.Changes.Count(c => c.PointsMoved < 0);
            var up = review.Changes.Count(c => c.PointsMoved > 0);
            var totals = review.UnitTotal is { } u && review.ReviewerTotal is { } r
                ? $" Nilai total penilaian mandiri {Formats.Number(Score.Round2(u))} menjadi {Formats.Number(Score.Round2(r))} menurut {layer} ({Signed(Score.Round2(r) - Score.Round2(u), 2)} poin)."
                : "";
            findings.Add($"{layer} mengubah {review.Changes.Count} jawaban penilaian mandiri unit: {down} diturunkan, {up} dinaikkan{(review.Changes.Count - down - up > 0 ? $", {review.Changes.Count - down - up} tanpa pengaruh nilai" : "")}.{totals}");
        }
        foreach (var (review, change) in changes.Take(5))
        {
            var verb = change.PointsMoved < 0 ? "diturunkan" : change.PointsMoved > 0 ? "dinaikkan" : "diubah";
            var effect = change.PointsMoved == 0 ? "tanpa mengubah nilai" : $"sehingga nilai {(change.PointsMoved < 0 ? "berkurang" : "bertambah")} {Formats.Number(Math.Abs(change.PointsMoved), 3)} poin";
            findings.Add($"Jawaban {change.Question} {verb} {Text.Layer(review.Reviewer)} dari {Formats.Answer(change.Kind, change.UnitAnswer)} menjadi {Formats.Answer(change.Kind, change.ReviewerAnswer)}, {effect}.");
        }
        foreach (var shortfall in unit.Shortfalls)
        {
            findings.Add($"Kriteria {unit.Target} belum terpenuhi — {shortfall.Label}: {shortfall.Value} (syarat {shortfall.Minimum}).");
        }
        return findings;
    }

    private static IReadOnlyList<string> Recommendations(UnitSection unit)
    {
        var list = new List<string>();
        foreach (var q in unit.Questions)
        {
            list.Add(q.Blank
                ? $"Lengkapi jawaban {q.Question} ({q.Text}), yang belum dijawab: LKE yang belum lengkap tidak dapat dinyatakan siap."
                : $"Tingkatkan {q.Question} ({q.Text}) dari {q.Answer} menjadi {q.NextAnswer}; nilai bertambah {Formats.Number(q.Gain ?? 0)} poin.");
        }
        foreach (var need in unit.Needs.Where(n => n.Short))
        {
            list.Add($"Perkuat {need.Name}: {need.Value}, di bawah syarat {unit.Target} {need.Minimum} (kurang {Formats.Number(need.Points)} poin).");
        }
        if (list.Count == 0)
        {
            list.Add($"Pertahankan capaian seluruh komponen agar tetap memenuhi kriteria {unit.Target}.");
        }
        return list;
    }

    private static class Text
    {
        public static string Layer(Domain.Lke.Reviewer reviewer) => ReadinessText.Layer(reviewer);
    }
}
