using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Integritas.TestSupport;

/// <summary>
/// Damages a zip package (a workbook) the ways files get damaged in transit or by broken tools: a part's
/// content cut short, its declared sizes wrong in the headers, its compressed bytes scrambled, the file cut.
/// </summary>
public static class DamagedZip
{
    /// <summary>The package rewritten with <paramref name="part"/>'s content cut to its first half (a valid zip; truncated XML).</summary>
    public static byte[] TruncatePart(byte[] zip, string part)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var rewritten = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var source = entry.Open();
                using var buffer = new MemoryStream();
                source.CopyTo(buffer);
                var content = buffer.ToArray();
                using var target = rewritten.CreateEntry(entry.FullName).Open();
                target.Write(entry.FullName == part ? content.AsSpan(0, content.Length / 2) : content);
            }
        }
        return output.ToArray();
    }

    /// <summary>The same bytes with <paramref name="part"/>'s uncompressed size multiplied by <paramref name="factor"/> in both its local and central headers.</summary>
    public static byte[] DeclareSize(byte[] zip, string part, double factor)
    {
        var bytes = (byte[])zip.Clone();
        var found = false;
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != 0x02014b50)
            {
                continue;
            }
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
            if (Encoding.UTF8.GetString(bytes, i + 46, nameLength) != part)
            {
                continue;
            }
            var size = (uint)(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + 24)) * factor);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
            var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + 42));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), size);
            found = true;
        }
        return found ? bytes : throw new ArgumentException($"no part {part} in the package", nameof(part));
    }

    /// <summary>The same bytes with a stretch of <paramref name="part"/>'s compressed data scrambled (the deflate stream is corrupt).</summary>
    public static byte[] ScrambleData(byte[] zip, string part)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 30 <= bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != 0x04034b50)
            {
                continue;
            }
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
            if (Encoding.UTF8.GetString(bytes, i + 30, nameLength) != part)
            {
                continue;
            }
            var data = i + 30 + nameLength + extraLength;
            var compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + 18));
            for (var k = data + compressed / 4; k < data + compressed / 2; k++)
            {
                bytes[k] ^= 0x5A;
            }
            return bytes;
        }
        throw new ArgumentException($"no part {part} in the package", nameof(part));
    }

    /// <summary>The first <paramref name="fraction"/> of the file, as a download cut off leaves it.</summary>
    public static byte[] Cut(byte[] zip, double fraction = 0.5) => zip[..(int)(zip.Length * fraction)];
}
