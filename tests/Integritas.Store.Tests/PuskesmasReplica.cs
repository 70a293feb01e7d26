using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Spreadsheets;

namespace Integritas.Store.Tests;

/// <summary>What the replica holds: its bytes, the rows that matter, and its values as its formulas give them.</summary>
internal sealed record Replica(byte[] Bytes, IReadOnlyDictionary<string, int> Rows, decimal Total, decimal CachedTotal, decimal PwReform, decimal CachedPwReform);

/// <summary>
/// A replica of a real filled 90/2021 LKE workbook (a Puskesmas, evaluation year 2022, file
/// 2022_PKM01_puskesmas-contoh.xlsx) that <c>zi ingest</c> refused. Written here cell by cell, not by the sample
/// generator, in the layout of the regulation's own LKE (PermenPANRB 90/2021 Lampiran III, pages 66–87 of the
/// text): two title rows, the header on row 3 and its second line on row 4, the hierarchy in B–G, weights in H,
/// criteria in I, kinds in J, answers in K, value formulas in L, % in M, notes in N. Its Pengawasan reform
/// section is rows 167–189, as in the real file (Lampiran III page 85): the area row "5." (7,50); "i. Mekanisme
/// Pengendalian" (2,50) with one A–E question; "ii. Penanganan Pengaduan Masyarakat" (3,00) whose own row carries
/// "%" in J, with one % question over three Jumlah rows; "iii. Penyampaian Laporan Harta Kekayaan" (2,00, "%" in J)
/// with no questions of its own but two sub-indicators, the first numbered "i." again and the second not numbered
/// (LHKPN 1,00; LHKASN 1,00), each one % question whose "Jumlah yang harus melaporkan" is a SUM formula over the
/// three rows under it. The LHK group's value formula adds only its first sub-indicator (=L176), so the workbook's
/// cached group, area, part and totals are short of what its answers give. Column A's numbers skip and repeat;
/// some kind cells carry stray spaces and line breaks; one question is left unanswered.
/// </summary>
internal static class PuskesmasReplica
{
    public const string FileName = "2022_PKM01_puskesmas-contoh.xlsx";

    private static readonly RuleSet Rule = RuleCatalog.Default.Find("90/2021")!;

    public static Replica Build()
    {
        var writer = new XlsxWriter { NeutraliseFormulaText = false };
        var target = writer.AddSheet("LKE ZI");
        var sheet = new Sheet(target);
        target.Set(1, 1, "LAMPIRAN III PERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA NOMOR 90 TAHUN 2021", CellStyle.Bold);
        target.Set(2, 1, "LEMBAR KERJA EVALUASI ZONA INTEGRITAS — UPTD PUSKESMAS CONTOH, TAHUN 2022", CellStyle.Bold);
        foreach (var (column, text) in new[] { (1, "No"), (2, "Penilaian"), (8, "Bobot"), (9, "Penjelasan"), (10, "Pilihan Jawaban"), (11, "Jawaban"),
                     (12, "Nilai"), (13, "%"), (14, "Catatan/Keterangan/Penjelasan"), (15, "Bukti Dukung") })
        {
            target.Set(3, column, text, CellStyle.Header);
        }
        target.Set(4, 2, "(1)");
        target.Set(4, 8, "(2)");

        var pengungkit = sheet.Next("pengungkit");
        sheet.Structure(2, "A.", "PENGUNGKIT");
        sheet.Weight(60);
        var parts = new List<int>();
        foreach (var part in new[] { LkePart.Pemenuhan, LkePart.Reform })
        {
            var partRow = sheet.Next(part.ToCode());
            parts.Add(partRow);
            sheet.Structure(3, part == LkePart.Pemenuhan ? "I." : "II.", part == LkePart.Pemenuhan ? "PEMENUHAN" : "REFORM");
            sheet.Weight(30);
            var areas = new List<int>();
            for (var a = 0; a < Rule.Areas.Count; a++)
            {
                var area = Rule.Areas[a];
                var areaRow = sheet.Next($"{area.Code}:{part.ToCode()}");
                areas.Add(areaRow);
                sheet.Structure(4, $"{a + 1}.", area.Name.ToUpperInvariant());
                sheet.Weight(Rule.PartWeight(area, part));
                var children = LkeCatalog.Lke90.Entries(area.Code, part).Select((entry, i) => sheet.Entry(entry, i)).ToList();
                sheet.Sum(areaRow, children);
            }
            sheet.Sum(partRow, areas);
        }
        sheet.Sum(pengungkit, parts);
        var totalPengungkit = sheet.Next("total pengungkit");
        sheet.Structure(2, "TOTAL PENGUNGKIT");
        sheet.Copy(totalPengungkit, pengungkit);
        sheet.Next();

        var hasil = sheet.Next("hasil");
        sheet.Structure(2, "B.", "HASIL");
        sheet.Weight(40);
        var groups = new List<int>();
        foreach (var group in Rule.HasilGroups)
        {
            var groupRow = sheet.Next(group.Code);
            groups.Add(groupRow);
            sheet.Structure(3, group == Rule.HasilGroups[0] ? "I." : "II.", group.Name.ToUpperInvariant());
            sheet.Weight(group.Weight);
            var items = Rule.HasilParts.Where(p => p.Group == group.Code).Select((p, i) => sheet.Hasil(p, i)).ToList();
            sheet.Sum(groupRow, items);
        }
        sheet.Sum(hasil, groups);
        var totalHasil = sheet.Next("total hasil");
        sheet.Structure(2, "TOTAL HASIL");
        sheet.Copy(totalHasil, hasil);
        sheet.Next();
        var total = sheet.Next("total");
        sheet.Structure(2, "NILAI EVALUASI ZONA INTEGRITAS");
        target.Set(total, 12, new CellValue.Formula($"L{totalPengungkit}+L{totalHasil}", sheet.Cached[totalPengungkit] + sheet.Cached[totalHasil]), CellStyle.Number2);
        sheet.Cached[total] = sheet.Cached[totalPengungkit] + sheet.Cached[totalHasil];
        sheet.True[total] = sheet.True[totalPengungkit] + sheet.True[totalHasil];
        // What units add after the total: the signature block.
        target.Set(total + 3, 9, "Mengetahui, Kepala Puskesmas");
        target.Set(total + 6, 9, "(tanda tangan dan nama jelas)");

        var pw = sheet.Rows["PW:reform"];
        return new Replica(writer.Save(), sheet.Rows, sheet.True[total], sheet.Cached[total], sheet.True[pw], sheet.Cached[pw]);
    }

    /// <summary>The sheet being written, with the values its formulas cache and the values correct formulas would give.</summary>
    private sealed class Sheet(XlsxSheet cells)
    {
        private int _no;

        public int Row { get; private set; } = 4;

        public Dictionary<int, decimal> Cached { get; } = [];

        public Dictionary<int, decimal> True { get; } = [];

        public Dictionary<string, int> Rows { get; } = [];

        public int Next(string? key = null)
        {
            Row++;
            // Column A as kept by hand: a number repeated after rows were copied, one skipped after a row was deleted.
            _no += Row is 20 or 100 or 169 ? 0 : Row is 60 or 171 ? 2 : 1;
            cells.Set(Row, 1, _no);
            if (key is not null)
            {
                Rows[key] = Row;
            }
            return Row;
        }

        /// <summary>Hierarchy texts from column <paramref name="column"/> on (B = 2 … G = 7).</summary>
        public void Structure(int column, params string[] texts)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                if (texts[i].Length > 0)
                {
                    cells.Set(Row, column + i, texts[i], column + i == 7 ? CellStyle.Wrap : CellStyle.Bold);
                }
            }
        }

        public void Weight(decimal weight, string? kind = null)
        {
            cells.Set(Row, 8, weight);
            if (kind is not null)
            {
                cells.Set(Row, 10, kind);
            }
        }

        private void Value(int row, string formula, decimal cached, decimal truth)
        {
            cells.Set(row, 12, new CellValue.Formula(formula, cached), CellStyle.Number2);
            Cached[row] = cached;
            True[row] = truth;
        }

        /// <summary>A row whose value is the sum of other rows' values.</summary>
        public void Sum(int row, List<int> of) =>
            Value(row, $"SUM({string.Join(',', of.Select(r => $"L{r}"))})", of.Sum(r => Cached[r]), of.Sum(r => True[r]));

        public void Copy(int row, int from) => Value(row, $"L{from}", Cached[from], True[from]);

        private static readonly string[] Roman = ["i.", "ii.", "iii.", "iv.", "v.", "vi."];

        /// <summary>An indicator (or the LHK group) and everything under it; returns its row.</summary>
        public int Entry(CatalogEntry entry, int index)
        {
            var row = Next(entry.Code);
            Structure(5, Roman[index], entry.Name);
            // The regulation's own rows: "%" in J on Penanganan Pengaduan Masyarakat and on the LHK group.
            Weight(entry.Weight, entry.Code is "PW-R2" ? "%" : entry.Code is "PW-R3" ? " % " : null);
            if (!entry.IsGroup)
            {
                Leaf(row, entry.Indicators[0]);
                return row;
            }
            var subs = new List<int>();
            for (var i = 0; i < entry.Indicators.Count; i++)
            {
                var sub = entry.Indicators[i];
                var subRow = Next(sub.Code);
                // Lampiran III page 85: the first sub-indicator numbered "i." again, the second not numbered at all.
                Structure(5, i == 0 ? "i." : "", sub.Name);
                Weight(sub.Weight);
                Leaf(subRow, sub);
                subs.Add(subRow);
            }
            // The broken formula: the group adds only its first sub-indicator (LHKASN was added below without extending it).
            Value(row, $"L{subs[0]}", Cached[subs[0]], subs.Sum(r => True[r]));
            return row;
        }

        private void Leaf(int row, CatalogIndicator indicator)
        {
            var values = new List<decimal>();
            var first = Row + 1;
            for (var i = 0; i < indicator.Questions.Count; i++)
            {
                var q = indicator.Questions[i];
                var qRow = Next(q.Code);
                Structure(6, indicator.Questions.Count == 1 ? "-" : $"{(char)('a' + i)}{(i == 3 ? "" : ".")}", q.Text);
                if (q.Criteria is not null)
                {
                    cells.Set(qRow, 9, q.Criteria, CellStyle.Wrap);
                }
                cells.Set(qRow, 10, KindCell(q.Kind, qRow));
                var value = q.Kind == AnswerKind.PERSEN ? Percent(qRow, q) : Answer(qRow, q);
                if (value is { } v)
                {
                    values.Add(v);
                }
            }
            var mean = values.Count == 0 ? 0 : values.Average() * indicator.Weight;
            Value(row, $"AVERAGE(L{first}:L{Row})*H{row}", mean, mean);
            cells.Set(row, 13, new CellValue.Formula($"L{row}/H{row}", mean / indicator.Weight), CellStyle.Percent1);
        }

        /// <summary>Kind cells as typed by hand: some with stray spaces and line breaks.</summary>
        private static string KindCell(AnswerKind kind, int row)
        {
            var text = kind switch
            {
                AnswerKind.YT => "Ya/Tidak",
                AnswerKind.ABC => "A/B/C",
                AnswerKind.ABCD => "A/B/C/D",
                AnswerKind.ABCDE => "A/B/C/D/E",
                AnswerKind.PERSEN => "%",
                _ => "Nilai (0-4)",
            };
            return (row % 7) switch { 0 => text + " ", 3 => " " + text + "\n", 5 => text.Replace("/", " / ", StringComparison.Ordinal), _ => text };
        }

        /// <summary>A lettered answer; the Puskesmas answers the first options mostly, one step lower now and then, and leaves one blank.</summary>
        private decimal? Answer(int row, CatalogQuestion q)
        {
            var options = Rule.Answers.For(q.Kind)!.OrderByDescending(o => o.Value).Select(o => o.Key).ToList();
            var answer = q.Code == "SDM-P3-f" ? "" : options[Math.Min(options.Count - 1, row % 5 == 0 ? 2 : row % 3 == 0 ? 1 : 0)];
            if (q.Kind == AnswerKind.YT && answer.Length > 0)
            {
                answer = answer == "YA" ? "Ya" : "Tidak";
            }
            if (answer.Length > 0)
            {
                cells.Set(row, 11, answer);
            }
            var value = answer.Length == 0 ? (decimal?)null : AnswerParser.Parse(Rule, q.Kind, answer).Value;
            var k = $"K{row}";
            var formula = q.Kind switch
            {
                AnswerKind.YT => $"IF({k}=\"Ya\",1,IF({k}=\"Tidak\",0,\"Blm Diisi\"))",
                AnswerKind.ABC => $"IF({k}=\"A\",1,IF({k}=\"B\",0.5,IF({k}=\"C\",0,\"Blm Diisi\")))",
                AnswerKind.ABCD => $"IF({k}=\"A\",1,IF({k}=\"B\",0.67,IF({k}=\"C\",0.33,IF({k}=\"D\",0,\"Blm Diisi\"))))",
                _ => $"IF({k}=\"A\",1,IF({k}=\"B\",0.75,IF({k}=\"C\",0.5,IF({k}=\"D\",0.25,IF({k}=\"E\",0,\"Blm Diisi\")))))",
            };
            cells.Set(row, 12, new CellValue.Formula(formula, value is { } v ? v : "Blm Diisi"), CellStyle.Number2);
            if (value is { } cached)
            {
                Cached[row] = True[row] = cached;
            }
            return value;
        }

        /// <summary>The Puskesmas' counts, in the regulation's rows: (text, count), a null count marking a subtotal over the rows after it.</summary>
        private static readonly Dictionary<string, (string Text, int? Count, bool Numerator)[]> Counts = new()
        {
            ["MP-R1-a"] = [("- Jumlah Agen Perubahan", 4, false), ("- Jumlah Perubahan yang dibuat", 3, true)],
            ["MP-R1-b"] = [("- Jumlah Perubahan yang dibuat", 3, false), ("- Jumlah Perubahan yang telah diintegrasikan dalam sistem manajemen", 2, true)],
            ["SDM-R3-a"] = [("- Jumlah pelanggaran tahun sebelumnya", 2, false), ("- Jumlah pelanggaran tahun ini", 1, true), ("- Jumlah pelanggaran yang telah diberikan sanksi/hukuman", 1, false)],
            ["AK-R1-a"] = [("- Jumlah Sasaran Kinerja", 8, false), ("- Jumlah Sasaran Kinerja yang tercapai 100% atau lebih", 7, true)],
            ["PW-R2-a"] = [("- Jumlah pengaduan masyarakat yang harus ditindaklanjuti", 6, false), ("- Jumlah pengaduan masyarakat yang sedang diproses", 1, false), ("- Jumlah pengaduan masyarakat yang selesai ditindaklanjuti", 5, true)],
            ["PW-R3A-a"] = [("Jumlah yang harus melaporkan", null, false), ("- Kepala satuan kerja", 1, false), ("- Pejabat yang diwajibkan menyampaikan LHKPN", 2, false), ("- Lainnya", 1, false), ("Jumlah yang sudah melaporkan", 4, true)],
            ["PW-R3B-a"] = [("Jumlah yang harus melaporkan (ASN tidak wajib LHKPN)", null, false), ("- Pejabat administrator (eselon III)", 0, false), ("- Pejabat Penawas (eselon IV)", 2, false), ("- Jumlah Fungsional dan Pelaksana", 9, false), ("Jumlah yang sudah melaporkan", 8, true)],
            ["PP-R1-b"] = [("- Jumlah perijinan/pelayanan yang terdata/terdaftar", 5, false), ("- Jumlah perijinan/pelayanan yang telah dipermudah", 3, true)],
        };

        /// <summary>A % question: its Jumlah rows under it, K the workbook's ratio formula, L its value.</summary>
        private decimal Percent(int row, CatalogQuestion q)
        {
            var counts = Counts[q.Code];
            var rows = new List<(int Row, int Count)>();
            int? subtotalRow = null;
            foreach (var (text, count, _) in counts)
            {
                var r = Next();
                Structure(text.StartsWith('-') ? 7 : 6, text.StartsWith('-') ? [text] : ["-", text]);
                cells.Set(r, 10, "Jumlah");
                if (count is { } c)
                {
                    cells.Set(r, 11, c);
                    rows.Add((r, c));
                }
                else
                {
                    subtotalRow = r;
                }
            }
            decimal ratio;
            string formula;
            var numerator = rows[counts.Where(c => c.Count is not null).Select((c, i) => (c, i)).First(x => x.c.Numerator).i];
            if (subtotalRow is { } s)
            {
                var parts = rows.Where(p => p.Row > s && p.Row != numerator.Row).ToList();
                cells.Set(s, 11, new CellValue.Formula($"SUM(K{parts[0].Row}:K{parts[^1].Row})", parts.Sum(p => p.Count)));
                ratio = Math.Min(1m, (decimal)numerator.Count / parts.Sum(p => p.Count));
                formula = $"IF(K{s}=0,0,MIN(1,K{numerator.Row}/K{s}))";
            }
            else if (q.Formula == "decrease")
            {
                var (previous, current) = (rows[0], rows[1]);
                ratio = previous.Count == 0 ? (current.Count == 0 ? 1 : 0) : Math.Max(0m, (decimal)(previous.Count - current.Count) / previous.Count);
                formula = $"IF(AND(K{previous.Row}=0,K{current.Row}=0),1,MAX(0,(K{previous.Row}-K{current.Row})/K{previous.Row}))";
            }
            else
            {
                var denominator = rows[0];
                ratio = Math.Min(1m, (decimal)numerator.Count / denominator.Count);
                formula = $"MIN(1,K{numerator.Row}/K{denominator.Row})";
            }
            cells.Set(row, 11, new CellValue.Formula(formula, ratio), CellStyle.Percent1);
            cells.Set(row, 12, new CellValue.Formula($"K{row}", ratio), CellStyle.Number2);
            Cached[row] = True[row] = ratio;
            return ratio;
        }

        public int Hasil(HasilPartRule part, int index)
        {
            var row = Next(part.Code);
            var question = LkeCatalog.Lke90.FindQuestion(part.Code)!.Value.Question;
            Structure(4, index == 0 && part.Group == "BERSIH" ? "a" : part.Group == "BERSIH" ? "b" : "-", question.Text);
            Weight(part.Weight, part.Kind == AnswerKind.INDEKS ? "Nilai\n(0-4)" : "A/B/C/D/E");
            decimal value;
            if (part.Kind == AnswerKind.INDEKS)
            {
                var index4 = part.Code == "IPAK" ? 3.41m : 3.52m;
                cells.Set(row, 11, index4);
                value = index4 / 4 * part.Weight;
                Value(row, $"K{row}/4*H{row}", value, value);
            }
            else
            {
                cells.Set(row, 11, "B");
                value = 0.75m * part.Weight;
                Value(row, $"IF(K{row}=\"A\",1,IF(K{row}=\"B\",0.75,IF(K{row}=\"C\",0.5,IF(K{row}=\"D\",0.25,0))))*H{row}", value, value);
            }
            return row;
        }
    }
}
