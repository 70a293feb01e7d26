using System.Globalization;
using System.Text.Json.Nodes;

namespace Integritas.Documents;

/// <summary>What the parts of one document being filled share: the package, options, errors, drawing ids and pictures read.</summary>
internal sealed class RenderJob(DocxPackage package, RenderOptions options, int firstDrawingId)
{
    private readonly Dictionary<string, Picture> _pictures = new(StringComparer.Ordinal);
    private int _nextDrawingId = firstDrawingId;

    public DocxPackage Package { get; } = package;

    public RenderOptions Options { get; } = options;

    public List<TemplateIssue> Errors { get; } = [];

    /// <summary>Keys of markup written once per document (<see cref="OnceOp"/>).</summary>
    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>Set once <see cref="RenderOptions.MaxErrors"/> errors are collected: loops stop early.</summary>
    public bool Stopped { get; set; }

    public int NextDrawingId() => _nextDrawingId++;

    /// <summary>A picture by its reference in the data, read once per document however often it is used.</summary>
    public Picture? PictureFor(string reference, out string? error)
    {
        error = null;
        if (_pictures.TryGetValue(reference, out var known))
        {
            return known;
        }
        byte[] bytes;
        var path = Path.IsPathRooted(reference) || Options.BaseDirectory is null ? reference : Path.Combine(Options.BaseDirectory, reference);
        try
        {
            bytes = reference.StartsWith("data:", StringComparison.Ordinal)
                ? Convert.FromBase64String(reference[(reference.IndexOf(',', StringComparison.Ordinal) + 1)..])
                : File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"there is no picture file '{Shorten(reference)}' (looked for {Path.GetFullPath(path)})";
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException or NotSupportedException)
        {
            error = $"the picture '{Shorten(reference)}' cannot be read: {ex.Message}";
            return null;
        }
        var picture = Picture.Read(bytes);
        if (picture is null)
        {
            error = $"'{Shorten(reference)}' is not a PNG or JPEG picture";
            return null;
        }
        _pictures[reference] = picture;
        return picture;
    }

    private static string Shorten(string reference) => reference.Length <= 60 ? reference : reference[..57] + "...";
}

/// <summary>Fills one part by running its plan: writes its markup and collects what cannot be filled.</summary>
internal sealed class Renderer(RenderJob job, string partPath, string partLabel, int capacity)
{
    private readonly HashSet<string> _bookmarkNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _bookmarkOpen = new(StringComparer.Ordinal);

    public Utf8Buffer Out { get; } = new(capacity);

    /// <summary>The kind of the last block-level element written in the container being checked (<see cref="GuardOp"/>).</summary>
    public Level Last { get; set; }

    /// <summary>The relationship id of the picture replacing an alt-text picture's image, while its drawing is written.</summary>
    public string? CurrentEmbed { get; private set; }

    public void Render(Op[] plan, JsonNode? data) => WriteAll(plan, Scope.Root(data));

    public void WriteAll(Op[] ops, Scope scope)
    {
        foreach (var op in ops)
        {
            op.Render(this, scope);
        }
    }

    public string NextDrawingId() => job.NextDrawingId().ToString(CultureInfo.InvariantCulture);

    public void WriteValue(Site site, ValueTag tag, RunMarkup run, Scope scope)
    {
        var (found, value) = scope.Resolve(tag.Path);
        var (text, error) = ValueFormatter.Format(tag, found, value, job.Options.Culture);
        if (error is not null)
        {
            Error(site, scope, error);
            return;
        }
        if (text!.Length == 0)
        {
            return;
        }
        Out.Write(run.Open);
        WriteRunText(text, run);
        Out.Write(run.Close);
    }

    /// <summary>Text in a run: line breaks (also Word's vertical tab) become w:br, tabs w:tab.</summary>
    private void WriteRunText(string text, RunMarkup run)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('\n' or '\r' or '\v' or '\t'))
            {
                continue;
            }
            WritePiece(text.AsSpan(start, i - start), run);
            start = i + 1;
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }
            Out.Write(c == '\t' ? run.Tab : run.Break);
        }
        WritePiece(text.AsSpan(start), run);
    }

    private void WritePiece(ReadOnlySpan<char> piece, RunMarkup run)
    {
        if (piece.IsEmpty)
        {
            return;
        }
        Out.Write(run.TextOpen);
        Out.WriteEscaped(piece);
        Out.Write(run.TextClose);
    }

    public void WriteEach(Site site, EachOpenTag tag, Op[] body, Scope scope)
    {
        var (found, value) = scope.Resolve(tag.Path);
        if (value is not JsonArray list)
        {
            Error(site, scope, !found || value is null ? $"no list '{tag.Path}' in the data" : $"'{tag.Path}' is not a list, so it cannot be repeated");
            return;
        }
        for (var i = 0; i < list.Count && !job.Stopped; i++)
        {
            WriteAll(body, scope.Push(list[i], i, tag.Path.Text));
        }
    }

    public void WritePicture(Site site, ImageTag tag, RunMarkup run, long maxWidthEmu, Scope scope)
    {
        if (LoadPicture(site, tag, scope) is not { } picture)
        {
            return;
        }
        var relationship = job.Package.AddImage(partPath, picture.Bytes, picture.Extension);
        var (cx, cy) = picture.Fit(maxWidthEmu);
        Out.Write(run.Open);
        Out.WriteUtf8(Picture.InlineMarkup(run.DrawingName, relationship, cx, cy, job.NextDrawingId(), tag.Path.Text));
        Out.Write(run.Close);
    }

    public void WriteAltPicture(Site site, ImageTag tag, Op[] drawing, Scope scope)
    {
        if (LoadPicture(site, tag, scope) is not { } picture)
        {
            return;
        }
        CurrentEmbed = job.Package.AddImage(partPath, picture.Bytes, picture.Extension);
        WriteAll(drawing, scope);
        CurrentEmbed = null;
    }

    private Picture? LoadPicture(Site site, ImageTag tag, Scope scope)
    {
        var (found, value) = scope.Resolve(tag.Path);
        if (!found || value is not JsonValue v || !v.TryGetValue<string>(out var reference) || reference.Length == 0)
        {
            Error(site, scope, !found || value is null ? $"no picture '{tag.Path}' in the data" : $"'{tag.Path}' must be a picture's file path (or a data: URI)");
            return null;
        }
        var picture = job.PictureFor(reference, out var error);
        if (error is not null)
        {
            Error(site, scope, error);
        }
        return picture;
    }

    /// <summary>Whether this is the first time the key is seen in the document being filled.</summary>
    public bool FirstTime(string key) => job.Seen.Add(key);

    /// <summary>
    /// Whether to write a bookmark marker: the first start of each name and id is kept, and an end only when
    /// it closes a start that was written. Copies made by loops are dropped, so Word sees each bookmark once.
    /// </summary>
    public bool KeepBookmark(string id, string? name)
    {
        if (name is not null)
        {
            if (_bookmarkOpen.ContainsKey(id) || !_bookmarkNames.Add(name))
            {
                return false;
            }
            _bookmarkOpen[id] = true;
            return true;
        }
        if (_bookmarkOpen.TryGetValue(id, out var open) && open)
        {
            _bookmarkOpen[id] = false;
            return true;
        }
        return false;
    }

    private void Error(Site site, Scope scope, string message)
    {
        if (site.Quiet)
        {
            return;
        }
        // At least one error is always kept: a limit of 0 must not turn a failed fill into a document.
        if (job.Errors.Count >= Math.Max(1, job.Options.MaxErrors))
        {
            job.Stopped = true;
            return;
        }
        var context = scope.Context();
        job.Errors.Add(new TemplateIssue(partLabel, context.Length == 0 ? site.Location : $"{site.Location} ({context})", site.Tag.Source, message));
    }
}
