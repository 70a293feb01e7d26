using System.Text;

namespace Integritas.Cli.Output;

public enum Align
{
    Left,
    Right,
}

/// <summary>A column: header, width in characters, alignment; <c>KeepEnd</c> cuts long text keeping its first word and its end (unit names: "Kantor…Kota Bandung").</summary>
public sealed record Column(string Header, int Width, Align Align = Align.Left, bool KeepEnd = false);

/// <summary>A plain-text table for a terminal: fixed column widths, long text cut with an ellipsis.</summary>
public sealed class TextTable(IReadOnlyList<Column> columns)
{
    private readonly List<string[]> _rows = [];

    public int Width => columns.Sum(c => c.Width) + (columns.Count - 1) * 2;

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter output)
    {
        output.WriteLine(Line(columns.Select(c => c.Header).ToArray()));
        output.WriteLine(string.Join("  ", columns.Select(c => new string('-', c.Width))));
        foreach (var row in _rows)
        {
            output.WriteLine(Line(row));
        }
    }

    private string Line(string[] cells)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var text = i < cells.Length ? cells[i] : "";
            if (text.Length > column.Width && column.KeepEnd)
            {
                text = Domain.Formatting.Formats.ShortName(text, column.Width);
            }
            if (text.Length > column.Width)
            {
                text = text[..(column.Width - 1)] + "…";
            }
            if (i > 0)
            {
                sb.Append("  ");
            }
            sb.Append(column.Align == Align.Right ? text.PadLeft(column.Width) : text.PadRight(column.Width));
        }
        return sb.ToString().TrimEnd();
    }
}
