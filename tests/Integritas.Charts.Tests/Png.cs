using System.Buffers.Binary;

namespace Integritas.Charts.Tests;

/// <summary>Reads what a test needs from PNG bytes and writes them where a person can open them.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The folder the catalogue's pictures are written to: <c>charts/</c> beside the test binaries.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "charts");

    public static bool HasSignature(byte[] bytes) => bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual(Signature);

    /// <summary>Width and height from the IHDR chunk, which the PNG format requires to come first.</summary>
    public static (int Width, int Height) Size(byte[] bytes) =>
        (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));

    public static string Write(string name, byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
