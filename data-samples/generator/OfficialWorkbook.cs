using System.Globalization;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Spreadsheets;

namespace Integritas.SampleData;

/// <summary>
/// Writes LKE workbooks in the official PermenPANRB 90/2021 layouts: the unit's sheet "LKE ZI" (answers in
/// K, values in L) as the regulation's own LKE lays it out (Lampiran III: "%" on the rows of "ii. Penanganan
/// Pengaduan Masyarakat" and "iii. Penyampaian Laporan Harta Kekayaan", that group's sub-indicators numbered
/// "i." and then not at all, its "Jumlah yang harus melaporkan" a SUM formula over the rows under it), or the
/// Itjen TPI template's sheet "Jawaban" (unit K, TPI unit O/P, TPI Itjen S/T; sub-indicators "a."/"b.", the
/// subtotal an input), with the workbook's formulas and the values Excel would cache for them, and the quirks
/// of hand-kept copies (<see cref="WorkbookQuirks"/>).
/// </summary>
public static partial class OfficialWorkbook
{
    private sealed record Columns(int HeaderRow, int Weight, int Criteria, int Kind, IReadOnlyList<(Reviewer Reviewer, int Answer, int? Value, int? Note)> Layers);

    private static readonly Columns LkeZi = new(2, 8, 9, 10, [(Reviewer.Unit, 11, 12, 15)]);

    private static readonly Columns Jawaban = new(1, 8, 9, 10,
        [(Reviewer.Unit, 11, null, 12), (Reviewer.TpiUnit, 15, 16, 18), (Reviewer.TpiItjen, 19, 20, 22)]);

    public static byte[] WriteLkeZi(RuleSet rule, LkeCatalog catalog, WorkbookLayer unit, WorkbookQuirks? quirks = null) =>
        Write(rule, catalog, LkeZi, "LKE ZI", [unit], quirks ?? new());

    public static byte[] WriteTpi(RuleSet rule, LkeCatalog catalog, IReadOnlyList<WorkbookLayer> layers, WorkbookQuirks? quirks = null) =>
        Write(rule, catalog, Jawaban, "Jawaban", layers, quirks ?? new());

    private static byte[] Write(RuleSet rule, LkeCatalog catalog, Columns columns, string sheetName, IReadOnlyList<WorkbookLayer> layers, WorkbookQuirks quirks)
    {
        var subNumbering = quirks.SubIndicators != SubIndicatorNumbering.Default ? quirks.SubIndicators
            : sheetName == "LKE ZI" ? SubIndicatorNumbering.Regulation : SubIndicatorNumbering.Letters;
        var lines = Lines(rule, catalog, quirks, subNumbering);
        var row = columns.HeaderRow + 1;
        foreach (var line in lines)
        {
            line.Row = row++;
        }
        // The subtotal is a formula in the unit's workbook; the Itjen template leaves it an input like the others.
        var subtotalFormulas = sheetName == "LKE ZI";
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
                WriteLayer(sheet, line, cols, values, layer, i == 0 ? quirks : new WorkbookQuirks(), subtotalFormulas);
            }
        }
        var number = 0;
        foreach (var line in lines)
        {
            // Column A as kept by hand: a number repeated after a row was copied, one skipped after a row was deleted.
            number += !quirks.SkippedNumbering ? 1 : line.Row % 50 == 20 ? 0 : line.Row % 50 == 40 ? 2 : 1;
            WriteStructure(sheet, line, columns, number);
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

    private static void WriteStructure(XlsxSheet sheet, Line line, Columns columns, int number)
    {
        var r = line.Row;
        sheet.Set(r, 1, number);
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

    private static void WriteLayer(XlsxSheet sheet, Line line, (Reviewer Reviewer, int Answer, int? Value, int? Note) cols, Values values, WorkbookLayer layer,
        WorkbookQuirks quirks, bool subtotalFormulas)
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
                var ratio = values.CachedRatio(line.Code!);
                if (quirks.TypedPercents.TryGetValue(line.Code!, out var typed))
                {
                    sheet.Set(r, cols.Answer, typed);
                }
                else
                {
                    var subtotal = line.Subtotal is { } s ? $"{k}{s.Row}" : null;
                    sheet.Set(r, cols.Answer, new CellValue.Formula(PercentFormula(line.Question!, counts, subtotal), ratio is { } v ? v : "#DIV/0!"));
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
            case Kind.Subtotal when values.Subtotal(line) is { } sum:
                // The regulation's "Jumlah yang harus melaporkan": a SUM over the rows under it (typed over in some copies).
                var parts = $"SUM({k}{line.Parts[0].Row}:{k}{line.Parts[^1].Row})";
                sheet.Set(r, cols.Answer, subtotalFormulas && !quirks.TypedSubtotals.ContainsKey(line.Code!) ? new CellValue.Formula(parts, sum) : sum);
                break;
            case Kind.Count when line.Code is not null:
                if (layer.Counts.TryGetValue(line.Code, out var list) && list[line.CountIndex] is { } n)
                {
                    sheet.Set(r, cols.Answer, n);
                }
                break;
            case Kind.Indicator when line.Children.Count > 0 && line.Children[0].Kind == Kind.Indicator:
                // A group adds its sub-indicators; a broken copy adds only the first.
                var added = quirks.BrokenGroupFormulas.Contains(line.Code!) ? line.Children.Take(1) : line.Children;
                ValueOrTyped($"SUM({string.Join(',', added.Select(V))})", values.Indicator(line.Code!));
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

    private static string PercentFormula(CatalogQuestion question, List<string> counts, string? subtotal)
    {
        string Cells(string role) => string.Join(',', question.Inputs.Select((input, i) => (input, i)).Where(x => x.input.Role == role).Select(x => counts[x.i]));
        return question.Formula == "decrease"
            ? $"IF(AND({Cells("previous")}=0,{Cells("current")}=0),1,MAX(0,({Cells("previous")}-{Cells("current")})/{Cells("previous")}))"
            : $"MIN(1,SUM({Cells("numerator")})/{(subtotal ?? $"SUM({Cells("denominator")})")})";
    }
}
