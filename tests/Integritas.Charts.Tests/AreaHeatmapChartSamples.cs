using static Integritas.Charts.Tests.Seeded;

namespace Integritas.Charts.Tests;

internal static class AreaHeatmapChartSamples
{
    private static readonly string[] Short = [.. Areas.Select(a => a.Code)];
    private const string Scale = "Nilai area (% bobot)";

    public static IEnumerable<ChartSample> All()
    {
        foreach (var count in new[] { 12, 45 })
        {
            var rows = Units(count).OrderByDescending(u => u.Total).Select(u => new HeatmapRow(u.Name, [.. u.AreaPercents.Select(p => (double?)p)])).ToList();
            yield return Sample($"area-heatmap-{count}-units", new($"Capaian area per unit 2025 ({count} unit)", Short, rows, AreaMinimums, Scale, Cell, PercentTick), rows.Count);
        }

        var edge = new HeatmapRow[]
        {
            new("Unit dengan area penuh", [100, 100, 100, 100, 100, 100]),
            new("Unit dengan nilai tepat di batas", [60, 75, 59.99, 74.99, 0, 100]),
            new("Unit yang belum dinilai di dua area", [81.2, null, 66.7, null, 90, 55]),
        };
        yield return Sample("area-heatmap-edges-and-missing", new("Batas, nilai penuh dan nilai kosong", Short, edge, AreaMinimums, Scale, Cell, PercentTick), edge.Length);

        var one = Units(1)[0];
        yield return Sample("area-heatmap-single-unit", new("Satu unit", Short, [new(one.Name, [.. one.AreaPercents.Select(p => (double?)p)])], AreaMinimums, Scale, Cell, PercentTick), 1);

        yield return Sample("area-heatmap-empty", new("Belum ada unit", Short, [], AreaMinimums, Scale, Cell, PercentTick), 0);
    }

    /// <summary>
    /// "81,2": the colour bar's label gives the unit, so cells stay narrow. Cut, not rounded, to one decimal,
    /// so 59,99 (under the WBK minimum, coloured so) reads "59,9" and not "60,0".
    /// </summary>
    private static string Cell(double value) => (Math.Truncate(value * 10) / 10).ToString("0.0", Indonesian);

    private static ChartSample Sample(string name, AreaHeatmapChart.Data data, int rows) =>
        new(name, typeof(AreaHeatmapChart), ChartTheme.PrintWidth, AreaHeatmapChart.HeightFor(rows), () => AreaHeatmapChart.Render(data));
}
