using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Integritas.Spreadsheets;

public sealed record SheetInfo(string Name, bool Hidden, string Part);

public enum CellKind
{
    Number,
    Text,
    Boolean,
    Error,
}

/// <summary>
/// One stored cell: its 1-based column, its value as stored (numbers in invariant text, as Excel writes
/// them), what kind of value it is, and its formula when it has one (empty text for a shared formula's copies).
/// </summary>
public readonly record struct Cell(int Column, string Value, CellKind Kind, string? Formula)
{
    public bool HasFormula => Formula is not null;

    public decimal? Number => Kind == CellKind.Number && decimal.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public string Reference(int row) => ColumnName(Column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }
        return name;
    }

    public static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var ch in letters)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }
            index = index * 26 + (ch - 'A' + 1);
        }
        return index;
    }
}

/// <summary>The stored (non-empty) cells of one row, by column.</summary>
public sealed record Row(int Index, IReadOnlyList<Cell> Cells)
{
    public Cell? this[int column]
    {
        get
        {
            foreach (var cell in Cells)
            {
                if (cell.Column == column)
                {
                    return cell;
                }
            }
            return null;
        }
    }

    public Cell? this[string column] => this[Cell.ColumnIndex(column)];

    /// <summary>A cell's text, trimmed; empty when the cell is absent.</summary>
    public string Text(int column) => this[column]?.Value.Trim() ?? "";

    public bool IsEmpty => Cells.All(c => c.Value.Trim().Length == 0);
}

/// <summary>
/// An .xlsx opened for reading, after the package was checked against <see cref="PackageLimits"/>: not
/// encrypted, no macros, no expansion past the limits. Sheets are read row by row (streamed); no DTD or
/// external entity is ever resolved.
/// </summary>
public sealed class XlsxWorkbook : IDisposable
{
    private static readonly string[] MacroExtensions = [".xlsm", ".xltm", ".xlam"];

    private readonly ZipArchive _zip;
    private readonly PackageLimits _limits;
    private readonly List<string> _sharedStrings = [];
    private long _inflated;
    private string _reading = "";

    private XlsxWorkbook(ZipArchive zip, PackageLimits limits)
    {
        _zip = zip;
        _limits = limits;
        Sheets = [];
    }

    public IReadOnlyList<SheetInfo> Sheets { get; private set; }

    public static XlsxWorkbook Open(string path, PackageLimits? limits = null)
    {
        limits ??= PackageLimits.Default;
        if (Refusal(Path.GetExtension(path), new FileInfo(path).Length, FileSignature.Sniff(path), limits) is { } refusal)
        {
            throw new SpreadsheetException(refusal);
        }
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException ex)
        {
            throw new SpreadsheetException("not a workbook: the zip package is damaged (" + ex.Message + ")", inner: ex);
        }
        var workbook = new XlsxWorkbook(zip, limits);
        try
        {
            workbook.CheckPackage();
            workbook.LoadStructure();
            return workbook;
        }
        catch (XmlException ex)
        {
            workbook.Dispose();
            throw new SpreadsheetException($"not a workbook: the zip package is damaged: part {Excerpt.Of(workbook._reading)} is not well-formed XML ({ex.Message})", inner: ex);
        }
        catch (InvalidDataException ex)
        {
            workbook.Dispose();
            throw Damaged(workbook._reading, ex);
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Why a file cannot be a workbook we read, from its extension, size and first bytes alone (null: it may be):
    /// checked before the file is read further, or hashed.
    /// </summary>
    public static string? Refusal(string extension, long size, FileKind kind, PackageLimits? limits = null)
    {
        limits ??= PackageLimits.Default;
        extension = extension.ToLowerInvariant();
        if (MacroExtensions.Contains(extension))
        {
            return $"macro-enabled workbooks ({extension}) are refused; save it as .xlsx (Excel Workbook) and send that";
        }
        if (size > limits.MaxFileBytes)
        {
            return $"the file is {size / (1024 * 1024)} MiB; workbooks over {limits.MaxFileBytes / (1024 * 1024)} MiB are refused";
        }
        return kind switch
        {
            FileKind.Zip => null,
            FileKind.Ole => "the workbook is encrypted (password-protected) or in the legacy .xls format; remove the password or save it as .xlsx",
            _ => $"not a workbook: the file is {FileSignature.Describe(kind)}, not an .xlsx package",
        };
    }

    private void CheckPackage()
    {
        if (_zip.Entries.Count > _limits.MaxEntries)
        {
            throw new SpreadsheetException($"the package holds {_zip.Entries.Count} parts; more than {_limits.MaxEntries} is refused");
        }
        long total = 0;
        foreach (var entry in _zip.Entries)
        {
            if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            {
                throw new SpreadsheetException("the workbook contains macros (vbaProject.bin); save it as a macro-free .xlsx");
            }
            if (entry.FullName.Equals("EncryptionInfo", StringComparison.OrdinalIgnoreCase))
            {
                throw new SpreadsheetException("the workbook is encrypted; remove the password and save it again");
            }
            total += entry.Length;
            if (entry.Length > _limits.MaxEntryBytes || total > _limits.MaxTotalBytes)
            {
                throw new SpreadsheetException($"the package expands to more than {Math.Min(_limits.MaxEntryBytes, _limits.MaxTotalBytes) / (1024 * 1024)} MiB (part {entry.FullName}); refused as a possible zip bomb");
            }
            if (entry.CompressedLength > 1024 && (double)entry.Length / entry.CompressedLength > _limits.MaxRatio)
            {
                throw new SpreadsheetException($"part {entry.FullName} expands {entry.Length / Math.Max(1, entry.CompressedLength)}× its packed size; refused as a possible zip bomb");
            }
        }
        VerifyParts();
        var types = Entry("[Content_Types].xml") ?? throw new SpreadsheetException("not a workbook: the package has no [Content_Types].xml");
        var contentTypes = ReadAll(types);
        if (contentTypes.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
        {
            throw new SpreadsheetException("the workbook is macro-enabled; save it as a macro-free .xlsx");
        }
        if (!contentTypes.Contains("spreadsheetml", StringComparison.Ordinal))
        {
            throw new SpreadsheetException("not a workbook: the package is an Office document of another kind (is it a .docx or .pptx renamed?)");
        }
    }

    /// <summary>
    /// Unpacks every part once, before anything is read, so a damaged package (compressed data corrupt, a part
    /// shorter or longer than the zip headers declare) is refused whole, whichever parts a reader later reads
    /// and however far. The sizes are checked against the limits first, so this inflates no bomb.
    /// </summary>
    private void VerifyParts()
    {
        var buffer = new byte[81920];
        foreach (var entry in _zip.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }
            using var stream = Open(entry);
            while (stream.Read(buffer) > 0)
            {
            }
        }
        _inflated = 0;
    }

    private void LoadStructure()
    {
        var workbookPart = "xl/workbook.xml";
        var rootRels = Entry("_rels/.rels");
        if (rootRels is not null)
        {
            foreach (var (_, type, target) in Relationships(rootRels))
            {
                if (type.EndsWith("/officeDocument", StringComparison.Ordinal))
                {
                    workbookPart = Resolve("", target);
                }
            }
        }
        var folder = workbookPart.Contains('/') ? workbookPart[..workbookPart.LastIndexOf('/')] : "";
        var relsPart = $"{folder}/_rels/{Path.GetFileName(workbookPart)}.rels";
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        string? sharedStringsPart = null;
        if (Entry(relsPart) is { } rels)
        {
            foreach (var (id, type, target) in Relationships(rels))
            {
                targets[id] = Resolve(folder, target);
                if (type.EndsWith("/sharedStrings", StringComparison.Ordinal))
                {
                    sharedStringsPart = Resolve(folder, target);
                }
            }
        }
        var sheets = new List<SheetInfo>();
        var entry = Entry(workbookPart) ?? throw new SpreadsheetException("not a workbook: xl/workbook.xml is missing");
        using (var reader = Xml(entry))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    var name = reader.GetAttribute("name") ?? "";
                    var state = reader.GetAttribute("state");
                    var rid = reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships") ?? "";
                    if (targets.TryGetValue(rid, out var part))
                    {
                        sheets.Add(new SheetInfo(name, state is "hidden" or "veryHidden", part));
                    }
                }
            }
        }
        Sheets = sheets;
        if (sharedStringsPart is not null && Entry(sharedStringsPart) is { } strings)
        {
            LoadSharedStrings(strings);
        }
    }

    private void LoadSharedStrings(ZipArchiveEntry entry)
    {
        using var reader = Xml(entry);
        var current = new StringBuilder();
        var inSi = false;
        var phonetic = 0;
        var advance = true;
        while (!advance || reader.Read())
        {
            advance = true;
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "si":
                        inSi = true;
                        current.Clear();
                        if (reader.IsEmptyElement)
                        {
                            _sharedStrings.Add("");
                            inSi = false;
                        }
                        break;
                    case "rPh" when !reader.IsEmptyElement:
                        phonetic++;
                        break;
                    case "t" when inSi && phonetic == 0:
                        // ReadElementContentAsString leaves the reader on the next node: do not read past it.
                        current.Append(reader.ReadElementContentAsString());
                        advance = false;
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName == "si" && inSi)
                {
                    _sharedStrings.Add(current.ToString());
                    inSi = false;
                }
                else if (reader.LocalName == "rPh")
                {
                    phonetic--;
                }
            }
        }
    }

    public SheetInfo? FindSheet(string name) =>
        Sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The sheet's rows with at least one stored cell, in order, read as the file is parsed. A damaged part
    /// (XML cut short or malformed, compressed data corrupt, sizes that disagree with the zip headers) stops
    /// the reading with a <see cref="SpreadsheetException"/> naming the sheet and the row reached.
    /// </summary>
    public IEnumerable<Row> ReadRows(SheetInfo sheet)
    {
        var at = new RowPosition();
        using var rows = ReadRows(sheet, at).GetEnumerator();
        while (true)
        {
            bool more;
            try
            {
                more = rows.MoveNext();
            }
            catch (XmlException ex)
            {
                throw new SpreadsheetException(
                    $"sheet '{Excerpt.Of(sheet.Name)}' is damaged: its XML is not well-formed{(at.Row > 0 ? $" at row {at.Row}" : "")} ({ex.Message}); open the file in Excel and save it again, or send it again",
                    sheet.Name, at.Row > 0 ? at.Row : null, ex);
            }
            catch (InvalidDataException ex)
            {
                throw Damaged(sheet.Part, ex, sheet.Name, at.Row > 0 ? at.Row : null);
            }
            if (!more)
            {
                yield break;
            }
            yield return rows.Current;
        }
    }

    private sealed class RowPosition
    {
        public int Row { get; set; }
    }

    private IEnumerable<Row> ReadRows(SheetInfo sheet, RowPosition at)
    {
        var entry = Entry(sheet.Part) ?? throw new SpreadsheetException($"sheet '{Excerpt.Of(sheet.Name)}' has no part {Excerpt.Of(sheet.Part)}", sheet.Name);
        using var reader = Xml(entry);
        var cells = new List<Cell>();
        var rowIndex = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
            {
                rowIndex = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowIndex + 1;
                at.Row = rowIndex;
                cells.Clear();
                if (reader.IsEmptyElement)
                {
                    continue;
                }
                ReadCells(reader, cells, rowIndex, sheet.Name);
                if (cells.Count > 0)
                {
                    yield return new Row(rowIndex, [.. cells]);
                }
            }
        }
    }

    /// <summary>A part whose compressed data or sizes are broken: the zip package is damaged.</summary>
    private static SpreadsheetException Damaged(string part, Exception inner, string? sheet = null, int? row = null) =>
        new($"the zip package is damaged: part {Excerpt.Of(part)} cannot be unpacked ({inner.Message}); open the file in Excel and save it again, or send it again", sheet, row, inner);

    private void ReadCells(XmlReader reader, List<Cell> cells, int rowIndex, string sheet)
    {
        var rowDepth = reader.Depth;
        var nextColumn = 1;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == rowDepth) && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                reader.Read();
                continue;
            }
            var reference = reader.GetAttribute("r");
            var column = reference is null ? nextColumn : Cell.ColumnIndex(reference);
            nextColumn = column + 1;
            var type = reader.GetAttribute("t");
            string? value = null;
            string? formula = null;
            var inline = new StringBuilder();
            if (reader.IsEmptyElement)
            {
                reader.Read();
            }
            else
            {
                var cellDepth = reader.Depth;
                reader.Read();
                while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == cellDepth) && !reader.EOF)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "v" or "f" or "t")
                    {
                        var name = reader.LocalName;
                        var text = reader.IsEmptyElement ? "" : null;
                        if (text is null)
                        {
                            // Leaves the reader on the node after the element.
                            text = reader.ReadElementContentAsString();
                        }
                        else
                        {
                            reader.Read();
                        }
                        switch (name)
                        {
                            case "v":
                                value = text;
                                break;
                            case "f":
                                formula = text;
                                break;
                            default:
                                inline.Append(text);
                                break;
                        }
                        continue;
                    }
                    reader.Read();
                }
                reader.Read();
            }
            Cell? cell = type switch
            {
                "s" => value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                    ? i < _sharedStrings.Count ? new Cell(column, _sharedStrings[i], CellKind.Text, formula)
                        : throw new SpreadsheetException($"cell {Cell.ColumnName(column)}{rowIndex} points at shared string {i}, which does not exist", sheet, rowIndex)
                    : null,
                "inlineStr" => new Cell(column, inline.ToString(), CellKind.Text, formula),
                "str" => new Cell(column, value ?? "", CellKind.Text, formula),
                "b" => new Cell(column, value == "1" ? "TRUE" : "FALSE", CellKind.Boolean, formula),
                "e" => new Cell(column, value ?? "#N/A", CellKind.Error, formula),
                _ => value is null ? (formula is null ? null : new Cell(column, "", CellKind.Text, formula)) : new Cell(column, value, CellKind.Number, formula),
            };
            if (cell is { } c)
            {
                cells.Add(c);
            }
        }
    }

    private ZipArchiveEntry? Entry(string name) => _zip.GetEntry(name) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>An entry's content, counted against the limits; the part being read is remembered for the messages of a damaged package.</summary>
    private LimitedStream Open(ZipArchiveEntry entry)
    {
        _reading = entry.FullName;
        return new LimitedStream(entry.Open(), Math.Min(entry.Length, _limits.MaxEntryBytes), entry.FullName, this);
    }

    private XmlReader Xml(ZipArchiveEntry entry)
    {
        var stream = Open(entry);
        return XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
            MaxCharactersFromEntities = 0,
        });
    }

    private string ReadAll(ZipArchiveEntry entry)
    {
        using var stream = Open(entry);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private IEnumerable<(string Id, string Type, string Target)> Relationships(ZipArchiveEntry entry)
    {
        using var reader = Xml(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship")
            {
                yield return (reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "", reader.GetAttribute("Target") ?? "");
            }
        }
    }

    private static string Resolve(string folder, string target)
    {
        if (target.StartsWith('/'))
        {
            return target[1..];
        }
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var segment in target.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not "." and not "")
            {
                parts.Add(segment);
            }
        }
        return string.Join('/', parts);
    }

    private void CountInflated(long bytes, string part)
    {
        _inflated += bytes;
        if (_inflated > _limits.MaxTotalBytes)
        {
            throw new SpreadsheetException($"the package expanded past {_limits.MaxTotalBytes / (1024 * 1024)} MiB while reading {part}; refused as a possible zip bomb");
        }
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>Counts what an entry inflates to and stops at its declared size (a forged header cannot smuggle more).</summary>
    private sealed class LimitedStream(Stream inner, long limit, string part, XlsxWorkbook owner) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            if (n == 0 && buffer.Length > 0 && _read < limit)
            {
                // The zip headers promise more than the compressed data holds: the entry was cut or its sizes forged.
                throw new SpreadsheetException(
                    string.Create(CultureInfo.InvariantCulture, $"the zip package is damaged: part {Excerpt.Of(part)} unpacks to {_read:N0} bytes, but the package declares {limit:N0}; open the file in Excel and save it again, or send it again"));
            }
            _read += n;
            owner.CountInflated(n, part);
            if (_read > limit)
            {
                throw new SpreadsheetException($"part {part} inflates past its declared size; refused as a possible zip bomb");
            }
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
