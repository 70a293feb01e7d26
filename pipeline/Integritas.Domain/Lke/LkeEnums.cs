namespace Integritas.Domain.Lke;

/// <summary>The answer kind of an LKE question (canonical CSV column <c>jenis</c>).</summary>
public enum AnswerKind
{
    /// <summary>Ya/Tidak.</summary>
    YT,
    ABC,
    ABCD,
    ABCDE,
    /// <summary>A ratio 0–1, computed in the workbook from its "Jumlah" rows.</summary>
    PERSEN,
    /// <summary>A survey index 0–4 (IPAK, IPKP).</summary>
    INDEKS,
}

/// <summary>The part of the LKE a question belongs to (canonical CSV column <c>bagian</c>).</summary>
public enum LkePart
{
    Pemenuhan,
    Reform,
    Hasil,
}

/// <summary>The review layer an answer set comes from, from the least to the most senior.</summary>
public enum Reviewer
{
    Unit,
    TpiUnit,
    TpiItjen,
    Tpn,
}

public static class LkeCodes
{
    /// <summary>The area code used for the hasil component in the canonical format.</summary>
    public const string HasilArea = "HASIL";

    public static string ToCode(this LkePart part) => part switch
    {
        LkePart.Pemenuhan => "pemenuhan",
        LkePart.Reform => "reform",
        LkePart.Hasil => "hasil",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    public static bool TryParsePart(string text, out LkePart part)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "PEMENUHAN": part = LkePart.Pemenuhan; return true;
            case "REFORM": part = LkePart.Reform; return true;
            case "HASIL": part = LkePart.Hasil; return true;
            default: part = default; return false;
        }
    }

    public static bool TryParseKind(string text, out AnswerKind kind)
    {
        var t = text.Trim().ToUpperInvariant();
        foreach (var k in Enum.GetValues<AnswerKind>())
        {
            if (k.ToString() == t)
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static string ToCode(this Reviewer reviewer) => reviewer switch
    {
        Reviewer.Unit => "unit",
        Reviewer.TpiUnit => "tpi_unit",
        Reviewer.TpiItjen => "tpi_itjen",
        Reviewer.Tpn => "tpn",
        _ => throw new ArgumentOutOfRangeException(nameof(reviewer), reviewer, null),
    };

    public static bool TryParseReviewer(string text, out Reviewer reviewer)
    {
        foreach (var r in Enum.GetValues<Reviewer>())
        {
            if (string.Equals(r.ToCode(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                reviewer = r;
                return true;
            }
        }
        reviewer = default;
        return false;
    }
}
