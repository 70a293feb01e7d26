using System.Runtime.CompilerServices;

namespace Integritas.TestSupport;

/// <summary>Thrown when output differs from its approved golden file.</summary>
public sealed class GoldenMismatchException(string message) : Exception(message);

/// <summary>
/// Golden files for output that must not drift: <c>Golden/NAME.approved.txt</c> beside the test source.
/// A mismatch writes <c>NAME.received.txt</c> next to it (diff the two; copy over to approve) and fails.
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Golden");
        var approved = Path.Combine(folder, name + ".approved.txt");
        var received = Path.Combine(folder, name + ".received.txt");
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        if (File.Exists(approved) && File.ReadAllText(approved).Replace("\r\n", "\n", StringComparison.Ordinal) == normalized)
        {
            File.Delete(received);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(received, normalized);
        throw new GoldenMismatchException(File.Exists(approved)
            ? $"Output differs from {approved}; see {received}."
            : $"No approved output yet for '{name}'; review {received} and rename it to {Path.GetFileName(approved)}.");
    }
}
