using Integritas.Domain.Lke;

namespace Integritas.Ingest.Workbook;

/// <summary>What an answer-kind ("Pilihan Jawaban") cell says, read as the hand-typed cells of real copies are written.</summary>
internal readonly record struct KindCell(AnswerKind? Kind, bool IsCount, bool IsExact)
{
    public bool IsEmpty => Kind is null && !IsCount;
}

internal static class AnswerKindCell
{
    private static readonly Dictionary<string, AnswerKind> Exact = new(StringComparer.Ordinal)
    {
        ["YA/TIDAK"] = AnswerKind.YT,
        ["A/B/C"] = AnswerKind.ABC,
        ["A/B/C/D"] = AnswerKind.ABCD,
        ["A/B/C/D/E"] = AnswerKind.ABCDE,
        ["%"] = AnswerKind.PERSEN,
        ["NILAI(0-4)"] = AnswerKind.INDEKS,
    };

    /// <summary>
    /// Reads a kind cell: exact forms ("A/B/C/D", "Ya/Tidak", "%", "Nilai (0-4)") and the typos seen in real
    /// copies ("A/B/CD", "A / B / C", a bare "Ya", "Y/T", "Nilai 0-4", "Persen"); <see cref="KindCell.IsExact"/>
    /// is false when the text needed reading charitably.
    /// </summary>
    public static KindCell Parse(string text)
    {
        var compact = new string([.. text.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c))]);
        if (compact.Length == 0)
        {
            return new(null, false, true);
        }
        if (compact == "JUMLAH")
        {
            return new(null, true, true);
        }
        if (Exact.TryGetValue(compact, out var exact))
        {
            return new(exact, false, true);
        }
        if (compact.Contains("JUMLAH", StringComparison.Ordinal))
        {
            return new(null, true, false);
        }
        if (compact.Contains("NILAI", StringComparison.Ordinal) || compact.Contains("0-4", StringComparison.Ordinal) || compact.Contains("INDEKS", StringComparison.Ordinal))
        {
            return new(AnswerKind.INDEKS, false, false);
        }
        if (compact.Contains('%') || compact.Contains("PERSEN", StringComparison.Ordinal))
        {
            return new(AnswerKind.PERSEN, false, false);
        }
        if (compact.StartsWith("YA", StringComparison.Ordinal) || compact.StartsWith("Y/T", StringComparison.Ordinal) || compact == "TIDAK")
        {
            return new(AnswerKind.YT, false, false);
        }
        // Lettered kinds: the highest option letter named decides (A/B/CD → ABCD, A-E → ABCDE).
        var highest = compact.Where(c => c is >= 'A' and <= 'E').DefaultIfEmpty('\0').Max();
        return highest switch
        {
            'C' => new(AnswerKind.ABC, false, false),
            'D' => new(AnswerKind.ABCD, false, false),
            'E' => new(AnswerKind.ABCDE, false, false),
            _ => new(null, false, false),
        };
    }

    public static string Display(AnswerKind kind) => kind switch
    {
        AnswerKind.YT => "Ya/Tidak",
        AnswerKind.ABC => "A/B/C",
        AnswerKind.ABCD => "A/B/C/D",
        AnswerKind.ABCDE => "A/B/C/D/E",
        AnswerKind.PERSEN => "%",
        _ => "Nilai (0-4)",
    };
}
