namespace Integritas.Spreadsheets;

/// <summary>What a file's first bytes say it is, whatever its extension claims.</summary>
public enum FileKind
{
    Empty,
    Zip,
    /// <summary>An OLE compound file: a legacy .xls or .doc, or an encrypted (password-protected) Office file.</summary>
    Ole,
    Pdf,
    Text,
    Binary,
}

public static class FileSignature
{
    /// <summary>How many bytes sniffing reads: enough for every signature and to find the NUL bytes of binary data.</summary>
    public const int HeadBytes = 512;

    public static FileKind Sniff(string path)
    {
        using var stream = File.OpenRead(path);
        return Sniff(stream);
    }

    /// <summary>Sniffs the first <see cref="HeadBytes"/> bytes of a stream (read from its current position, no further).</summary>
    public static FileKind Sniff(Stream stream)
    {
        Span<byte> head = stackalloc byte[HeadBytes];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Sniff(head[..read]);
    }

    public static FileKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return FileKind.Empty;
        }
        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return FileKind.Zip;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return FileKind.Ole;
        }
        if (head.StartsWith("%PDF"u8))
        {
            return FileKind.Pdf;
        }
        // UTF-16 text carries a BOM; any other NUL byte means binary.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return FileKind.Text;
        }
        return head.IndexOf((byte)0) >= 0 ? FileKind.Binary : FileKind.Text;
    }

    /// <summary>How a kind reads in a refusal: "a zip package", "an encrypted or legacy Office file", ...</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Empty => "an empty file",
        FileKind.Zip => "a zip package",
        FileKind.Ole => "an encrypted (password-protected) or legacy binary Office file (.xls/.doc)",
        FileKind.Pdf => "a PDF document",
        FileKind.Text => "a text file",
        _ => "binary data",
    };
}
