using static Integritas.Charts.Tests.Seeded;

namespace Integritas.Charts.Tests;

internal static class RankingBarChartSamples
{
    public static readonly ReadinessLabels Labels = new("Memenuhi WBBM", "Memenuhi WBK", "Belum memenuhi");

    public static IEnumerable<ChartSample> All()
    {
        foreach (var count in new[] { 10, 45 })
        {
            var bars = Units(count).Select(u => new RankedBar(u.Name, u.Total, Status(u))).ToList();
            yield return Sample($"ranking-totals-{count}-units", new($"Peringkat nilai evaluasi ZI 2025 ({count} unit)", "Nilai total (0–100)", bars, TotalMinimums, Labels, Score, Tick), count);
        }

        // Points still needed for WBK: the fewest first, no threshold lines.
        var needed = Units(20, Seed + 1).Where(u => Status(u) == Readiness.NotReady)
            .Select(u => new RankedBar(u.Name, Math.Round(Math.Max(0.5, 75 - u.Total + 2), 2), Readiness.NotReady)).ToList();
        yield return Sample("ranking-points-needed", new("Poin yang masih dibutuhkan untuk WBK 2026", "Poin", needed, [], Labels, Score, Tick, LargestFirst: false), needed.Count);

        var one = Units(1)[0];
        yield return Sample("ranking-single-unit", new("Satu unit", "Nilai total (0–100)", [new(one.Name, one.Total, Status(one))], TotalMinimums, Labels, Score, Tick), 1);

        var perfect = new RankedBar[] { new("Unit dengan nilai sempurna dan nama yang sangat panjang sekali sehingga harus dipotong", 100, Readiness.Wbbm), new("Unit lain", 84.99, Readiness.Wbk) };
        yield return Sample("ranking-perfect-score-long-name", new("Nilai 100 dan nama panjang", "Nilai total (0–100)", perfect, TotalMinimums, Labels, Score, Tick), perfect.Length);

        yield return Sample("ranking-empty", new("Belum ada unit", "Nilai total (0–100)", [], TotalMinimums, Labels, Score, Tick), 0);
    }

    /// <summary>Readiness as the rule decides it: the total and every area's minimum.</summary>
    public static Readiness Status(UnitYear unit) =>
        unit.Total >= 85 && unit.AreaPercents.All(p => p >= 75) ? Readiness.Wbbm
        : unit.Total >= 75 && unit.AreaPercents.All(p => p >= 60) ? Readiness.Wbk
        : Readiness.NotReady;

    private static string Tick(double value) => value.ToString("0", Indonesian);

    private static ChartSample Sample(string name, RankingBarChart.Data data, int bars) =>
        new(name, typeof(RankingBarChart), ChartTheme.PrintWidth, RankingBarChart.HeightFor(bars), () => RankingBarChart.Render(data));
}
