using System.Globalization;
using System.Text;

namespace Integritas.SampleData;

/// <summary>
/// The TPI teams of the latest sample year (<c>lhe-tim.csv</c>): for every sample unit one surat tugas, its dates
/// and a team of a pengendali mutu, a pengendali teknis, a ketua and two or three anggota, with Indonesian names
/// and NIPs that hold a real birth date, an appointment month after the 18th birthday, the sex and a sequence.
/// </summary>
internal static class SampleTeams
{
    public const string Path = "lhe-tim.csv";

    private static readonly (string Name, char Sex)[] People =
    [
        ("Dr. Hendra Kusuma Wijaya, M.Si.", '1'), ("Dra. Sri Wahyuningsih, M.M.", '2'), ("Agus Salim Nasution, S.E., M.Ak.", '1'),
        ("Rina Puspitasari, S.H., M.H.", '2'), ("Bambang Triyono, S.Sos.", '1'), ("Dewi Anggraini Lubis, S.Ak.", '2'),
        ("Muhammad Rizky Pratama, S.T.", '1'), ("Yuliana Siregar, S.E.", '2'), ("Andi Firmansyah, S.Kom.", '1'),
        ("Ni Made Ayu Lestari, S.Psi.", '2'), ("Teguh Santoso, S.AP., M.AP.", '1'), ("Fitri Handayani, S.Sos., M.Si.", '2'),
        ("I Gusti Ngurah Putra, S.E., Ak.", '1'), ("Siti Nurhaliza Rahmawati, S.H.", '2'), ("Yohanes Manurung, S.T., M.T.", '1'),
        ("Lina Marlina Harahap, S.Ak., M.Ak.", '2'), ("Dedi Kurniawan, S.IP.", '1'), ("Ratna Sari Dewi, S.Stat.", '2'),
    ];

    public static string Write(string root, int year, int seed)
    {
        var random = new Random(seed + year);
        var nips = People.Select(p => Nip(random, p.Sex)).ToArray();
        var csv = new StringBuilder("kode_unit,surat_tugas,tanggal_mulai,tanggal_selesai,peran,nama,nip\n");
        var letter = 0;
        foreach (var unit in SampleUnits.All.SelectMany(i => i.Units).Where(u => u.FirstYear <= year).OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            letter++;
            var start = new DateOnly(year, 3, 3).AddDays(7 * random.Next(0, 20));
            while (start.DayOfWeek != DayOfWeek.Monday)
            {
                start = start.AddDays(1);
            }
            var end = start.AddDays(4 + 7 * random.Next(0, 2));
            var number = $"ST-{100 + letter}/IJ/PW.110/{Roman(start.Month)}/{year}";
            var picked = Enumerable.Range(0, People.Length).OrderBy(_ => random.Next()).Take(4 + random.Next(2, 4)).ToList();
            string[] roles = ["pengendali_mutu", "pengendali_teknis", "ketua", .. Enumerable.Repeat("anggota", picked.Count - 3)];
            foreach (var (person, role) in picked.Zip(roles))
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{unit.Code},{number},{start:yyyy-MM-dd},{end:yyyy-MM-dd},{role},\"{People[person].Name}\",{nips[person]}\n");
            }
        }
        SampleGenerator.WriteFile(root, Path, csv.ToString(), bom: false);
        return Path;
    }

    private static string Nip(Random random, char sex)
    {
        var born = new DateOnly(1966, 1, 1).AddDays(random.Next(0, 365 * 25));
        var appointed = born.AddYears(22 + random.Next(0, 8)).AddMonths(random.Next(0, 12));
        return string.Create(CultureInfo.InvariantCulture, $"{born:yyyyMMdd}{appointed:yyyyMM}{sex}{random.Next(1, 40):000}");
    }

    private static string Roman(int month) => new[] { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII" }[month - 1];
}
