using System.Text;
using Integritas.Spreadsheets;

namespace Integritas.Ingest;

/// <summary>
/// Why (part of) a file was refused, pointing at the place a user can fix: file, sheet, line (header =
/// line 1), column and value.
/// </summary>
public sealed record IngestError(string File, string Message, int? Line = null, string? Column = null, string? Value = null, string? Sheet = null)
{
    public override string ToString()
    {
        var sb = new StringBuilder(File);
        if (Sheet is not null)
        {
            sb.Append(" [").Append(Excerpt.Of(Sheet)).Append(']');
        }
        if (Line is not null)
        {
            sb.Append(':').Append(Line.Value);
        }
        sb.Append(": ");
        if (Column is not null)
        {
            sb.Append("column '").Append(Excerpt.Of(Column)).Append("'");
            sb.Append(Value is not null ? $", value '{Excerpt.Of(Value)}'" : "");
            sb.Append(": ");
        }
        sb.Append(Message);
        return sb.ToString();
    }
}

/// <summary>Thrown when a file cannot be read further (not text, a broken quote); carries the error.</summary>
public sealed class IngestFileException(IngestError error) : Exception(error.ToString())
{
    public IngestError Error { get; } = error;
}

/// <summary>Collects a file's errors: all are counted, the first <see cref="Limit"/> are kept.</summary>
public sealed class ErrorList
{
    public const int Limit = 200;

    private readonly List<IngestError> _errors = [];

    public int Count { get; private set; }

    public IReadOnlyList<IngestError> Kept => _errors;

    public bool Any => Count > 0;

    public void Add(IngestError error)
    {
        Count++;
        if (_errors.Count < Limit)
        {
            _errors.Add(error);
        }
    }
}
