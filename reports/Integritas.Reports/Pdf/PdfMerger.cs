using PdfSharp;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Integritas.Reports.Pdf;

/// <summary>One PDF of a packet, and the bookmark (outline entry) that leads to its first page; none when null.</summary>
public sealed record PdfPart(string Path, string? Bookmark = null);

/// <summary>
/// A delivery is one consolidated PDF per packet, not a pile of files: joins PDFs into one, in the order
/// given, with a bookmark per part where the caller titles one.
/// </summary>
public static class PdfMerger
{
    /// <summary>Joins the parts into <paramref name="outputPath"/>; <paramref name="title"/> becomes the PDF's document title.</summary>
    public static void Merge(IReadOnlyList<PdfPart> parts, string outputPath, string? title = null)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("There is nothing to merge: no PDF was given.", nameof(parts));
        }
        PdfSharpLicence.Ensure();
        using var merged = new PdfDocument();
        if (title is not null)
        {
            merged.Info.Title = title;
        }
        foreach (var part in parts)
        {
            using var source = Open(part.Path, PdfDocumentOpenMode.Import);
            if (source.PageCount == 0)
            {
                throw new PdfException($"{part.Path} has no pages to add.", part.Path);
            }
            PdfPage? first = null;
            foreach (var page in source.Pages)
            {
                var added = merged.AddPage(page);
                first ??= added;
            }
            if (part.Bookmark is { } bookmark)
            {
                merged.Outlines.Add(bookmark, first!, opened: true);
            }
        }
        if (merged.Outlines.Count > 0)
        {
            // Readers open with the bookmarks shown: they are the packet's table of contents.
            merged.PageMode = PdfPageMode.UseOutlines;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        merged.Save(outputPath);
    }

    /// <summary>How many pages a PDF has.</summary>
    public static int PageCount(string path)
    {
        PdfSharpLicence.Ensure();
        using var document = Open(path, PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    /// <summary>The titles of a PDF's top-level bookmarks, in order.</summary>
    public static IReadOnlyList<string> Bookmarks(string path)
    {
        PdfSharpLicence.Ensure();
        using var document = Open(path, PdfDocumentOpenMode.Import);
        return [.. document.Outlines.Select(o => o.Title)];
    }

    private static PdfDocument Open(string path, PdfDocumentOpenMode mode)
    {
        if (!File.Exists(path))
        {
            throw new PdfException($"There is no PDF {path}.", path);
        }
        try
        {
            return PdfReader.Open(path, mode);
        }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or FormatException or IOException)
        {
            throw new PdfException($"{path} cannot be read as a PDF: {ex.Message}", path, inner: ex);
        }
    }
}

/// <summary>
/// PDFsharp 6.5 asks every program to choose its licence before use (AGPL-3.0 or a commercial key), and throws
/// otherwise. Integritas uses it under the AGPL: one place, so a commercial key would replace one line.
/// </summary>
internal static class PdfSharpLicence
{
    private static readonly Lazy<bool> Chosen = new(() =>
    {
        PdfSharpLicense.SetAgplLicense();
        return true;
    });

    public static void Ensure() => _ = Chosen.Value;
}
