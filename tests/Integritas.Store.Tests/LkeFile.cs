using System.Text;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

/// <summary>A canonical LKE CSV as editable rows, for building broken files one defect at a time.</summary>
internal sealed class LkeFile
{
    public static readonly string[] Columns = Some.Header.Split(',');

    private readonly List<string[]> _rows;

    public LkeFile(string unit = "U-01", int year = 2024, IReadOnlyDictionary<string, string>? answers = null)
    {
        _rows = [.. Some.LkeRows(unit, year, answers).Select(Split)];
    }

    public IReadOnlyList<string[]> Rows => _rows;

    /// <summary>The line a question's row is on (header = line 1).</summary>
    public int LineOf(string question) => _rows.FindIndex(r => r[8] == question) + 2;

    public LkeFile Set(string question, string column, string value)
    {
        _rows[LineOf(question) - 2][Array.IndexOf(Columns, column)] = value;
        return this;
    }

    public LkeFile Remove(string question)
    {
        _rows.RemoveAt(LineOf(question) - 2);
        return this;
    }

    public LkeFile Append(LkeFile other)
    {
        _rows.AddRange(other._rows);
        return this;
    }

    public LkeFile Duplicate(string question)
    {
        _rows.Add((string[])_rows[LineOf(question) - 2].Clone());
        return this;
    }

    public string Text(char delimiter = ',', string? header = null) =>
        new StringBuilder((header ?? Some.Header).Replace(',', delimiter)).Append('\n')
            .AppendJoin("", _rows.Select(r => string.Join(delimiter, r.Select(f => Quote(f, delimiter))) + "\n"))
            .ToString();

    private static string Quote(string field, char delimiter) =>
        field.Contains(delimiter) || field.Contains('"') || field.Contains('\n') ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return [.. fields];
    }
}
