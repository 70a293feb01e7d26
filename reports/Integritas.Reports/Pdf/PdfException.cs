namespace Integritas.Reports.Pdf;

/// <summary>
/// A document that could not be turned into PDF, or PDFs that could not be joined: names the file and, when
/// LibreOffice failed, its exit code and what it wrote to standard error.
/// </summary>
public sealed class PdfException(string message, string? file = null, int? exitCode = null, string? standardError = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The document (or PDF) concerned; for a batch that failed as a whole, the first of it.</summary>
    public string? File { get; } = file;

    /// <summary>LibreOffice's exit code, when it ran to the end.</summary>
    public int? ExitCode { get; } = exitCode;

    public string StandardError { get; } = standardError ?? "";
}
