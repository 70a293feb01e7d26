using static Integritas.Charts.Tests.Seeded;

namespace Integritas.Charts.Tests;

internal static class AreaTrendChartSamples
{
    private const string Axis = "Nilai area (% bobot)";

    public static IEnumerable<ChartSample> All()
    {
        var random = new Random(Seed);
        // Instansi-wide means per area, climbing from just under the WBK line in 2019 as most ZI programmes do.
        var areas = Areas.Select(a => new TrendSeries(a.Name, Years(2019, 2025)
            .Select(y => new YearValue(y, Math.Min(100, 54 + (y - 2019) * 3.2 + Normal(random, 0, 3))))
            .ToList())).ToList();
        yield return Sample("area-trend-areas-2019-2025", new("Capaian area pengungkit Kementerian Contoh 2019–2025", Axis, areas, AreaMinimums, PercentTick));

        // Units joining, skipping a year and dropping out: lines break at the gaps.
        var units = Units(5);
        var gaps = new[] { (2019, 2025, -1), (2019, 2025, 2021), (2022, 2025, -1), (2019, 2022, -1), (2024, 2024, -1) };
        var pengawasan = units.Select((u, i) => new TrendSeries(u.Name, Years(gaps[i].Item1, gaps[i].Item2)
            .Where(y => y != gaps[i].Item3)
            .Select(y => new YearValue(y, Math.Clamp(u.AreaPercents[4] - (2025 - y) * 2.5 + Normal(random, 0, 4), 0, 100)))
            .ToList())).ToList();
        yield return Sample("area-trend-units-with-gaps", new("Penguatan Pengawasan per unit, tahun yang dievaluasi", Axis, pengawasan, AreaMinimums, PercentTick));

        var full = new TrendSeries[]
        {
            new("Penguatan Pengawasan", [new(2023, 92.5), new(2024, 100), new(2025, 100)]),
            new("Manajemen Perubahan", []),
        };
        yield return Sample("area-trend-full-and-empty-series", new("Satu area mencapai 100%, satu tanpa data", Axis, full, AreaMinimums, PercentTick));

        yield return Sample("area-trend-single-year", new("Satu tahun evaluasi", Axis, [new("Manajemen Perubahan", [new(2025, 71.4)])], AreaMinimums, PercentTick));

        yield return Sample("area-trend-no-data", new("Belum ada data", Axis, [], [], PercentTick));
    }

    private static IEnumerable<int> Years(int first, int last) => Enumerable.Range(first, last - first + 1);

    private static ChartSample Sample(string name, AreaTrendChart.Data data) =>
        new(name, typeof(AreaTrendChart), ChartTheme.PrintWidth, 600, () => AreaTrendChart.Render(data));
}
