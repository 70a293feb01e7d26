namespace Integritas.Ingest.Canonical;

/// <summary>The column names of the canonical LKE CSV (documented in data-samples/FORMATS.md).</summary>
public static class CanonicalColumns
{
    public const string Tahun = "tahun";
    public const string KodeUnit = "kode_unit";
    public const string NamaUnit = "nama_unit";
    public const string Instansi = "instansi";
    public const string Area = "area";
    public const string Bagian = "bagian";
    public const string Indikator = "indikator";
    public const string Bobot = "bobot";
    public const string Soal = "soal";
    public const string Jenis = "jenis";
    public const string Jawaban = "jawaban";

    /// <summary>Optional: the review layer (unit, tpi_unit, tpi_itjen, tpn); default unit.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Optional: a note on the answer.</summary>
    public const string Catatan = "catatan";

    public static readonly string[] Required = [Tahun, KodeUnit, NamaUnit, Instansi, Area, Bagian, Indikator, Bobot, Soal, Jenis, Jawaban];

    public static readonly string[] Optional = [Reviewer, Catatan];

    /// <summary>The predicate-history CSV.</summary>
    public static readonly string[] Predicates = [KodeUnit, Tahun, "predikat"];
}
