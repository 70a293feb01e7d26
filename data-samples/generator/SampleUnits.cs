namespace Integritas.SampleData;

/// <summary>An instansi of the sample: how its exports are written and its work units.</summary>
internal sealed record SampleInstansi(string Code, string Name, char Delimiter, bool DecimalComma, bool Bom, IReadOnlyList<SampleUnit> Units);

/// <summary>
/// A sample work unit: its starting maturity (0–1, the share of the LKE it fulfils), the yearly drift of
/// that maturity, the year it starts building ZI, and a WBK it may already hold from before 2022.
/// </summary>
internal sealed record SampleUnit(string Code, string Name, double Maturity, double Drift, int FirstYear, int? WbkBefore2022 = null);

/// <summary>The synthetic units of the sample (names follow real patterns; the data is invented).</summary>
internal static class SampleUnits
{
    public static readonly IReadOnlyList<SampleInstansi> All =
    [
        new("ESDM", "Kementerian Energi dan Sumber Daya Mineral", ',', false, false,
        [
            new("ESDM-01", "Sekretariat Direktorat Jenderal Minyak dan Gas Bumi", 0.80, 0.030, 2022, 2021),
            new("ESDM-02", "Balai Besar Pengujian Minyak dan Gas Bumi", 0.74, 0.045, 2022),
            new("ESDM-03", "Pusat Pengembangan SDM Ketenagalistrikan", 0.69, 0.050, 2022),
            new("ESDM-04", "Balai Pendidikan dan Pelatihan Tambang Bawah Tanah", 0.58, 0.060, 2022),
            new("ESDM-05", "Pusat Survei Geologi", 0.77, 0.020, 2022),
            new("ESDM-06", "Balai Penyelidikan dan Pengembangan Teknologi Kebencanaan Geologi", 0.63, 0.040, 2022),
            new("ESDM-07", "Pusat Air Tanah dan Geologi Tata Lingkungan", 0.71, -0.025, 2022),
            new("ESDM-08", "Balai Besar Survei dan Pengujian Energi Baru Terbarukan", 0.55, 0.070, 2023),
            new("ESDM-09", "Direktorat Pembinaan Program Ketenagalistrikan", 0.66, 0.035, 2022),
            new("ESDM-10", "Pusat Data dan Teknologi Informasi", 0.93, 0.015, 2022, 2020),
            new("ESDM-11", "Biro Umum Sekretariat Jenderal", 0.61, 0.030, 2024),
            new("ESDM-12", "Balai Pengujian Konservasi Energi", 0.52, 0.055, 2022),
            new("ESDM-13", "Pusat Pengembangan SDM Geologi, Mineral dan Batubara", 0.73, 0.040, 2023),
        ]),
        new("KEMENAG", "Kementerian Agama", ';', true, true,
        [
            new("KEMENAG-01", "Kantor Kementerian Agama Kota Bandung", 0.72, 0.040, 2022),
            new("KEMENAG-02", "Kantor Kementerian Agama Kabupaten Sleman", 0.88, 0.03, 2022, 2021),
            new("KEMENAG-03", "Kantor Kementerian Agama Kota Makassar", 0.64, 0.050, 2022),
            new("KEMENAG-04", "Kantor Kementerian Agama Kabupaten Banyuwangi", 0.57, 0.065, 2022),
            new("KEMENAG-05", "Kantor Kementerian Agama Kota Padang", 0.69, 0.020, 2022),
            new("KEMENAG-06", "Kantor Wilayah Kementerian Agama Provinsi Kepulauan Riau", 0.75, 0.035, 2022),
            new("KEMENAG-07", "Kantor Kementerian Agama Kota Batam", 0.62, 0.045, 2023),
            new("KEMENAG-08", "Kantor Kementerian Agama Kabupaten Lombok Timur", 0.53, 0.050, 2022),
            new("KEMENAG-09", "Kantor Kementerian Agama Kota Samarinda", 0.67, -0.030, 2022),
            new("KEMENAG-10", "Madrasah Aliyah Negeri 2 Kota Malang", 0.78, 0.030, 2022),
            new("KEMENAG-11", "Balai Diklat Keagamaan Semarang", 0.60, 0.040, 2024),
            new("KEMENAG-12", "Kantor Kementerian Agama Kabupaten Gowa", 0.56, 0.035, 2023),
            new("KEMENAG-13", "Kantor Kementerian Agama Kota Kupang", 0.50, 0.060, 2022),
            new("KEMENAG-14", "Kantor Urusan Agama Kecamatan Coblong", 0.70, 0.045, 2023),
        ]),
        new("BPS", "Badan Pusat Statistik", ',', false, true,
        [
            new("BPS-01", "BPS Provinsi Jawa Timur", 0.92, 0.025, 2022, 2020),
            new("BPS-02", "BPS Kota Batam", 0.76, 0.035, 2022),
            new("BPS-03", "BPS Kabupaten Sleman", 0.79, 0.030, 2022, 2021),
            new("BPS-04", "BPS Kota Bandung", 0.68, 0.045, 2022),
            new("BPS-05", "BPS Kabupaten Gianyar", 0.65, 0.040, 2022),
            new("BPS-06", "BPS Provinsi Sulawesi Selatan", 0.72, 0.030, 2022),
            new("BPS-07", "BPS Kabupaten Kutai Kartanegara", 0.59, 0.055, 2023),
            new("BPS-08", "BPS Kota Pontianak", 0.63, -0.020, 2022),
            new("BPS-09", "BPS Kabupaten Jayapura", 0.51, 0.060, 2022),
            new("BPS-10", "BPS Kota Bukittinggi", 0.70, 0.040, 2024),
            new("BPS-11", "BPS Kabupaten Lampung Selatan", 0.61, 0.045, 2022),
            new("BPS-12", "BPS Provinsi Nusa Tenggara Barat", 0.74, 0.030, 2023),
            new("BPS-13", "BPS Kota Ternate", 0.54, 0.050, 2022),
        ]),
    ];
}
