using static Integritas.Charts.Tests.Seeded;

namespace Integritas.Charts.Tests;

internal static class TotalsDistributionChartSamples
{
    private const string Axis = "Nilai total (0–100)";
    private const string Count = "Jumlah unit";

    public static IEnumerable<ChartSample> All()
    {
        var totals = Units(45).Select(u => u.Total).ToList();
        yield return Sample("totals-distribution-45-units", new("Sebaran nilai evaluasi ZI 2025 (45 unit)", Axis, Count, totals, 2.5, TotalMinimums, Tick, Number));

        // A national scale: thousands of units, counts with thousands separators.
        var random = new Random(Seed);
        var national = Enumerable.Range(0, 25_000).Select(_ => Math.Round(Math.Clamp(Normal(random, 71, 8), 30, 100), 2)).ToList();
        yield return Sample("totals-distribution-national", new("Sebaran nilai evaluasi ZI nasional (25.000 unit)", Axis, Count, national, 2.5, TotalMinimums, Tick, Number));

        // Totals exactly on the thresholds and at 100 go right of their line.
        var edges = new[] { 75.0, 75, 85, 100, 74.99, 84.99 };
        yield return Sample("totals-distribution-on-thresholds", new("Nilai tepat di batas", Axis, Count, edges, 2.5, TotalMinimums, Tick, Number));

        yield return Sample("totals-distribution-single-unit", new("Satu unit", Axis, Count, [78.4], 2.5, TotalMinimums, Tick, Number));

        yield return Sample("totals-distribution-empty", new("Belum ada nilai", Axis, Count, [], 2.5, TotalMinimums, Tick, Number));
    }

    private static string Tick(double value) => value.ToString("0.#", Indonesian);

    /// <summary>"1.234": a whole number with the Indonesian thousands separator.</summary>
    private static string Number(double value) => value.ToString("N0", Indonesian);

    private static ChartSample Sample(string name, TotalsDistributionChart.Data data) =>
        new(name, typeof(TotalsDistributionChart), ChartTheme.PrintWidth, 480, () => TotalsDistributionChart.Render(data));
}
