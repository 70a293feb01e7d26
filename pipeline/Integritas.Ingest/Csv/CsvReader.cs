using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Integritas.Ingest.Csv;

/// <summary>
/// A streaming RFC 4180 reader for what spreadsheets export: UTF-8 with or without BOM (UTF-16 with a
/// BOM too), <c>,</c> <c>;</c> or tab detected from the header, quoted fields with doubled quotes and
/// line breaks, CR, LF or CRLF. Refuses binary data, invalid UTF-8 and unterminated quotes with the line
/// at fault. Memory does not grow with the file.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private const int ByteBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly string _file;
    private readonly byte[] _bytes = ArrayPool<byte>.Shared.Rent(ByteBufferSize);
    private readonly char[] _chars = ArrayPool<char>.Shared.Rent(ByteBufferSize + 4);
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private Decoder? _utf16;
    private int _byteCount;
    private int _byteStart;
    private int _charCount;
    private int _charPos;
    private bool _eof;
    private int _line = 1;
    private bool _started;

    public CsvReader(Stream stream, string file)
    {
        _stream = stream;
        _file = file;
    }

    /// <summary>The delimiter found in the header line.</summary>
    public char Delimiter { get; private set; } = ',';

    /// <summary>Reads the header record and detects the delimiter from it. Null for an empty file.</summary>
    public CsvRecord? ReadHeader()
    {
        if (_started)
        {
            throw new InvalidOperationException("The header has been read already.");
        }
        _started = true;
        DetectEncoding();
        Delimiter = DetectDelimiter();
        return ReadRecord();
    }

    /// <summary>The records after the header; blank lines are skipped.</summary>
    public IEnumerable<CsvRecord> ReadRecords()
    {
        while (ReadRecord() is { } record)
        {
            if (!record.IsBlank)
            {
                yield return record;
            }
        }
    }

    private CsvRecord? ReadRecord()
    {
        if (!EnsureChars())
        {
            return null;
        }
        var startLine = _line;
        _fields.Clear();
        _field.Clear();
        var quoted = false;
        var atFieldStart = true;
        int quoteLine = 0;
        while (true)
        {
            if (!EnsureChars())
            {
                if (quoted)
                {
                    throw new IngestFileException(new IngestError(_file, "unterminated quote: a field opened with \" is never closed", quoteLine));
                }
                _fields.Add(_field.ToString());
                return new CsvRecord(startLine, [.. _fields]);
            }
            var c = _chars[_charPos++];
            if (c == '\0')
            {
                throw new IngestFileException(new IngestError(_file, "the file holds binary data (a NUL byte), not CSV text", _line));
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (EnsureChars() && _chars[_charPos] == '"')
                    {
                        _field.Append('"');
                        _charPos++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && !PeekIs('\n')))
                    {
                        _line++;
                    }
                    _field.Append(c);
                }
                continue;
            }
            if (c == '"' && atFieldStart)
            {
                quoted = true;
                quoteLine = _line;
                atFieldStart = false;
                continue;
            }
            if (c == Delimiter)
            {
                _fields.Add(_field.ToString());
                _field.Clear();
                atFieldStart = true;
                continue;
            }
            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && PeekIs('\n'))
                {
                    _charPos++;
                }
                _line++;
                _fields.Add(_field.ToString());
                return new CsvRecord(startLine, [.. _fields]);
            }
            _field.Append(c);
            atFieldStart = false;
        }
    }

    private bool PeekIs(char expected) => EnsureChars() && _chars[_charPos] == expected;

    private char DetectDelimiter()
    {
        // Count candidate delimiters outside quotes on the first line.
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        for (var i = _charPos; ; i++)
        {
            if (i >= _charCount)
            {
                break;
            }
            var c = _chars[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!quoted)
            {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        return semicolon > comma && semicolon >= tab ? ';' : tab > comma ? '\t' : ',';
    }

    private void DetectEncoding()
    {
        FillBytes();
        var span = _bytes.AsSpan(0, _byteCount);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _byteStart = 3;
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            _utf16 = Encoding.Unicode.GetDecoder();
            _byteStart = 2;
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            _utf16 = Encoding.BigEndianUnicode.GetDecoder();
            _byteStart = 2;
        }
        else if (span.IndexOf((byte)0) >= 0)
        {
            // Text never holds a NUL byte (UTF-16 carries a BOM); this is a binary file named like a CSV.
            var what = span.StartsWith("PK\u0003\u0004"u8) ? "a zip package (a workbook or document?)" : "binary data";
            throw new IngestFileException(new IngestError(_file, $"the file holds {what}, not CSV text"));
        }
        EnsureChars();
    }

    private void FillBytes()
    {
        var leftover = _byteCount - _byteStart;
        if (leftover > 0 && _byteStart > 0)
        {
            Buffer.BlockCopy(_bytes, _byteStart, _bytes, 0, leftover);
        }
        _byteCount = leftover;
        _byteStart = 0;
        while (!_eof && _byteCount < ByteBufferSize)
        {
            var read = _stream.Read(_bytes, _byteCount, ByteBufferSize - _byteCount);
            if (read == 0)
            {
                _eof = true;
                break;
            }
            _byteCount += read;
        }
    }

    private bool EnsureChars()
    {
        if (_charPos < _charCount)
        {
            return true;
        }
        _charPos = 0;
        _charCount = 0;
        while (_charCount == 0)
        {
            if (_byteStart >= _byteCount)
            {
                if (_eof)
                {
                    return false;
                }
                FillBytes();
                if (_byteCount == 0)
                {
                    return false;
                }
            }
            Decode();
        }
        return true;
    }

    private void Decode()
    {
        var source = _bytes.AsSpan(_byteStart, _byteCount - _byteStart);
        if (_utf16 is not null)
        {
            _utf16.Convert(source, _chars, _eof, out var used, out var written, out _);
            _byteStart += used;
            _charCount = written;
            return;
        }
        var status = Utf8.ToUtf16(source, _chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: _eof);
        _byteStart += bytesRead;
        _charCount = charsWritten;
        if (status == System.Buffers.OperationStatus.InvalidData)
        {
            // Report the line of the bad byte: the lines finished so far plus those inside this chunk.
            var line = _line + _chars.AsSpan(0, charsWritten).Count('\n');
            throw new IngestFileException(new IngestError(_file,
                $"not valid UTF-8 text (byte 0x{_bytes[_byteStart]:X2}); save the file as \"CSV UTF-8\"", line));
        }
        if (status == System.Buffers.OperationStatus.NeedMoreData && charsWritten == 0)
        {
            FillBytes();
            if (_eof && _byteStart >= _byteCount)
            {
                return;
            }
            Decode();
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<char>.Shared.Return(_chars);
    }
}
