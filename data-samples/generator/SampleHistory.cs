using System.Globalization;
using System.Text;
using Integritas.Domain.Rules;
using Integritas.Spreadsheets;

namespace Integritas.SampleData;

/// <summary>
/// The samples that are not item-level LKEs: recap sheets of area scores for 2019–2021 (rule 10/2019, in
/// three shapes: CSV with points and a total, a workbook with survey indexes, a semicolon CSV with decimal
/// commas), and the unit and instansi facts of 2024–2025 the 5/2024 prerequisites ask for.
/// </summary>
internal sealed class SampleHistory(int seed, IReadOnlyDictionary<(string Unit, string Area), double> areaOffsets)
{
    private const string Rule = "10/2019";

    private readonly Random _random = new(seed + 1);

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
        return written;
    }

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

    private static string WriteWorkbook(string root, int year, List<(SampleInstansi Instansi, SampleUnit Unit, RecapScores Scores)> rows, RuleSet rule)
    {
        var writer = new XlsxWriter { NeutraliseFormulaText = false };
        var sheet = writer.AddSheet($"Rekap {year}");
        var columns = new[] { "tahun", "kode_unit", "nama_unit", "instansi", "MP", "TT", "SDM", "AK", "PW", "PP", "indeks_ipak", "capaian", "indeks_ipkp" };
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Set(1, c + 1, columns[c], CellStyle.Header);
        }
        sheet.FrozenRows = 1;
        sheet.Width(3, 48).Width(4, 40);
        var r = 2;
        foreach (var (instansi, unit, scores) in rows)
        {
            sheet.Set(r, 1, year).Set(r, 2, unit.Code).Set(r, 3, unit.Name).Set(r, 4, instansi.Name);
            var c = 5;
            foreach (var area in rule.Areas)
            {
                sheet.Set(r, c++, scores.Areas[area.Code], CellStyle.Number2);
            }
            sheet.Set(r, c++, scores.IpakIndex, CellStyle.Number2).Set(r, c++, scores.CapaianPoints, CellStyle.Number2).Set(r, c, scores.IpkpIndex, CellStyle.Number2);
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
        var columns = new[] { "tahun", "kode_unit", "nama_unit", "unit_layanan_utama", "berdampak_persepsi", "tlhp_persen", "lhkpn_persen", "lhkasn_persen", "tahun_mulai_zi", "sakip_internal" };
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Set(1, c + 1, columns[c], CellStyle.Header);
        }
        sheet.FrozenRows = 1;
        sheet.Width(3, 48);
        var r = 2;
        // The first three grades are what a mature unit earns; the rest widen the spread.
        var grades = new[] { "BB", "A", "B", "B", "BB", "CC" };
        foreach (var year in new[] { 2024, 2025 })
        {
            foreach (var unit in SampleUnits.All.SelectMany(i => i.Units).Where(u => u.FirstYear <= year))
            {
                sheet.Set(r, 1, year).Set(r, 2, unit.Code).Set(r, 3, unit.Name);
                sheet.Set(r, 4, unit.Name.StartsWith("Biro", StringComparison.Ordinal) || unit.Name.StartsWith("Direktorat", StringComparison.Ordinal) ? "tidak" : "ya");
                sheet.Set(r, 5, "ya");
                // Most units have followed up every audit finding and filed every wealth report; some, mostly the
                // less mature, have not yet; a few have not sent every fact.
                var lag = 1 - SampleGenerator.Maturity(unit, year);
                sheet.Set(r, 6, _random.NextDouble() < 0.35 * lag ? Math.Round(85m + (decimal)_random.NextDouble() * 14m, 1) : 100m);
                sheet.Set(r, 7, _random.NextDouble() < 0.2 * lag ? Math.Round(90m + (decimal)_random.NextDouble() * 9m, 1) : 100m);
                if (_random.NextDouble() > 0.05)
                {
                    sheet.Set(r, 8, _random.NextDouble() < 0.2 * lag ? Math.Round(92m + (decimal)_random.NextDouble() * 7m, 1) : 100m);
                }
                sheet.Set(r, 9, Math.Min(unit.FirstYear, unit.WbkBefore2022 ?? unit.FirstYear) - 1);
                if (_random.NextDouble() > 0.05)
                {
                    sheet.Set(r, 10, lag < 0.25 ? grades[_random.Next(3)] : grades[_random.Next(grades.Length)]);
                }
                r++;
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

    private double Gaussian(double sd)
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
