using Integritas.Analytics;
using Integritas.Domain.Scoring;
using Integritas.Spreadsheets;

namespace Integritas.Reports.Trends;

/// <summary>
/// The trends as a workbook for further analysis: the summary per group and year, every unit-year with its
/// areas (% of weight and change), the areas holding units back, and targets against ready and awarded units.
/// </summary>
public static class TrendWorkbook
{
    public static byte[] Write(TrendReport report, IReadOnlyList<TargetRow> targets)
    {
        var writer = new XlsxWriter();
        var summary = writer.AddSheet("Ringkasan");
        Header(summary, "Kelompok", "Tahun", "Unit", "Rata-rata", "Median", "Simpangan baku", "Min", "Maks", "WBBM", "WBK", "BELUM", "Siap menurut nilai", "LKE belum lengkap");
        var r = 2;
        foreach (var g in report.Groups)
        {
            summary.Set(r, 1, g.Group).Set(r, 2, g.Year).Set(r, 3, g.Totals.Count);
            N(summary, r, 4, g.Totals.Mean); N(summary, r, 5, g.Totals.Median); N(summary, r, 6, g.Totals.StdDev); N(summary, r, 7, g.Totals.Min); N(summary, r, 8, g.Totals.Max);
            summary.Set(r, 9, g.Wbbm).Set(r, 10, g.Wbk).Set(r, 11, g.Belum).Set(r, 12, g.ScoreReadyWbk).Set(r, 13, g.Incomplete);
            r++;
        }
        summary.Width(1, 44);

        var units = writer.AddSheet("Unit per tahun");
        var areas = report.Units.SelectMany(u => u.Years).SelectMany(y => y.Areas).Select(a => a.Area).Distinct().ToList();
        var columns = new List<string> { "Kode unit", "Unit kerja", "Instansi", "Tahun", "Aturan", "Total", "Perubahan total", "Kesiapan", "Menurut nilai", "Soal kosong" };
        columns.AddRange(areas.SelectMany(a => new[] { $"{a} (poin)", $"{a} (% bobot)", $"{a} Δ %" }));
        Header(units, [.. columns]);
        r = 2;
        foreach (var unit in report.Units)
        {
            foreach (var y in unit.Years)
            {
                units.Set(r, 1, unit.Unit.UnitId).Set(r, 2, unit.Unit.UnitName).Set(r, 3, unit.Unit.Instansi).Set(r, 4, y.Year).Set(r, 5, y.RuleVersion);
                N(units, r, 6, y.Total); N(units, r, 7, y.TotalChange);
                units.Set(r, 8, y.Verdict).Set(r, 9, y.ScoreVerdict).Set(r, 10, y.BlankQuestions);
                var c = 11;
                foreach (var a in areas)
                {
                    var point = y.Areas.FirstOrDefault(p => p.Area == a);
                    N(units, r, c++, point?.Score); N(units, r, c++, point?.Percent); N(units, r, c++, point?.PercentChange);
                }
                r++;
            }
        }
        units.Width(2, 40).Width(3, 34);

        var hold = writer.AddSheet("Area");
        Header(hold, "Area", "Nama", $"Rata-rata % bobot {report.Year}", "Perubahan", "Unit tertahan", "Di bawah minimum WBK");
        r = 2;
        foreach (var h in report.Holdbacks)
        {
            hold.Set(r, 1, h.Area).Set(r, 2, h.Name);
            N(hold, r, 3, h.MeanPercent); N(hold, r, 4, h.MeanPercentChange);
            hold.Set(r, 5, h.UnitsHeldBack).Set(r, 6, h.BelowWbkMinimum);
            r++;
        }
        hold.Width(2, 28);

        var target = writer.AddSheet("Target");
        Header(target, "Tahun", "Instansi", "Unit", "Target WBK", "Siap WBK", "Siap WBK (nilai)", "Anugerah WBK", "Target WBBM", "Siap WBBM", "Siap WBBM (nilai)", "Anugerah WBBM");
        r = 2;
        foreach (var t in targets)
        {
            target.Set(r, 1, t.Year).Set(r, 2, t.Instansi).Set(r, 3, t.Units);
            if (t.TargetWbk is { } tw)
            {
                target.Set(r, 4, tw);
            }
            target.Set(r, 5, t.ReadyWbk).Set(r, 6, t.ScoreReadyWbk).Set(r, 7, t.AwardsKnown ? t.AwardedWbk : null);
            if (t.TargetWbbm is { } tm)
            {
                target.Set(r, 8, tm);
            }
            target.Set(r, 9, t.ReadyWbbm).Set(r, 10, t.ScoreReadyWbbm).Set(r, 11, t.AwardsKnown ? t.AwardedWbbm : null);
            r++;
        }
        target.Width(2, 44);
        return writer.Save();
    }

    private static void Header(XlsxSheet sheet, params string[] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Set(1, c + 1, columns[c], CellStyle.Header);
        }
        sheet.FrozenRows = 1;
        sheet.FilterHeaderRow = 1;
    }

    private static void N(XlsxSheet sheet, int row, int column, decimal? value)
    {
        if (value is { } v)
        {
            sheet.Set(row, column, Score.Round2(v), CellStyle.Number2);
        }
    }
}
