using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Integritas.Spreadsheets;

/// <summary>The fixed cell styles the writer offers (indexes into its styles part).</summary>
public enum CellStyle
{
    Default = 0,
    Bold = 1,
    Wrap = 2,
    Number2 = 3,
    Percent1 = 4,
    Header = 5,
    Integer = 6,
    Title = 7,
}

/// <summary>A value to write: text, a number, a boolean, or a formula with the value Excel would cache for it.</summary>
public abstract record CellValue
{
    public sealed record Text(string Value) : CellValue;

    public sealed record Number(decimal Value) : CellValue;

    public sealed record Bool(bool Value) : CellValue;

    /// <summary>A formula (without '=') and its cached result (a number or text; null leaves it uncached).</summary>
    public sealed record Formula(string Expression, object? Cached) : CellValue;

    public static implicit operator CellValue(string text) => new Text(text);

    public static implicit operator CellValue(decimal number) => new Number(number);

    public static implicit operator CellValue(int number) => new Number(number);
}

/// <summary>A sheet being written: cells by row and column, column widths, frozen header, filter.</summary>
public sealed class XlsxSheet(string name, bool hidden)
{
    private readonly SortedDictionary<int, SortedDictionary<int, (CellValue Value, CellStyle Style)>> _rows = [];
    private readonly SortedDictionary<int, double> _widths = [];

    public string Name { get; } = name;

    public bool Hidden { get; } = hidden;

    /// <summary>Rows above this are frozen (1 keeps the header row in view).</summary>
    public int FrozenRows { get; set; }

    /// <summary>An auto-filter over the used range, with its header on this row (0: none).</summary>
    public int FilterHeaderRow { get; set; }

    public XlsxSheet Set(int row, int column, CellValue? value, CellStyle style = CellStyle.Default)
    {
        if (value is null)
        {
            return this;
        }
        if (!_rows.TryGetValue(row, out var cells))
        {
            cells = [];
            _rows[row] = cells;
        }
        cells[column] = (value, style);
        return this;
    }

    /// <summary>Sets a cell by reference, e.g. "K12".</summary>
    public XlsxSheet Set(string reference, CellValue? value, CellStyle style = CellStyle.Default)
    {
        var letters = new string([.. reference.TakeWhile(char.IsLetter)]);
        return Set(int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture), Cell.ColumnIndex(letters.ToUpperInvariant()), value, style);
    }

    public XlsxSheet Width(int column, double characters)
    {
        _widths[column] = characters;
        return this;
    }

    internal string Xml(bool neutralise = false)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        sb.Append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        if (FrozenRows > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"{FrozenRows}\" topLeftCell=\"A{FrozenRows + 1}\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        }
        if (_widths.Count > 0)
        {
            sb.Append("<cols>");
            foreach (var (column, width) in _widths)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<col min=\"{column}\" max=\"{column}\" width=\"{width}\" customWidth=\"1\"/>");
            }
            sb.Append("</cols>");
        }
        sb.Append("<sheetData>");
        var maxColumn = 1;
        foreach (var (row, cells) in _rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<row r=\"{row}\">");
            foreach (var (column, (value, style)) in cells)
            {
                maxColumn = Math.Max(maxColumn, column);
                var reference = Cell.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
                var s = style == CellStyle.Default ? "" : $" s=\"{(int)style}\"";
                sb.Append(value switch
                {
                    CellValue.Text t => $"<c r=\"{reference}\"{s} t=\"inlineStr\"><is><t xml:space=\"preserve\">{Escape(neutralise ? FormulaSafety.Neutralise(t.Value) : t.Value)}</t></is></c>",
                    CellValue.Number n => $"<c r=\"{reference}\"{s}><v>{n.Value.ToString(CultureInfo.InvariantCulture)}</v></c>",
                    CellValue.Bool b => $"<c r=\"{reference}\"{s} t=\"b\"><v>{(b.Value ? 1 : 0)}</v></c>",
                    CellValue.Formula f => f.Cached switch
                    {
                        null => $"<c r=\"{reference}\"{s}><f>{Escape(f.Expression)}</f></c>",
                        string text => $"<c r=\"{reference}\"{s} t=\"str\"><f>{Escape(f.Expression)}</f><v>{Escape(text)}</v></c>",
                        IFormattable number => $"<c r=\"{reference}\"{s}><f>{Escape(f.Expression)}</f><v>{number.ToString(null, CultureInfo.InvariantCulture)}</v></c>",
                        _ => throw new ArgumentException($"Unsupported cached value {f.Cached.GetType()}"),
                    },
                    _ => throw new ArgumentException($"Unsupported cell value {value.GetType()}"),
                });
            }
            sb.Append("</row>");
        }
        sb.Append("</sheetData>");
        if (FilterHeaderRow > 0 && _rows.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<autoFilter ref=\"A{FilterHeaderRow}:{Cell.ColumnName(maxColumn)}{_rows.Keys.Max()}\"/>");
        }
        sb.Append("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        sb.Append("</worksheet>");
        return sb.ToString();
    }

    internal static string Escape(string text)
    {
        var escaped = SecurityElement.Escape(text) ?? "";
        // XML 1.0 forbids most control characters; drop them rather than write an unreadable file.
        return new string([.. escaped.Where(c => c is '\t' or '\n' or '\r' || c >= ' ')]);
    }
}

/// <summary>Writes a small, valid .xlsx: inline strings, fixed styles, deterministic bytes.</summary>
public sealed class XlsxWriter
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<XlsxSheet> _sheets = [];

    /// <summary>
    /// Whether text cells that a spreadsheet would run as a formula are neutralised (see <see cref="FormulaSafety"/>):
    /// on for every export of data that came from outside; off only for files that mimic a source exactly.
    /// </summary>
    public bool NeutraliseFormulaText { get; init; } = true;

    public XlsxSheet AddSheet(string name, bool hidden = false)
    {
        var sheet = new XlsxSheet(name, hidden);
        _sheets.Add(sheet);
        return sheet;
    }

    public byte[] Save()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
            var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            var sheets = new StringBuilder();
            for (var i = 0; i < _sheets.Count; i++)
            {
                var n = i + 1;
                types.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>");
                sheets.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{XlsxSheet.Escape(_sheets[i].Name)}\" sheetId=\"{n}\"{(_sheets[i].Hidden ? " state=\"hidden\"" : "")} r:id=\"rId{n}\"/>");
            }
            rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{_sheets.Count + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
            var filters = new StringBuilder();
            for (var i = 0; i < _sheets.Count; i++)
            {
                if (_sheets[i].FilterHeaderRow > 0)
                {
                    filters.Append(CultureInfo.InvariantCulture, $"<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">'{XlsxSheet.Escape(_sheets[i].Name)}'!$A${_sheets[i].FilterHeaderRow}</definedName>");
                }
            }
            Add("[Content_Types].xml", types.Append("</Types>").ToString());
            Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><bookViews><workbookView/></bookViews><sheets>"
                + sheets + "</sheets>" + (filters.Length > 0 ? "<definedNames>" + filters + "</definedNames>" : "") + "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>");
            Add("xl/_rels/workbook.xml.rels", rels.ToString());
            Add("xl/styles.xml", Styles);
            for (var i = 0; i < _sheets.Count; i++)
            {
                Add($"xl/worksheets/sheet{i + 1}.xml", _sheets[i].Xml(NeutraliseFormulaText));
            }
        }
        return output.ToArray();
    }

    // Indexes match CellStyle: 0 default, 1 bold, 2 wrap, 3 0.00, 4 0.0%, 5 header, 6 integer, 7 title.
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="2"><numFmt numFmtId="164" formatCode="0.00"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>
        <fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><color rgb="FF1F3864"/><name val="Calibri"/><family val="2"/></font></fonts>
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F0"/><bgColor indexed="64"/></patternFill></fill></fills>
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FF7B8794"/></bottom><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="8">
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
        <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
        </cellXfs>
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        </styleSheet>
        """;
}
