using System.Globalization;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Spreadsheets;

namespace Integritas.SampleData;

/// <summary>One review layer's answers: lettered/index answers by question code, and the counts of each percentage item in catalogue order.</summary>
public sealed record WorkbookLayer(Reviewer Reviewer, IReadOnlyDictionary<string, string> Answers, IReadOnlyDictionary<string, IReadOnlyList<int?>> Counts);

/// <summary>The imperfections hand-kept copies of the workbook carry, to write into a sample or a test file.</summary>
public sealed record WorkbookQuirks
{
    /// <summary>Answer-kind cells typed wrongly, by question code (e.g. "A/B/CD", a bare "Ya").</summary>
    public IReadOnlyDictionary<string, string> KindTypos { get; init; } = new Dictionary<string, string>();

    /// <summary>Constants typed over the value formula of an indicator (by code) or area (by "AREA:part"), in the first layer.</summary>
    public IReadOnlyDictionary<string, decimal> TypedValues { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Percentage items whose ratio is typed over the formula (first layer), keeping the counts.</summary>
    public IReadOnlyDictionary<string, decimal> TypedPercents { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Question numbering that skips a letter and area numbering that repeats one.</summary>
    public bool SkippedNumbering { get; init; }

    /// <summary>A hidden sheet with an older layout ("Ctt Eval").</summary>
    public bool HiddenSheet { get; init; }

    /// <summary>Line breaks inside question texts and answer-kind cells.</summary>
    public bool LineBreaks { get; init; }

    /// <summary>Signature and approval rows after the totals.</summary>
    public bool SignatureRows { get; init; }

    /// <summary>A note row (text, no answer kind, no answer) inserted after this question.</summary>
    public string? NoteRowAfter { get; init; }
}

/// <summary>
/// Writes LKE workbooks in the official PermenPANRB 90/2021 layouts: the unit's sheet "LKE ZI" (answers in
/// K, values in L) or the Itjen TPI template's sheet "Jawaban" (unit K, TPI unit O/P, TPI Itjen S/T), with
/// the workbook's formulas and the values Excel would cache for them.
/// </summary>
public static class OfficialWorkbook
{
    private sealed record Columns(int HeaderRow, int Weight, int Criteria, int Kind, IReadOnlyList<(Reviewer Reviewer, int Answer, int? Value, int? Note)> Layers);

    private static readonly Columns LkeZi = new(2, 8, 9, 10, [(Reviewer.Unit, 11, 12, 15)]);

    private static readonly Columns Jawaban = new(1, 8, 9, 10,
        [(Reviewer.Unit, 11, null, 12), (Reviewer.TpiUnit, 15, 16, 18), (Reviewer.TpiItjen, 19, 20, 22)]);

    private enum Kind
    {
        Component,
        Part,
        Area,
        Indicator,
        Question,
        Count,
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
    }

    public static byte[] WriteLkeZi(RuleSet rule, LkeCatalog catalog, WorkbookLayer unit, WorkbookQuirks? quirks = null) =>
        Write(rule, catalog, LkeZi, "LKE ZI", [unit], quirks ?? new());

    public static byte[] WriteTpi(RuleSet rule, LkeCatalog catalog, IReadOnlyList<WorkbookLayer> layers, WorkbookQuirks? quirks = null) =>
        Write(rule, catalog, Jawaban, "Jawaban", layers, quirks ?? new());

    private static byte[] Write(RuleSet rule, LkeCatalog catalog, Columns columns, string sheetName, IReadOnlyList<WorkbookLayer> layers, WorkbookQuirks quirks)
    {
        var lines = Lines(rule, catalog, quirks);
        var row = columns.HeaderRow + 1;
        foreach (var line in lines)
        {
            line.Row = row++;
        }
        var writer = new XlsxWriter { NeutraliseFormulaText = false };
        if (sheetName == "Jawaban")
        {
            foreach (var summary in new[] { "Unit", "TPI Unit", "TPI Itjen" })
            {
                writer.AddSheet(summary).Set("B1", "[NAMA UNIT]").Set("B2", "WBK").Set("B4", "Area Perubahan", CellStyle.Bold);
            }
        }
        var sheet = writer.AddSheet(sheetName);
        sheet.FrozenRows = columns.HeaderRow;
        if (sheetName == "LKE ZI")
        {
            sheet.Set(1, 1, "LAMPIRAN III PERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI NOMOR 90 TAHUN 2021", CellStyle.Bold);
        }
        Header(sheet, columns, sheetName);
        foreach (var (width, column) in new[] { (4.0, 1), (4.0, 2), (4.0, 3), (4.0, 4), (5.0, 5), (6.0, 6), (60.0, 7), (8.0, 8), (40.0, 9), (14.0, 10) })
        {
            sheet.Width(column, width);
        }
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var cols = columns.Layers.First(l => l.Reviewer == layer.Reviewer);
            var values = new Values(rule, lines, layer, i == 0 ? quirks : new WorkbookQuirks());
            foreach (var line in lines)
            {
                WriteLayer(sheet, line, cols, values, layer, i == 0 ? quirks : new WorkbookQuirks());
            }
        }
        foreach (var line in lines)
        {
            WriteStructure(sheet, line, columns);
        }
        if (quirks.HiddenSheet)
        {
            var old = writer.AddSheet("Ctt Eval", hidden: true);
            old.Set("B2", "Catatan evaluasi (susunan lama)").Set("B4", "Standar Pelayanan").Set("H4", 1.5m).Set("B5", "Budaya Pelayanan Prima").Set("H5", 2m);
        }
        return writer.Save();
    }

    private static void Header(XlsxSheet sheet, Columns columns, string sheetName)
    {
        var r = columns.HeaderRow;
        if (sheetName == "LKE ZI")
        {
            foreach (var (column, text) in new[] { (1, "No"), (2, "Komponen / Sub Komponen / Area / Indikator / Pertanyaan"), (8, "Bobot"), (9, "Penjelasan"),
                         (10, "Pilihan Jawaban"), (11, "Jawaban"), (12, "Nilai"), (13, "%"), (15, "Catatan/Keterangan"), (16, "Bukti Dukung"), (17, "Tautan Bukti") })
            {
                sheet.Set(r, column, text, CellStyle.Header);
            }
            return;
        }
        foreach (var (column, text) in new[] { (1, "ID"), (2, "Penilaian"), (8, "Bobot"), (9, "Kriteria Nilai"), (10, "Pilihan Jawaban"), (11, "Jawaban Unit"),
                     (12, "Catatan/Keterangan/Penjelasan (Unit)"), (13, "Daftar Bukti Dukung (Unit)"), (14, "Tautan Bukti Dukung Baru"), (15, "Jawaban TPI"),
                     (16, "Nilai"), (17, " %"), (18, "Catatan/Keterangan/Penjelasan (TPI Unit)"), (19, "Jawaban TPI KESDM"), (20, "Nilai"), (21, " %"),
                     (22, "Catatan/Keterangan/Penjelasan (TPI KESDM)") })
        {
            sheet.Set(r, column, text, CellStyle.Header);
        }
    }

    /// <summary>The workbook's rows, from the catalogue: hierarchy, questions, count rows, totals.</summary>
    private static List<Line> Lines(RuleSet rule, LkeCatalog catalog, WorkbookQuirks quirks)
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
        var roman = new[] { "i.", "ii.", "iii.", "iv.", "v.", "vi.", "vii.", "viii." };
        Add(Kind.Component, rule.PengungkitWeight, "pengungkit", "A.", "PENGUNGKIT");
        foreach (var part in new[] { LkePart.Pemenuhan, LkePart.Reform })
        {
            Add(Kind.Part, rule.Areas.Sum(a => rule.PartWeight(a, part)), part.ToCode(), null, part == LkePart.Pemenuhan ? "I." : "II.", part == LkePart.Pemenuhan ? "PEMENUHAN" : "REFORM");
            for (var a = 0; a < rule.Areas.Count; a++)
            {
                var area = rule.Areas[a];
                var number = quirks.SkippedNumbering && a == 3 ? "3." : $"{a + 1}.";
                var areaLine = Add(Kind.Area, rule.PartWeight(area, part), $"{area.Code}:{part.ToCode()}", null, null, number, area.Name.ToUpperInvariant());
                var indicators = catalog.Indicators.Where(i => i.Area == area.Code && i.Part == part).ToList();
                var index = 0;
                Line? group = null;
                foreach (var indicator in indicators)
                {
                    var isSub = indicator.Code.Length > 0 && char.IsUpper(indicator.Code[^1]) && char.IsDigit(indicator.Code[^2]);
                    Line parent;
                    if (isSub)
                    {
                        if (group is null || !indicator.Code.StartsWith(group.Code!, StringComparison.Ordinal))
                        {
                            var groupCode = indicator.Code[..^1];
                            group = Add(Kind.Indicator, indicators.Where(i => i.Code.StartsWith(groupCode, StringComparison.Ordinal)).Sum(i => i.Weight), groupCode,
                                null, null, null, roman[index++], "Penyampaian Laporan Harta Kekayaan");
                            areaLine.Children.Add(group);
                        }
                        parent = Add(Kind.Indicator, indicator.Weight, indicator.Code, null, null, null, indicator.Code[^1] == 'A' ? "a." : "b.", indicator.Name);
                        group.Children.Add(parent);
                    }
                    else
                    {
                        group = null;
                        parent = Add(Kind.Indicator, indicator.Weight, indicator.Code, null, null, null, roman[index++], indicator.Name);
                        areaLine.Children.Add(parent);
                    }
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
                            : question.Kind == AnswerKind.INDEKS && quirks.LineBreaks ? "Nilai\n(0-4)" : KindText(question.Kind);
                        lines.Add(line);
                        parent.Children.Add(line);
                        if (question.Kind == AnswerKind.PERSEN)
                        {
                            if (question.Subtotal is { } subtotal)
                            {
                                var heading = new Line { Kind = Kind.Count, KindText = "Jumlah" };
                                heading.Texts[4] = "-";
                                heading.Texts[5] = subtotal.Text;
                                lines.Add(heading);
                            }
                            for (var c = 0; c < question.Inputs.Count; c++)
                            {
                                var count = new Line { Kind = Kind.Count, KindText = "Jumlah", Code = question.Code, CountIndex = c, Question = question };
                                count.Texts[5] = "- " + question.Inputs[c].Text;
                                lines.Add(count);
                                line.Children.Add(count);
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

    private static string KindText(AnswerKind kind) => kind switch
    {
        AnswerKind.YT => "Ya/Tidak",
        AnswerKind.ABC => "A/B/C",
        AnswerKind.ABCD => "A/B/C/D",
        AnswerKind.ABCDE => "A/B/C/D/E",
        AnswerKind.PERSEN => "%",
        _ => "Nilai (0-4)",
    };

    private static void WriteStructure(XlsxSheet sheet, Line line, Columns columns)
    {
        var r = line.Row;
        sheet.Set(r, 1, line.Row - columns.HeaderRow);
        for (var i = 0; i < 6; i++)
        {
            if (!string.IsNullOrEmpty(line.Texts[i]))
            {
                sheet.Set(r, 2 + i, line.Texts[i], line.Kind is Kind.Component or Kind.Part or Kind.Area or Kind.Total or Kind.HasilGroup ? CellStyle.Bold : CellStyle.Wrap);
            }
        }
        if (line.Weight is { } w && line.Kind != Kind.Question)
        {
            sheet.Set(r, columns.Weight, w);
        }
        if (line.Criteria is not null)
        {
            sheet.Set(r, columns.Criteria, line.Criteria, CellStyle.Wrap);
        }
        if (line.KindText is not null)
        {
            sheet.Set(r, columns.Kind, line.KindText);
        }
    }

    private static void WriteLayer(XlsxSheet sheet, Line line, (Reviewer Reviewer, int Answer, int? Value, int? Note) cols, Values values, WorkbookLayer layer, WorkbookQuirks quirks)
    {
        var r = line.Row;
        var k = Cell.ColumnName(cols.Answer);
        var h = Cell.ColumnName(8);
        string V(Line l) => (cols.Value is { } vc ? Cell.ColumnName(vc) : k) + l.Row.ToString(CultureInfo.InvariantCulture);
        void Value(string formula, object? cached)
        {
            if (cols.Value is { } vc)
            {
                sheet.Set(r, vc, new CellValue.Formula(formula, cached), CellStyle.Number2);
            }
        }
        // A constant typed where the formula was; the workbook's sums above it include it.
        void ValueOrTyped(string formula, decimal cached)
        {
            if (cols.Value is { } vc && quirks.TypedValues.TryGetValue(line.Code!, out var typedValue))
            {
                sheet.Set(r, vc, typedValue, CellStyle.Number2);
                return;
            }
            Value(formula, cached);
        }
        switch (line.Kind)
        {
            case Kind.Question when line.AnswerKind == AnswerKind.PERSEN:
                var counts = line.Children.Select(c => $"{k}{c.Row}").ToList();
                var ratio = values.Ratio(line.Code!);
                if (quirks.TypedPercents.TryGetValue(line.Code!, out var typed))
                {
                    sheet.Set(r, cols.Answer, typed);
                }
                else
                {
                    sheet.Set(r, cols.Answer, new CellValue.Formula(PercentFormula(line.Question!, counts), ratio is { } v ? v : "#DIV/0!"));
                }
                Value($"{k}{r}", values.Answer(line.Code!));
                break;
            case Kind.Question:
                if (layer.Answers.TryGetValue(line.Code!, out var answer) && answer.Length > 0)
                {
                    sheet.Set(r, cols.Answer, answer);
                }
                Value(AnswerFormula(line.AnswerKind!.Value, $"{k}{r}"), values.Answer(line.Code!) is { } a ? a : "Blm Diisi");
                break;
            case Kind.Count when line.Code is not null:
                if (layer.Counts.TryGetValue(line.Code, out var list) && list[line.CountIndex] is { } n)
                {
                    sheet.Set(r, cols.Answer, n);
                }
                break;
            case Kind.Indicator when line.Children.Count > 0 && line.Children[0].Kind == Kind.Indicator:
                ValueOrTyped($"SUM({string.Join(',', line.Children.Select(V))})", values.Indicator(line.Code!));
                break;
            case Kind.Indicator:
                var first = line.Children.First().Row;
                var last = line.Children.Max(c => c.Children.Count > 0 ? c.Children.Max(x => x.Row) : c.Row);
                var column = cols.Value is { } valueColumn ? Cell.ColumnName(valueColumn) : k;
                ValueOrTyped($"AVERAGE({column}{first}:{column}{last})*{h}{r}", values.Indicator(line.Code!));
                break;
            case Kind.Area:
                ValueOrTyped($"SUM({string.Join(',', line.Children.Select(V))})", values.Area(line.Code!));
                break;
            case Kind.Part:
                Value($"SUM({string.Join(',', values.Lines.Where(l => l.Kind == Kind.Area && l.Code!.EndsWith(":" + line.Code, StringComparison.Ordinal)).Select(V))})", values.Part(line.Code!));
                break;
            case Kind.HasilItem:
                if (layer.Answers.TryGetValue(line.Code!, out var hasilAnswer) && hasilAnswer.Length > 0)
                {
                    if (line.AnswerKind == AnswerKind.INDEKS && decimal.TryParse(hasilAnswer.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var index))
                    {
                        sheet.Set(r, cols.Answer, index);
                    }
                    else
                    {
                        sheet.Set(r, cols.Answer, hasilAnswer);
                    }
                }
                var formula = line.AnswerKind == AnswerKind.INDEKS ? $"{k}{r}/4*{h}{r}" : $"{AnswerFormula(line.AnswerKind!.Value, $"{k}{r}")}*{h}{r}";
                Value(formula, values.Hasil(line.Code!));
                break;
            case Kind.HasilGroup:
                Value($"SUM({string.Join(',', line.Children.Select(V))})", values.Group(line.Code!));
                break;
            case Kind.Component:
                var components = line.Code == "pengungkit"
                    ? values.Lines.Where(l => l.Kind == Kind.Part).Select(V)
                    : values.Lines.Where(l => l.Kind == Kind.HasilGroup).Select(V);
                Value($"SUM({string.Join(',', components)})", line.Code == "pengungkit" ? values.Pengungkit : values.HasilTotal);
                break;
            case Kind.Total:
                var component = values.Lines.FirstOrDefault(l => l.Kind == Kind.Component && l.Code == line.Code);
                Value(line.Code == "total"
                    ? $"{V(values.Lines.First(l => l.Kind == Kind.Component && l.Code == "pengungkit"))}+{V(values.Lines.First(l => l.Kind == Kind.Component && l.Code == "hasil"))}"
                    : V(component!), line.Code switch { "pengungkit" => values.Pengungkit, "hasil" => values.HasilTotal, _ => values.Pengungkit + values.HasilTotal });
                break;
        }
    }

    private static string AnswerFormula(AnswerKind kind, string cell) => kind switch
    {
        AnswerKind.YT => $"IF({cell}=\"Ya\",1,IF({cell}=\"Tidak\",0,\"Blm Diisi\"))",
        AnswerKind.ABC => $"IF({cell}=\"A\",1,IF({cell}=\"B\",0.5,IF({cell}=\"C\",0,\"Blm Diisi\")))",
        AnswerKind.ABCD => $"IF({cell}=\"A\",1,IF({cell}=\"B\",0.67,IF({cell}=\"C\",0.33,IF({cell}=\"D\",0,\"Blm Diisi\"))))",
        AnswerKind.ABCDE => $"IF({cell}=\"A\",1,IF({cell}=\"B\",0.75,IF({cell}=\"C\",0.5,IF({cell}=\"D\",0.25,IF({cell}=\"E\",0,\"Blm Diisi\")))))",
        _ => $"{cell}/4",
    };

    private static string PercentFormula(CatalogQuestion question, List<string> counts)
    {
        string Cells(string role) => string.Join(',', question.Inputs.Select((input, i) => (input, i)).Where(x => x.input.Role == role).Select(x => counts[x.i]));
        return question.Formula == "decrease"
            ? $"IF(AND({Cells("previous")}=0,{Cells("current")}=0),1,MAX(0,({Cells("previous")}-{Cells("current")})/{Cells("previous")}))"
            : $"MIN(1,SUM({Cells("numerator")})/SUM({Cells("denominator")}))";
    }

    /// <summary>What the workbook would compute for one layer, in decimal (blank answers left out of means).</summary>
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
                _answers[line.Code!] = line.AnswerKind == AnswerKind.PERSEN ? (typed.TypedPercents.TryGetValue(line.Code!, out var t) ? t : Ratio(line.Code!))
                    : layer.Answers.TryGetValue(line.Code!, out var a) ? AnswerParser.Parse(rule, line.AnswerKind!.Value, a).Value : null;
            }
        }

        public List<Line> Lines { get; }

        public decimal? Answer(string code) => _answers.GetValueOrDefault(code);

        public decimal? Ratio(string code)
        {
            var question = Lines.First(l => l.Code == code && l.Kind == Kind.Question).Question!;
            return _layer.Counts.TryGetValue(code, out var counts)
                ? PercentItems.Compute(question, [.. counts.Select(c => (decimal?)c)]).Ratio
                : null;
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
                return line.Children.Sum(c => Indicator(c.Code!));
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
