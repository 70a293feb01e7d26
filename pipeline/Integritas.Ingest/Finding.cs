using Integritas.Domain.Lke;

namespace Integritas.Ingest;

/// <summary>
/// Something a file says that is not an error but deserves a reader's eye: a workbook's cached value that
/// differs from the value recomputed from its answers (an override or a broken formula), a value typed
/// over a formula, an answer-kind cell read despite a typo, a division by zero the workbook cannot do.
/// </summary>
public sealed record Finding(
    Reviewer Reviewer,
    string Sheet,
    string Cell,
    string Level,
    string Item,
    decimal? Cached,
    decimal? Recomputed,
    string Message)
{
    public const string Value = "value";
    public const string TypedOverFormula = "typed-over-formula";
    public const string AnswerKind = "answer-kind";
    public const string ZeroDenominator = "zero-denominator";
    public const string IgnoredRow = "ignored-row";
}

/// <summary>Which unit and evaluation year a file is about, and how the unit is named.</summary>
public sealed record UnitIdentity(string UnitId, int Year, string? UnitName, string? Instansi);
