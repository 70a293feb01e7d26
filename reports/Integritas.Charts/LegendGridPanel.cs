using ScottPlot;

namespace Integritas.Charts;

/// <summary>
/// The legend under a chart, in as many equal columns as fit across the figure and as many rows as that
/// takes. ScottPlot's own bottom legend measures itself as one unwrapped row and is cut off when its items
/// do not fit; here the figure is always <see cref="ChartTheme.PrintWidth"/> wide, so the grid is known
/// before the plot is laid out.
/// </summary>
/// <param name="plot">Whose plottables' legend items are listed, unless <paramref name="items"/> are given.</param>
/// <param name="items">The items in the order to list them, when that is not the drawing order.</param>
internal sealed class LegendGridPanel(Plot plot, IReadOnlyList<LegendItem>? items = null) : IPanel
{
    private const float SymbolWidth = 36;
    private const float SymbolGap = 8;
    private const float ColumnGap = 24;
    private const float RowGap = 4;
    private const float Margin = 12;


    public bool IsVisible { get; set; } = true;

    public Edge Edge => Edge.Bottom;

    public bool ShowDebugInformation { get; set; }

    public float MinimumSize { get; set; }

    public float MaximumSize { get; set; } = float.MaxValue;

    public float Measure(Paint paint)
    {
        var grid = Layout(paint);
        return grid.RowHeights.Length == 0 ? 0 : 2 * Margin + grid.RowHeights.Sum() + (grid.RowHeights.Length - 1) * RowGap;
    }

    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) =>
        new(0, ChartTheme.PrintWidth, dataRect.Bottom + offset + size, dataRect.Bottom + offset);

    public void Render(RenderPack rp, float size, float offset)
    {
        var grid = Layout(rp.Paint);
        var rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        var columns = Math.Min(grid.Columns, grid.Items.Length);
        var totalWidth = columns * grid.ColumnWidth + (columns - 1) * ColumnGap;
        var left = (ChartTheme.PrintWidth - totalWidth) / 2;
        var top = rect.Top + Margin;
        for (var i = 0; i < grid.Items.Length; i++)
        {
            var row = i / grid.Columns;
            var x = left + i % grid.Columns * (grid.ColumnWidth + ColumnGap);
            var y = top + grid.RowHeights.Take(row).Sum() + row * RowGap;
            // The symbol sits by the first line of a wrapped label.
            DrawSymbol(rp, grid.Items[i], x, y + grid.LineHeight / 2);
            var label = Label();
            label.Alignment = Alignment.UpperLeft;
            label.Render(rp.Canvas, new Pixel(x + SymbolWidth + SymbolGap, y), rp.Paint, grid.Texts[i]);
        }
    }

    private static LabelStyle Label() => new()
    {
        FontName = ChartTheme.FontName,
        FontSize = ChartTheme.TextSize,
        ForeColor = ChartTheme.Ink,
    };

    /// <summary>Equal columns as wide as the widest (wrapped) label; each row as tall as its tallest label.</summary>
    private (LegendItem[] Items, string[] Texts, int Columns, float ColumnWidth, float LineHeight, float[] RowHeights) Layout(Paint paint)
    {
        var shown = (items ?? plot.Legend.GetItems()).Where(i => i.IsVisible && !string.IsNullOrEmpty(i.LabelText)).ToArray();
        if (shown.Length == 0)
        {
            return (shown, [], 1, 0, 0, []);
        }
        var label = Label();
        var available = ChartTheme.PrintWidth - 2 * Margin;
        // Labels too long for two columns are wrapped to half the width, so long names still share a row.
        var textWidth = (available - ColumnGap) / 2 - SymbolWidth - SymbolGap;
        var texts = shown.Select(i => Wrap(i.LabelText, textWidth, label, paint)).ToArray();
        var sizes = texts.Select(t => label.Measure(t, paint)).ToArray();
        var columnWidth = SymbolWidth + SymbolGap + sizes.Max(s => s.Width);
        var fitting = Math.Clamp((int)((available + ColumnGap) / (columnWidth + ColumnGap)), 1, shown.Length);
        // As few rows as the fitting columns allow, then as few columns as those rows need: 4 items make 2 × 2, not 3 + 1.
        var rows = (shown.Length + fitting - 1) / fitting;
        var columns = (shown.Length + rows - 1) / rows;
        var rowHeights = sizes.Select((s, i) => (s.Height, Row: i / columns)).GroupBy(x => x.Row).Select(g => g.Max(x => x.Height)).ToArray();
        return (shown, texts, columns, columnWidth, sizes[0].LineHeight, rowHeights);
    }

    /// <summary>Breaks text at spaces into lines no wider than <paramref name="width"/> (a longer single word stays whole).</summary>
    private static string Wrap(string text, float width, LabelStyle label, Paint paint)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && label.Measure(candidate, paint).Width > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// What the item stands for: a filled box for bars and areas (with its outline, if any), a line (dashed if
    /// dashed) for lines and outlines, and the marker on top.
    /// </summary>
    private static void DrawSymbol(RenderPack rp, LegendItem item, float x, float y)
    {
        var line = item.LineStyle.Width > 0 && item.LineStyle.Color.Alpha > 0 ? item.LineStyle
            : item.OutlineStyle.Width > 0 && item.OutlineStyle.Color.Alpha > 0 ? item.OutlineStyle
            : null;
        if (item.FillStyle.Color.Alpha > 0)
        {
            var box = line is null ? new PixelRect(x + 8, x + SymbolWidth - 8, y + 9, y - 9) : new PixelRect(x + 2, x + SymbolWidth - 2, y + 9, y - 9);
            Drawing.FillRectangle(rp.Canvas, box, rp.Paint, item.FillStyle);
        }
        if (line is not null)
        {
            Drawing.DrawLine(rp.Canvas, rp.Paint, new Pixel(x, y), new Pixel(x + SymbolWidth, y), line);
        }
        if (item.MarkerStyle.IsVisible && item.MarkerStyle.Shape != MarkerShape.None)
        {
            item.MarkerStyle.Render(rp.Canvas, new Pixel(x + SymbolWidth / 2, y), rp.Paint);
        }
    }
}
