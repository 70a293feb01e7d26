using System.Buffers;
using System.Text;

namespace Integritas.Documents;

/// <summary>
/// A part's markup as it is rendered: UTF-8 bytes in a pooled array, so filling a large table allocates
/// neither elements nor growing strings. Disposing returns the array to the pool.
/// </summary>
internal sealed class Utf8Buffer(int capacity) : IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 4096));

    /// <summary>Bytes written; setting it lower discards what was written after.</summary>
    public int Length { get; set; }

    public ReadOnlyMemory<byte> Written => _bytes.AsMemory(0, Length);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Text known to be plain ASCII markup (ids, numbers).</summary>
    public void WriteAscii(string text)
    {
        Ensure(text.Length);
        Length += Encoding.ASCII.GetBytes(text, _bytes.AsSpan(Length));
    }

    /// <summary>
    /// Text content: &amp;, &lt; and &gt; escaped; characters XML cannot hold (control characters other than tab,
    /// line feed and carriage return, U+FFFE, U+FFFF) left out; a lone surrogate becomes U+FFFD.
    /// </summary>
    public void WriteEscaped(ReadOnlySpan<char> text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\t' or '\n' or '\r' => null,
                < ' ' or '\uFFFE' or '\uFFFF' => "",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }
            WriteUtf8(text[start..i]);
            WriteAscii(replacement);
            start = i + 1;
        }
        WriteUtf8(text[start..]);
    }

    /// <summary>Markup (or text already escaped) as UTF-8.</summary>
    public void WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
    }

    private void Ensure(int more)
    {
        if (Length + more <= _bytes.Length)
        {
            return;
        }
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, Length + more));
        _bytes.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = bigger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }
}
