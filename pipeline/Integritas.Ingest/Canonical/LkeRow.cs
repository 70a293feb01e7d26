using Integritas.Domain.Lke;

namespace Integritas.Ingest.Canonical;

/// <summary>
/// One validated answer of one unit-year LKE, whatever format it came from, with the place it came from
/// (line or row, and sheet for workbooks) so every stored answer can be traced to its cell.
/// </summary>
public sealed record LkeRow(
    int Line,
    int Year,
    string UnitId,
    string UnitName,
    string Instansi,
    Reviewer Reviewer,
    string RuleVersion,
    string Area,
    LkePart Part,
    string Indicator,
    decimal Weight,
    string Question,
    AnswerKind Kind,
    string Answer,
    decimal? Value,
    string? Sheet = null,
    string? Note = null,
    string? Cell = null);
