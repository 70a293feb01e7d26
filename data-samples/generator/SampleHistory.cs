using System.Globalization;
using System.Text;
using Integritas.Domain.Rules;
using Integritas.Spreadsheets;

namespace Integritas.SampleData;

/// <summary>
/// The samples that are not item-level LKEs: recap sheets of area scores for 2019–2021 (rule 10/2019, in
/// three shapes: CSV with points and a total, a workbook with survey indexes, a semicolon CSV with decimal
/// commas) and for 2016–2018 (rule 52/2014: a CSV with the hasil total only, a CSV with the hasil parts in
/// points, a workbook with survey indexes and the TLHP percentage); and the unit and instansi facts the
/// prerequisites ask for: 52/2014's for 2016–2018, 90/2021's for 2022–2023 and 5/2024's for 2024–2025.
/// </summary>
internal sealed class SampleHistory(int seed, IReadOnlyDictionary<(string Unit, string Area), double> areaOffsets,
    IReadOnlyList<(string Unit, int Year, string Predicate)> awards)
{
    private const string Rule = "10/2019";

    private const string Rule52 = "52/2014";

    public static readonly int[] Years52 = [2016, 2017, 2018];

    private static readonly int[] FactYears90 = [2022, 2023];

    private readonly Random _random = new(seed + 1);

    // Streams of their own, so that adding these samples moved none of the values drawn before them.
    private readonly Random _facts90 = new(seed + 2);

    private readonly Random _older = new(seed + 3);

    public IReadOnlyList<string> Write(string root)
    {
        var written = new List<string>();
        var rule = RuleCatalog.Default.Find(Rule)!;
        foreach (var year in new[] { 2019, 2020, 2021 })
        {
            // Earlier years had fewer units under evaluation: the more mature ones first.
            var units = SampleUnits.All.SelectMany(i => i.Units.Select(u => (Instansi: i, Unit: u)))
                .Where(x => x.Unit.FirstYear == 2022 && (x.Unit.WbkBefore2022 is not null || x.Unit.Maturity >= 0.6 + (2021 - year) * 0.06))
                .ToList();
            var rows = units.Select(x => (x.Instansi, x.Unit, Scores: Scores(rule, x.Unit, year))).ToList();
            written.Add(year switch
            {
                2019 => WriteCsv(root, year, rows, ',', withRule: true, withTotal: true),
                2020 => WriteWorkbook(root, year, rows, rule),
                _ => WriteCsv(root, year, rows, ';', withRule: true, withTotal: false),
            });
        }
        written.AddRange(WriteFacts(root));
        written.AddRange(WriteRecaps52(root));
        return written;
    }

    /// <summary>The units with a recap under 52/2014: those with a WBK before 2022 and the most mature others.</summary>
    private static List<(SampleInstansi Instansi, SampleUnit Unit)> Units52(int year) =>
        [.. SampleUnits.All.SelectMany(i => i.Units.Select(u => (Instansi: i, Unit: u)))
            .Where(x => x.Unit.FirstYear == 2022 && (x.Unit.WbkBefore2022 is not null || x.Unit.Maturity >= 0.72 + (2018 - year) * 0.02))];

    private sealed record Recap52Scores(Dictionary<string, decimal> Areas, decimal KorupsiIndex, decimal TlhpPercent, decimal PelayananIndex)
    {
        public decimal Korupsi => Math.Round(KorupsiIndex / 4m * 15m, 2);

        public decimal Tlhp => Math.Round(TlhpPercent / 100m * 5m, 2);

        public decimal Pelayanan => Math.Round(PelayananIndex / 4m * 20m, 2);

        public decimal Hasil => Korupsi + Tlhp + Pelayanan;
    }

    private Recap52Scores Scores52(RuleSet rule, SampleUnit unit, int year)
    {
        // Before 2019 the units stood a little below where the 10/2019 recaps find them.
        var maturity = Math.Clamp(SampleGenerator.Maturity(unit, 2019) - 0.02 * (2019 - year) + Older(0.02), 0.2, 0.98);
        var areas = rule.Areas.ToDictionary(a => a.Code, a =>
            Math.Round(a.Weight * (decimal)Math.Clamp(maturity + areaOffsets[(unit.Code, a.Code)] + Older(0.05), 0.2, 1), 2));
        var korupsi = Math.Round((decimal)Math.Clamp(2.95 + 0.95 * maturity + Older(0.08), 2.5, 4), 2);
        var tlhp = Math.Round((decimal)Math.Clamp(62 + 40 * maturity + Older(6), 40, 100), 1);
        var pelayanan = Math.Round((decimal)Math.Clamp(2.9 + 0.95 * maturity + Older(0.08), 2.5, 4), 2);
        return new Recap52Scores(areas, korupsi, tlhp, pelayanan);
    }

    /// <summary>
    /// 52/2014's recaps in three shapes, so that its criteria are exercised as far as each shape allows: 2016 gives the
    /// hasil total only (its part and group criteria cannot be checked), 2017 the hasil parts in points, 2018 the survey
    /// indexes and the TLHP percentage as the LKE asks them (0–4, 0–100%).
    /// </summary>
    private IEnumerable<string> WriteRecaps52(string root)
    {
        var rule = RuleCatalog.Default.Find(Rule52)!;
        foreach (var year in Years52)
        {
            var rows = Units52(year).Select(x => (x.Instansi, x.Unit, Scores: Scores52(rule, x.Unit, year))).ToList();
            string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
            if (year == 2018)
            {
                yield return WriteRecapWorkbook(root, year, rule, ["indeks_persepsi_korupsi", "persen_tlhp", "indeks_persepsi_pelayanan"],
                    rows.Select(x => (x.Instansi, x.Unit, x.Scores.Areas, new[] { x.Scores.KorupsiIndex, x.Scores.TlhpPercent, x.Scores.PelayananIndex })));
                continue;
            }
            var header = year == 2016
                ? "tahun,kode_unit,nama_unit,instansi,aturan,MP,TT,SDM,AK,PW,PP,hasil,total"
                : "tahun,kode_unit,nama_unit,instansi,aturan,MP,TT,SDM,AK,PW,PP,persepsi_korupsi,tlhp,persepsi_pelayanan,total";
            var csv = new StringBuilder(header).Append("\r\n");
            foreach (var (instansi, unit, scores) in rows)
            {
                var fields = new List<string> { year.ToString(CultureInfo.InvariantCulture), unit.Code, unit.Name, instansi.Name, Rule52 };
                fields.AddRange(scores.Areas.Values.Select(N));
                if (year == 2016)
                {
                    fields.Add(N(scores.Hasil));
                }
                else
                {
                    fields.AddRange([N(scores.Korupsi), N(scores.Tlhp), N(scores.Pelayanan)]);
                }
                fields.Add(N(scores.Areas.Values.Sum() + scores.Hasil));
                csv.Append(string.Join(',', fields.Select(f => f.Contains(',') ? $"\"{f}\"" : f))).Append("\r\n");
            }
            var csvPath = Path.Combine("rekap", $"rekap-{year}.csv");
            SampleGenerator.WriteFile(root, csvPath, csv.ToString(), bom: false);
            yield return csvPath;
        }
    }

    /// <summary>How far a year's unit facts fall short of complete: the share of units below 100% and how far, and of facts not sent.</summary>
    private sealed record FactSpread(Random Random, double TlhpShare, decimal TlhpFrom, decimal TlhpRange, double LhkpnShare, decimal LhkpnFrom, decimal LhkpnRange,
        double Missing, double LhkasnShare, decimal LhkasnFrom, decimal LhkasnRange);

    /// <summary>One row of 90/2021's and 5/2024's unit facts.</summary>
    private void UnitFacts(XlsxSheet sheet, int r, SampleUnit unit, int year, FactSpread s, string[] grades)
    {
        var random = s.Random;
        sheet.Set(r, 1, year).Set(r, 2, unit.Code).Set(r, 3, unit.Name);
        sheet.Set(r, 4, unit.Name.StartsWith("Biro", StringComparison.Ordinal) || unit.Name.StartsWith("Direktorat", StringComparison.Ordinal) ? "tidak" : "ya");
        sheet.Set(r, 5, "ya");
        // Most units have followed up every audit finding and filed every wealth report; some, mostly the
        // less mature, have not yet; a few have not sent every fact.
        var lag = 1 - SampleGenerator.Maturity(unit, year);
        sheet.Set(r, 6, random.NextDouble() < s.TlhpShare * lag ? Math.Round(s.TlhpFrom + (decimal)random.NextDouble() * s.TlhpRange, 1) : 100m);
        sheet.Set(r, 7, random.NextDouble() < s.LhkpnShare * lag ? Math.Round(s.LhkpnFrom + (decimal)random.NextDouble() * s.LhkpnRange, 1) : 100m);
        if (random.NextDouble() > s.Missing)
        {
            sheet.Set(r, 8, random.NextDouble() < s.LhkasnShare * lag ? Math.Round(s.LhkasnFrom + (decimal)random.NextDouble() * s.LhkasnRange, 1) : 100m);
        }
        sheet.Set(r, 9, Math.Min(unit.FirstYear, unit.WbkBefore2022 ?? unit.FirstYear) - 1);
        if (random.NextDouble() > s.Missing)
        {
            sheet.Set(r, 10, lag < 0.25 ? grades[random.Next(3)] : grades[random.Next(grades.Length)]);
        }
        if (WbbmStart(unit, year) is { } start)
        {
            sheet.Set(r, 11, start);
        }
    }

    /// <summary>The eselon of a sample unit, from the kind of office its name gives.</summary>
    private static string Eselon(SampleUnit unit) => unit.Name switch
    {
        var n when n.StartsWith("Kantor Urusan Agama", StringComparison.Ordinal) || n.StartsWith("Madrasah", StringComparison.Ordinal) => "IV",
        var n when n.StartsWith("Kantor Kementerian Agama", StringComparison.Ordinal) => "III",
        var n when n.StartsWith("BPS Provinsi", StringComparison.Ordinal) || n.StartsWith("Balai Besar", StringComparison.Ordinal) => "II",
        var n when n.StartsWith("BPS", StringComparison.Ordinal) || n.StartsWith("Balai", StringComparison.Ordinal) => "III",
        _ => "II",
    };

    private static bool Supporting(SampleUnit unit) =>
        unit.Name.StartsWith("Biro", StringComparison.Ordinal) || unit.Name.StartsWith("Direktorat", StringComparison.Ordinal) || unit.Name.StartsWith("Sekretariat", StringComparison.Ordinal);

    /// <summary>The year a unit began building ZI toward WBBM: the year after its first WBK, when that is not after <paramref name="year"/>.</summary>
    private int? WbbmStart(SampleUnit unit, int year) =>
        awards.Where(a => a.Unit == unit.Code && a.Predicate == "WBK").Select(a => (int?)a.Year + 1).Min() is { } start && start <= year ? start : null;

    private sealed record RecapScores(Dictionary<string, decimal> Areas, decimal IpakIndex, string Capaian, decimal IpkpIndex)
    {
        public decimal Ipak => Math.Round(IpakIndex / 4m * 17.5m, 4);

        public decimal CapaianPoints => Capaian switch { "A" => 5m, "B" => 3.75m, "C" => 2.5m, "D" => 1.25m, _ => 0m };

        public decimal Ipkp => Math.Round(IpkpIndex / 4m * 17.5m, 4);

        public decimal Total => Areas.Values.Sum() + Ipak + CapaianPoints + Ipkp;
    }

    private RecapScores Scores(RuleSet rule, SampleUnit unit, int year)
    {
        var maturity = SampleGenerator.Maturity(unit, year, Gaussian(0.02));
        // A unit awarded WBK that year met the total the rule asked for then.
        if (unit.WbkBefore2022 == year)
        {
            maturity = Math.Max(maturity, 0.8);
        }
        var areas = rule.Areas.ToDictionary(a => a.Code, a =>
            Math.Round(a.Weight * (decimal)Math.Clamp(maturity + areaOffsets[(unit.Code, a.Code)] + Gaussian(0.05), 0.2, 1), 2));
        var ipak = Math.Round((decimal)Math.Clamp(2.95 + 0.95 * maturity + Gaussian(0.08), 2.5, 4), 2);
        var ipkp = Math.Round((decimal)Math.Clamp(2.9 + 0.95 * maturity + Gaussian(0.08), 2.5, 4), 2);
        var capaian = maturity switch { > 0.85 => "A", > 0.72 => "B", > 0.55 => "C", _ => "D" };
        return new RecapScores(areas, ipak, capaian, ipkp);
    }

    private static string WriteCsv(string root, int year, List<(SampleInstansi Instansi, SampleUnit Unit, RecapScores Scores)> rows, char delimiter, bool withRule, bool withTotal)
    {
        string N(decimal value) => delimiter == ';' ? value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') : value.ToString("0.##", CultureInfo.InvariantCulture);
        var columns = new List<string> { "tahun", "kode_unit", "nama_unit", "instansi" };
        if (withRule)
        {
            columns.Add("aturan");
        }
        columns.AddRange(["MP", "TT", "SDM", "AK", "PW", "PP", "ipak", "capaian", "ipkp"]);
        if (withTotal)
        {
            columns.Add("total");
        }
        var csv = new StringBuilder(string.Join(delimiter, columns)).Append("\r\n");
        foreach (var (instansi, unit, scores) in rows)
        {
            var fields = new List<string> { year.ToString(CultureInfo.InvariantCulture), unit.Code, unit.Name, instansi.Name };
            if (withRule)
            {
                fields.Add(Rule);
            }
            fields.AddRange(scores.Areas.Values.Select(N));
            fields.AddRange([N(Math.Round(scores.Ipak, 2)), N(scores.CapaianPoints), N(Math.Round(scores.Ipkp, 2))]);
            if (withTotal)
            {
                // One recap row carries a total typed by hand that does not add up (a finding, not an error).
                var total = Math.Round(scores.Areas.Values.Sum() + Math.Round(scores.Ipak, 2) + scores.CapaianPoints + Math.Round(scores.Ipkp, 2), 2);
                fields.Add(N(unit.Code == "ESDM-05" ? total + 1m : total));
            }
            csv.Append(string.Join(delimiter, fields.Select(f => f.Contains(delimiter) ? $"\"{f}\"" : f))).Append("\r\n");
        }
        var path = Path.Combine("rekap", $"rekap-{year}.csv");
        SampleGenerator.WriteFile(root, path, csv.ToString(), bom: false);
        return path;
    }

    private static string WriteWorkbook(string root, int year, List<(SampleInstansi Instansi, SampleUnit Unit, RecapScores Scores)> rows, RuleSet rule) =>
        WriteRecapWorkbook(root, year, rule, ["indeks_ipak", "capaian", "indeks_ipkp"],
            rows.Select(x => (x.Instansi, x.Unit, x.Scores.Areas, new[] { x.Scores.IpakIndex, x.Scores.CapaianPoints, x.Scores.IpkpIndex })));

    /// <summary>A recap workbook: the unit-year columns, the areas in the rule's order, then the hasil columns given.</summary>
    private static string WriteRecapWorkbook(string root, int year, RuleSet rule, string[] hasilColumns,
        IEnumerable<(SampleInstansi Instansi, SampleUnit Unit, Dictionary<string, decimal> Areas, decimal[] Hasil)> rows)
    {
        var writer = new XlsxWriter { NeutraliseFormulaText = false };
        var sheet = writer.AddSheet($"Rekap {year}");
        string[] columns = ["tahun", "kode_unit", "nama_unit", "instansi", .. rule.Areas.Select(a => a.Code), .. hasilColumns];
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Set(1, c + 1, columns[c], CellStyle.Header);
        }
        sheet.FrozenRows = 1;
        sheet.Width(3, 48).Width(4, 40);
        var r = 2;
        foreach (var (instansi, unit, areas, hasil) in rows)
        {
            sheet.Set(r, 1, year).Set(r, 2, unit.Code).Set(r, 3, unit.Name).Set(r, 4, instansi.Name);
            var c = 5;
            foreach (var value in rule.Areas.Select(a => areas[a.Code]).Concat(hasil))
            {
                sheet.Set(r, c++, value, CellStyle.Number2);
            }
            r++;
        }
        var path = Path.Combine("rekap", $"rekap-{year}.xlsx");
        SampleGenerator.WriteFile(root, path, writer.Save());
        return path;
    }

    private IEnumerable<string> WriteFacts(string root)
    {
        var instansiFacts = new Dictionary<string, (string Sakip, string IndeksRb, string Spip)>
        {
            ["ESDM"] = ("BB", "BB", "3.5"),
            ["KEMENAG"] = ("B", "B", "3.1"),
            ["BPS"] = ("A", "A", "3.8"),
        };
        var csv = new StringBuilder("tahun,instansi,jenis_instansi,opini_bpk,predikat_sakip,indeks_rb,level_spip\r\n");
        // Under 52/2014 only the BPK opinion and AKIP were asked; Kemenag's opinion was WDP in 2016, so its
        // 2017 WBBM proposals lack "WTP selama minimal 2 tahun berturut-turut".
        var older = new Dictionary<string, (string[] Opinion, string Akip)>
        {
            ["ESDM"] = (["WTP", "WTP", "WTP"], "B"),
            ["KEMENAG"] = (["WDP", "WTP", "WTP"], "CC"),
            ["BPS"] = (["WTP", "WTP", "WTP"], "BB"),
        };
        for (var i = 0; i < Years52.Length; i++)
        {
            foreach (var instansi in SampleUnits.All)
            {
                var (opinion, akip) = older[instansi.Code];
                csv.Append(CultureInfo.InvariantCulture, $"{Years52[i]},{instansi.Name},K/L,{opinion[i]},{akip},,\r\n");
            }
        }
        // 2022–2023 (90/2021 Tabel 5): a step below 2024 where the instansi has since improved.
        var earlier = new Dictionary<string, (string Sakip, string IndeksRb, string Spip)>
        {
            ["ESDM"] = ("BB", "B", "3.2"),
            ["KEMENAG"] = ("B", "B", "3"),
            ["BPS"] = ("A", "BB", "3.6"),
        };
        foreach (var year in FactYears90)
        {
            foreach (var instansi in SampleUnits.All)
            {
                var (sakip, rb, spip) = earlier[instansi.Code];
                csv.Append(CultureInfo.InvariantCulture, $"{year},{instansi.Name},K/L,WTP,{sakip},{rb},{spip}\r\n");
            }
        }
        foreach (var year in new[] { 2024, 2025 })
        {
            foreach (var instansi in SampleUnits.All)
            {
                var (sakip, rb, spip) = instansiFacts[instansi.Code];
                csv.Append(CultureInfo.InvariantCulture, $"{year},{instansi.Name},K/L,WTP,{sakip},{rb},{spip}\r\n");
            }
        }
        var instansiPath = Path.Combine("fakta", "fakta-instansi.csv");
        SampleGenerator.WriteFile(root, instansiPath, csv.ToString(), bom: false);
        yield return instansiPath;

        var writer = new XlsxWriter { NeutraliseFormulaText = false };
        var sheet = writer.AddSheet("Fakta unit");
        var columns = new[]
        {
            "tahun", "kode_unit", "nama_unit", "unit_layanan_utama", "berdampak_persepsi", "tlhp_persen", "lhkpn_persen", "lhkasn_persen", "tahun_mulai_zi", "sakip_internal",
            "tahun_mulai_zi_wbbm", "eselon_unit", "pelayanan_strategis", "program_rb_baik", "sumber_daya_besar",
        };
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Set(1, c + 1, columns[c], CellStyle.Header);
        }
        sheet.FrozenRows = 1;
        sheet.Width(3, 48);
        var r = 2;
        // 52/2014 (Bab III §A): the unit's eselon and strategic service role (persistent, given once), and the
        // instansi's statements that it runs the RB programmes well and manages large resources.
        foreach (var year in Years52)
        {
            foreach (var (_, unit) in Units52(year))
            {
                sheet.Set(r, 1, year).Set(r, 2, unit.Code).Set(r, 3, unit.Name);
                if (year == Years52[0] || Units52(year - 1).All(x => x.Unit != unit))
                {
                    sheet.Set(r, 12, Eselon(unit)).Set(r, 13, Supporting(unit) ? "tidak" : "ya");
                }
                sheet.Set(r, 14, _older.NextDouble() < 0.85 ? "ya" : "tidak");
                if (_older.NextDouble() > 0.05)
                {
                    sheet.Set(r, 15, Eselon(unit) == "II" || _older.NextDouble() < 0.6 ? "ya" : "tidak");
                }
                r++;
            }
        }
        // The first three grades are what a mature unit earns; the rest widen the spread.
        var grades = new[] { "BB", "A", "B", "B", "BB", "CC" };
        // 2022–2023 (90/2021 Tabel 5): the same facts as later years, a little further from complete, drawn on a
        // stream of their own; then 2024–2025 (5/2024).
        var spread90 = new FactSpread(_facts90, 0.4, 80m, 19m, 0.25, 88m, 11m, 0.08, 0.25, 90m, 9m);
        var spread2024 = new FactSpread(_random, 0.35, 85m, 14m, 0.2, 90m, 9m, 0.05, 0.2, 92m, 7m);
        foreach (var (year, spread) in FactYears90.Select(y => (y, spread90)).Concat(new[] { 2024, 2025 }.Select(y => (y, spread2024))))
        {
            foreach (var unit in SampleUnits.All.SelectMany(i => i.Units).Where(u => u.FirstYear <= year))
            {
                UnitFacts(sheet, r++, unit, year, spread, grades);
            }
        }
        var unitPath = Path.Combine("fakta", "fakta-unit.xlsx");
        SampleGenerator.WriteFile(root, unitPath, writer.Save());
        yield return unitPath;

        // Each instansi's target of units awarded per year, as set in its ZI plan (2026: the coming cycle).
        var targets = new StringBuilder("tahun,instansi,target_wbk,target_wbbm\r\n");
        var plans = new Dictionary<string, (int Wbk, int? Wbbm)[]>
        {
            ["ESDM"] = [(3, 1), (3, 1), (3, 1), (4, 1)],
            ["KEMENAG"] = [(4, null), (4, null), (5, 1), (5, 1)],
            ["BPS"] = [(2, 0), (2, 1), (3, 1), (3, 1)],
        };
        for (var i = 0; i < 4; i++)
        {
            foreach (var instansi in SampleUnits.All)
            {
                var (wbk, wbbm) = plans[instansi.Code][i];
                targets.Append(CultureInfo.InvariantCulture, $"{2023 + i},{instansi.Name},{wbk},{wbbm?.ToString(CultureInfo.InvariantCulture)}\r\n");
            }
        }
        var targetPath = "target.csv";
        SampleGenerator.WriteFile(root, targetPath, targets.ToString(), bom: false);
        yield return targetPath;
    }

    private double Older(double sd)
    {
        var u1 = 1.0 - _older.NextDouble();
        var u2 = _older.NextDouble();
        return sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private double Gaussian(double sd)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
