using System.Security.Cryptography;
using System.Text;

namespace Integritas.Store.Ingest;

/// <summary>
/// The fingerprint of one LKE's content, independent of row order: each row's fields are hashed (two 64-bit
/// FNV-1a hashes with different bases, 128 bits) and the row hashes combined by XOR (questions are unique
/// within an LKE, so no row cancels another). <see cref="Hash"/> folds in the unit's name, instansi and rule.
/// Stable across runs and platforms, unlike <see cref="HashCode"/>. Public so that writers of generated
/// databases (the national sample generator) store the hash ingest would, and re-ingesting their CSV changes nothing.
/// </summary>
public sealed class ContentFingerprint
{
    private const ulong Prime = 1099511628211;
    private const ulong BasisA = 14695981039346656037;
    private const ulong BasisB = 0x9E3779B97F4A7C15;

    private ulong _a;
    private ulong _b;
    private long _rows;

    public void Add(params ReadOnlySpan<string> fields)
    {
        ulong a = BasisA, b = BasisB;
        foreach (var field in fields)
        {
            foreach (var c in field)
            {
                a = (a ^ c) * Prime;
                b = (b ^ c) * Prime;
                b = (b << 7) | (b >> 57);
            }
            // A separator no field holds, so ("ab","c") and ("a","bc") differ.
            a = (a ^ 0x1F) * Prime;
            b = ((b ^ 0x1F) * Prime) ^ 0x5bd1e995;
        }
        _a ^= a;
        _b ^= b;
        _rows++;
    }

    public string Hash(string name, string instansi, string rule)
    {
        var text = $"{name}\u001f{instansi}\u001f{rule}\u001f{_rows}\u001f{_a:x16}{_b:x16}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
