using static Integritas.Charts.Tests.Seeded;

namespace Integritas.Charts.Tests;

internal static class AreaRadarChartSamples
{
    private static readonly string[] Short = [.. Areas.Select(a => a.Code)];

    public static IEnumerable<ChartSample> All()
    {
        var units = Units(12);
        var unit = units[3];
        var random = new Random(Seed);
        var lastYear = unit.AreaPercents.Select(p => Math.Clamp(p - 6 + Normal(random, 0, 5), 0, 100)).ToList();
        yield return Sample("area-radar-unit-against-last-year", new($"Capaian area {unit.Name} 2025", Short,
            [new("2025", unit.AreaPercents), new("2024", lastYear)], AreaMinimums, Percent, PercentTick));

        var best = new[] { 100, 92.5, 100, 88.4, 100, 95.1 };
        yield return Sample("area-radar-full-areas", new("Unit dengan tiga area penuh (100%)", Short, [new("2025", best)], AreaMinimums, Percent, PercentTick));

        yield return Sample("area-radar-empty-series", new("Belum ada nilai", Short, [new("2025", [])], AreaMinimums, Percent, PercentTick));
    }

    private static ChartSample Sample(string name, AreaRadarChart.Data data) =>
        new(name, typeof(AreaRadarChart), ChartTheme.PrintWidth, 680, () => AreaRadarChart.Render(data));
}
