using Integritas.Domain.Lke;

namespace Integritas.SampleData;

/// <summary>One review layer's answers: lettered/index answers by question code, and the counts of each percentage item in catalogue order.</summary>
public sealed record WorkbookLayer(Reviewer Reviewer, IReadOnlyDictionary<string, string> Answers, IReadOnlyDictionary<string, IReadOnlyList<int?>> Counts);

/// <summary>How the sub-indicators of a group are numbered in column E.</summary>
public enum SubIndicatorNumbering
{
    /// <summary>The layout's own: the regulation's for "LKE ZI", the Itjen template's letters for "Jawaban".</summary>
    Default,

    /// <summary>PermenPANRB 90/2021 Lampiran III page 85: the first "i." (again), the second not numbered at all.</summary>
    Regulation,

    /// <summary>The Itjen TPI template: "a.", "b.".</summary>
    Letters,
}

/// <summary>The imperfections hand-kept copies of the workbook carry, to write into a sample or a test file.</summary>
public sealed record WorkbookQuirks
{
    /// <summary>Answer-kind cells typed wrongly, by question code (e.g. "A/B/CD", a bare "Ya").</summary>
    public IReadOnlyDictionary<string, string> KindTypos { get; init; } = new Dictionary<string, string>();

    /// <summary>Answer-kind cells with stray spaces and line breaks around or inside an exact kind (" A/B/C ", "A/B/C/D\n", "Ya / Tidak").</summary>
    public bool StrayKindSpaces { get; init; }

    /// <summary>Constants typed over the value formula of an indicator or group (by code) or area (by "AREA:part"), in the first layer.</summary>
    public IReadOnlyDictionary<string, decimal> TypedValues { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Percentage items whose ratio is typed over the formula (first layer), keeping the counts.</summary>
    public IReadOnlyDictionary<string, decimal> TypedPercents { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Subtotal counts ("Jumlah yang harus melaporkan") typed as a constant over their SUM formula, by percentage item (first layer).</summary>
    public IReadOnlyDictionary<string, int> TypedSubtotals { get; init; } = new Dictionary<string, int>();

    /// <summary>Groups whose value formula adds only their first sub-indicator (a row added without extending the sum).</summary>
    public IReadOnlyList<string> BrokenGroupFormulas { get; init; } = [];

    /// <summary>
    /// Indicator (or group) rows that carry "%" in the answer-kind column although their questions hold the answers.
    /// The regulation's own LKE does so for "ii. Penanganan Pengaduan Masyarakat" and "iii. Penyampaian Laporan Harta
    /// Kekayaan" (Lampiran III page 85), as does the Itjen template (its rows 167 and 172).
    /// </summary>
    public IReadOnlyList<string> PercentOnIndicatorRows { get; init; } = ["PW-R2", "PW-R3"];

    public SubIndicatorNumbering SubIndicators { get; init; }

    /// <summary>
    /// Numbering as hand-kept copies have it: a question letter skipped, an area number and an indicator numeral
    /// repeated, one indicator numeral missing, column A's row numbers skipping and repeating.
    /// </summary>
    public bool SkippedNumbering { get; init; }

    /// <summary>A hidden sheet with an older layout ("Ctt Eval").</summary>
    public bool HiddenSheet { get; init; }

    /// <summary>Line breaks inside question texts and answer-kind cells.</summary>
    public bool LineBreaks { get; init; }

    /// <summary>Signature and approval rows after the totals.</summary>
    public bool SignatureRows { get; init; }

    /// <summary>A note row (text, no answer kind, no answer) inserted after this question.</summary>
    public string? NoteRowAfter { get; init; }
}
