using System.Globalization;
using System.Text;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;

namespace Integritas.TestSupport;

/// <summary>
/// Valid test values. <see cref="Lke"/> writes a whole canonical LKE in the real 90/2021 structure with
/// every answer at its best (pengungkit 60, hasil 40), so a test states only the answers it changes.
/// </summary>
public static class Some
{
    public const string Header = "tahun,kode_unit,nama_unit,instansi,area,bagian,indikator,bobot,soal,jenis,jawaban";
    public const string Instansi = "Kementerian Contoh";

    /// <summary>The best answer of each kind.</summary>
    public static string Best(AnswerKind kind) => kind switch
    {
        AnswerKind.YT => "Ya",
        AnswerKind.PERSEN => "100%",
        AnswerKind.INDEKS => "4",
        _ => "A",
    };

    /// <summary>One unit-year's rows (no header); <paramref name="answers"/> overrides answers by question code.</summary>
    public static IEnumerable<string> LkeRows(string unit = "U-01", int year = 2024, IReadOnlyDictionary<string, string>? answers = null, string? name = null)
    {
        foreach (var indicator in LkeCatalog.Lke90.Indicators)
        {
            foreach (var question in indicator.Questions)
            {
                var answer = answers is not null && answers.TryGetValue(question.Code, out var a) ? a : Best(question.Kind);
                yield return string.Join(',',
                    year.ToString(CultureInfo.InvariantCulture), unit, name ?? $"Unit {unit}", Instansi, indicator.Area, indicator.Part.ToCode(),
                    indicator.Code, LkeNumber.Canonical(indicator.Weight), question.Code, question.Kind.ToString(), Quote(answer));
            }
        }
    }

    /// <summary>A canonical LKE CSV file's text: header and the rows of one or more unit-years.</summary>
    public static string Lke(string unit = "U-01", int year = 2024, IReadOnlyDictionary<string, string>? answers = null) =>
        Csv(LkeRows(unit, year, answers));

    public static string Csv(IEnumerable<string> rows)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var row in rows)
        {
            sb.Append(row).Append('\n');
        }
        return sb.ToString();
    }

    private static string Quote(string value) =>
        value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
