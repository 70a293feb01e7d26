using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;

namespace Integritas.SampleData;

public static partial class OfficialWorkbook
{
    private enum Kind
    {
        Component,
        Part,
        Area,
        Indicator,
        Question,
        Count,
        Subtotal,
        HasilGroup,
        HasilItem,
        Total,
        Note,
    }

    private sealed class Line
    {
        public required Kind Kind { get; init; }
        public string[] Texts { get; } = new string[6];
        public decimal? Weight { get; init; }
        public string? Criteria { get; init; }
        public string? KindText { get; set; }
        public string? Code { get; init; }
        public AnswerKind? AnswerKind { get; init; }
        public CatalogQuestion? Question { get; init; }
        public int CountIndex { get; init; } = -1;
        public int Row { get; set; }
        public List<Line> Children { get; } = [];

        /// <summary>A percentage item's subtotal row, and a subtotal's part rows.</summary>
        public Line? Subtotal { get; set; }
        public List<Line> Parts { get; } = [];
    }

    private static readonly string[] Roman = ["i.", "ii.", "iii.", "iv.", "v.", "vi.", "vii.", "viii."];

    /// <summary>The workbook's rows, from the catalogue in the regulation's layout: hierarchy, questions, count rows, totals.</summary>
    private static List<Line> Lines(RuleSet rule, LkeCatalog catalog, WorkbookQuirks quirks, SubIndicatorNumbering subNumbering)
    {
        var lines = new List<Line>();
        Line Add(Kind kind, decimal? weight = null, string? code = null, params string?[] texts)
        {
            var line = new Line { Kind = kind, Weight = weight, Code = code };
            for (var i = 0; i < texts.Length && i < 6; i++)
            {
                line.Texts[i] = texts[i] ?? "";
            }
            lines.Add(line);
            return line;
        }
        Line Indicator(string code, decimal weight, string number, string name)
        {
            var line = Add(Kind.Indicator, weight, code, null, null, null, number, name);
            line.KindText = quirks.PercentOnIndicatorRows.Contains(code) ? "%" : null;
            return line;
        }
        Add(Kind.Component, rule.PengungkitWeight, "pengungkit", "A.", "PENGUNGKIT");
        foreach (var part in new[] { LkePart.Pemenuhan, LkePart.Reform })
        {
            Add(Kind.Part, rule.Areas.Sum(a => rule.PartWeight(a, part)), part.ToCode(), null, part == LkePart.Pemenuhan ? "I." : "II.", part == LkePart.Pemenuhan ? "PEMENUHAN" : "REFORM");
            for (var a = 0; a < rule.Areas.Count; a++)
            {
                var area = rule.Areas[a];
                var number = quirks.SkippedNumbering && a == 3 ? "3." : $"{a + 1}.";
                var areaLine = Add(Kind.Area, rule.PartWeight(area, part), $"{area.Code}:{part.ToCode()}", null, null, number, area.Name.ToUpperInvariant());
                var entries = catalog.Entries(area.Code, part);
                for (var e = 0; e < entries.Count; e++)
                {
                    var entry = entries[e];
                    // Hand-kept numbering: in Pemenuhan, Tatalaksana's third indicator repeats "ii." and SDM's second has none.
                    var numeral = quirks.SkippedNumbering && part == LkePart.Pemenuhan && (a, e) is (1, 2) ? Roman[1]
                        : quirks.SkippedNumbering && part == LkePart.Pemenuhan && (a, e) is (2, 1) ? ""
                        : Roman[e];
                    var line = Indicator(entry.Code, entry.Weight, numeral, entry.Name);
                    areaLine.Children.Add(line);
                    if (!entry.IsGroup)
                    {
                        Questions(lines, line, entry.Indicators[0], quirks);
                        continue;
                    }
                    for (var s = 0; s < entry.Indicators.Count; s++)
                    {
                        var sub = entry.Indicators[s];
                        var subNumber = subNumbering == SubIndicatorNumbering.Letters ? $"{(char)('a' + s)}." : s == 0 ? "i." : "";
                        var subLine = Indicator(sub.Code, sub.Weight, subNumber, sub.Name);
                        line.Children.Add(subLine);
                        Questions(lines, subLine, sub, quirks);
                    }
                }
            }
        }
        lines.Add(new Line { Kind = Kind.Total, Code = "pengungkit", Texts = { [0] = "TOTAL PENGUNGKIT" } });
        Add(Kind.Component, rule.HasilWeight, "hasil", "B.", "HASIL");
        foreach (var group in rule.HasilGroups)
        {
            var groupLine = Add(Kind.HasilGroup, group.Weight, group.Code, null, group == rule.HasilGroups[0] ? "I." : "II.", group.Name.ToUpperInvariant());
            var parts = rule.HasilParts.Where(p => p.Group == group.Code).ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                var question = catalog.FindQuestion(parts[i].Code)!.Value.Question;
                var line = new Line { Kind = Kind.HasilItem, Code = parts[i].Code, Weight = parts[i].Weight, AnswerKind = question.Kind, Question = question, Criteria = question.Criteria };
                line.Texts[2] = parts.Count == 1 ? "-" : ((char)('a' + i)).ToString();
                line.Texts[3] = question.Text;
                line.KindText = question.Kind == AnswerKind.INDEKS && quirks.LineBreaks ? "Nilai\n(0-4)" : KindText(question.Kind);
                lines.Add(line);
                groupLine.Children.Add(line);
            }
        }
        lines.Add(new Line { Kind = Kind.Total, Code = "hasil", Texts = { [0] = "TOTAL HASIL" } });
        lines.Add(new Line { Kind = Kind.Total, Code = "total", Texts = { [0] = "NILAI HASIL EVALUASI ZONA INTEGRITAS" } });
        if (quirks.SignatureRows)
        {
            lines.Add(new Line { Kind = Kind.Note });
            lines.Add(new Line { Kind = Kind.Note, Texts = { [5] = "Mengetahui," } });
            lines.Add(new Line { Kind = Kind.Note, Texts = { [5] = "Kepala Unit Kerja" } });
            lines.Add(new Line { Kind = Kind.Note });
            lines.Add(new Line { Kind = Kind.Note, Texts = { [5] = "(tanda tangan dan nama jelas)" } });
        }
        return lines;
    }

    /// <summary>An indicator's questions and, under each percentage item, its "Jumlah" rows (a subtotal over the rows it adds up first, as the regulation prints it).</summary>
    private static void Questions(List<Line> lines, Line parent, CatalogIndicator indicator, WorkbookQuirks quirks)
    {
        var letter = 0;
        foreach (var question in indicator.Questions)
        {
            var questionNo = question.Kind == AnswerKind.PERSEN && indicator.Questions.Count == 1 ? "-" : $"{(char)('a' + letter)}.";
            letter += quirks.SkippedNumbering && letter == 1 ? 2 : 1;
            var text = quirks.LineBreaks && question.Text.Length > 40 ? question.Text[..40] + "\n" + question.Text[40..] : question.Text;
            var line = new Line { Kind = Kind.Question, Code = question.Code, AnswerKind = question.Kind, Question = question, Criteria = question.Criteria };
            line.Texts[4] = questionNo;
            line.Texts[5] = text;
            line.KindText = quirks.KindTypos.TryGetValue(question.Code, out var typo) ? typo
                : question.Kind == AnswerKind.INDEKS && quirks.LineBreaks ? "Nilai\n(0-4)"
                : quirks.StrayKindSpaces ? Spaced(KindText(question.Kind), lines.Count)
                : KindText(question.Kind);
            lines.Add(line);
            parent.Children.Add(line);
            for (var c = 0; c < question.Inputs.Count; c++)
            {
                var input = question.Inputs[c];
                var isPart = question.Subtotal is { } s && input.Role == s.Role;
                if (isPart && line.Subtotal is null)
                {
                    line.Subtotal = new Line { Kind = Kind.Subtotal, KindText = "Jumlah", Code = question.Code, Question = question };
                    line.Subtotal.Texts[4] = "-";
                    line.Subtotal.Texts[5] = question.Subtotal!.Text;
                    lines.Add(line.Subtotal);
                }
                var count = new Line { Kind = Kind.Count, KindText = "Jumlah", Code = question.Code, CountIndex = c, Question = question };
                if (question.Subtotal is not null && !isPart)
                {
                    // Beside the subtotal, not under it (Lampiran III page 85: "- Jumlah yang sudah melaporkan").
                    count.Texts[4] = "-";
                    count.Texts[5] = input.Text;
                }
                else
                {
                    count.Texts[5] = "- " + input.Text;
                }
                lines.Add(count);
                line.Children.Add(count);
                if (isPart)
                {
                    line.Subtotal!.Parts.Add(count);
                }
            }
            if (quirks.NoteRowAfter == question.Code)
            {
                var note = new Line { Kind = Kind.Note };
                note.Texts[5] = "Catatan: bukti dukung menyusul setelah rapat pimpinan";
                lines.Add(note);
            }
        }
    }

    /// <summary>A kind cell with the stray spaces and line breaks hand-typed copies carry (still the exact kind once spaces are ignored).</summary>
    private static string Spaced(string kind, int n) => (n % 9) switch
    {
        1 => kind + " ",
        4 => " " + kind + "\n",
        7 => kind.Replace("/", " / ", StringComparison.Ordinal),
        _ => kind,
    };

    private static string KindText(AnswerKind kind) => kind switch
    {
        AnswerKind.YT => "Ya/Tidak",
        AnswerKind.ABC => "A/B/C",
        AnswerKind.ABCD => "A/B/C/D",
        AnswerKind.ABCDE => "A/B/C/D/E",
        AnswerKind.PERSEN => "%",
        _ => "Nilai (0-4)",
    };
}
