using System.Globalization;

namespace Integritas.Documents;

/// <summary>How a template is filled: the culture numbers and dates are written in, and where pictures come from.</summary>
public sealed record RenderOptions
{
    /// <summary>The culture of the document's numbers and dates (callers pass id-ID).</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>
    /// Relative picture paths in the data are resolved against this folder (the data file's folder); a picture
    /// may also be given inline as a <c>data:image/png;base64,…</c> URI.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>At most this many fill errors are collected before rendering stops.</summary>
    public int MaxErrors { get; init; } = 50;
}
