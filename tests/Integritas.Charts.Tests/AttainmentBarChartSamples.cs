using static Integritas.Charts.Tests.Seeded;

namespace Integritas.Charts.Tests;

internal static class AttainmentBarChartSamples
{
    public static IEnumerable<ChartSample> All()
    {
        var units = Units(30);
        var means = Areas.Select((a, i) => new LabeledValue(a.Name, units.Average(u => u.AreaPercents[i]))).ToList();
        yield return Sample("attainment-area-means", new("Rata-rata capaian area pengungkit 2025 (30 unit)", "Nilai area sebagai persentase bobot", means, AreaMinimums, Percent, PercentTick));

        var one = units[0];
        var full = Areas.Select((a, i) => new LabeledValue(a.Name, i == 4 ? 100 : one.AreaPercents[i])).ToList();
        yield return Sample("attainment-one-unit-full-area", new($"Capaian area {one.Name}", "Nilai area sebagai persentase bobot", full, AreaMinimums, Percent, PercentTick));

        // The same chart at 1.5 times the resolution: the same layout, the text no smaller in print.
        yield return new("attainment-area-means-at-1200-wide", typeof(AttainmentBarChart), 1200, 690,
            () => AttainmentBarChart.Render(new("Rata-rata capaian area pengungkit 2025 (30 unit)", "Nilai area sebagai persentase bobot", means, AreaMinimums, Percent, PercentTick), 1200, 690));

        yield return Sample("attainment-empty", new("Belum ada data", "Nilai area sebagai persentase bobot", [], AreaMinimums, Percent, PercentTick));
    }

    private static ChartSample Sample(string name, AttainmentBarChart.Data data) =>
        new(name, typeof(AttainmentBarChart), ChartTheme.PrintWidth, 460, () => AttainmentBarChart.Render(data));
}
