using System.Globalization;

namespace Integritas.Charts.Tests;

/// <summary>One ZI area as the samples label it: code, full name, weight in points.</summary>
internal sealed record Area(string Code, string Name, double Weight);

/// <summary>A sample unit's year: each area as % of its weight (in <see cref="Seeded.Areas"/> order) and the total score.</summary>
internal sealed record UnitYear(string Name, IReadOnlyList<double> AreaPercents, double Total);

/// <summary>
/// Realistic sample data from a fixed seed, so every run draws the same pictures: unit names as an
/// inspectorate's list shows them, area attainment around the WBK line, totals between 60 and 95.
/// </summary>
internal static class Seeded
{
    public const int Seed = 20251122;

    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static readonly IReadOnlyList<Area> Areas =
    [
        new("MP", "Manajemen Perubahan", 8),
        new("TT", "Penataan Tatalaksana", 7),
        new("SDM", "Penataan Sistem Manajemen SDM Aparatur", 10),
        new("AK", "Penguatan Akuntabilitas", 10),
        new("PW", "Penguatan Pengawasan", 15),
        new("PP", "Peningkatan Kualitas Pelayanan Publik", 10),
    ];

    /// <summary>The area minimums as the reports name them.</summary>
    public static readonly IReadOnlyList<ThresholdLine> AreaMinimums =
    [
        new(60, "Minimum WBK 60%", ThresholdStyle.Wbk),
        new(75, "Minimum WBBM 75%", ThresholdStyle.Wbbm),
    ];

    /// <summary>The total score minimums.</summary>
    public static readonly IReadOnlyList<ThresholdLine> TotalMinimums =
    [
        new(75, "Minimum WBK 75", ThresholdStyle.Wbk),
        new(85, "Minimum WBBM 85", ThresholdStyle.Wbbm),
    ];

    private static readonly string[] Kinds = ["Balai Besar Pengujian", "Kantor Wilayah", "Balai Diklat", "Loka Pemeriksaan", "Kantor Pelayanan", "Balai Pengelolaan Sumber Daya"];

    private static readonly string[] Places =
    [
        "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Bengkulu", "Sumatera Selatan",
        "Bangka Belitung", "Lampung", "Banten", "DKI Jakarta", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur",
        "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan",
        "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat",
        "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Selatan",
        "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya", "Surabaya", "Medan", "Makassar", "Palembang", "Semarang",
        "Bandung", "Denpasar",
    ];

    /// <summary>"81,2%": one decimal, Indonesian comma.</summary>
    public static string Percent(double value) => value.ToString("0.0", Indonesian) + "%";

    /// <summary>"80%": axis ticks, which fall on whole percentages.</summary>
    public static string PercentTick(double value) => value.ToString("0", Indonesian) + "%";

    /// <summary>"81,25": a score with two decimals, as the reports show totals.</summary>
    public static string Score(double value) => value.ToString("0.00", Indonesian);

    /// <summary><paramref name="count"/> distinct units with area attainment and totals; a unit's areas move together.</summary>
    public static IReadOnlyList<UnitYear> Units(int count, int seed = Seed)
    {
        var random = new Random(seed);
        var names = Names(count, random);
        var units = new List<UnitYear>(count);
        foreach (var name in names)
        {
            var quality = Normal(random, 72, 9);
            var percents = Areas.Select(_ => Math.Clamp(Math.Round(quality + Normal(random, 0, 8), 2), 20, 100)).ToArray();
            var pengungkit = Areas.Select((a, i) => a.Weight * percents[i] / 100).Sum();
            var hasil = Math.Clamp(Normal(random, 30 + (quality - 72) / 4, 3), 18, 39.5);
            units.Add(new UnitYear(name, percents, Math.Round(pengungkit + hasil, 2)));
        }
        return units;
    }

    /// <summary>A normal draw (Box–Muller), enough for sample data.</summary>
    public static double Normal(Random random, double mean, double sd) =>
        mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static List<string> Names(int count, Random random)
    {
        var places = Places.OrderBy(_ => random.Next()).ToList();
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            names.Add($"{Kinds[random.Next(Kinds.Length)]} {places[i % places.Count]}" + (i >= places.Count ? " II" : ""));
        }
        return names;
    }
}
