namespace Integritas.Documents;

/// <summary>
/// A defect in a template or a failure while filling it, located where the author can find it: the part
/// (document, header1, ...), the paragraph or table cell, and a snippet of the text around the tag.
/// </summary>
public sealed record TemplateIssue(string Part, string Location, string Snippet, string Message)
{
    public override string ToString() => $"{Part}, {Location}: {Message} — near \"{Snippet}\"";
}

/// <summary>A tag of a template that reads data: the path it reads (<c>rows[].name</c>), the part and paragraph or cell it stands in, and the tag as written.</summary>
public sealed record TemplateFieldUse(string Path, string Part, string Location, string Tag);

/// <summary>A template that cannot be compiled (every defect is listed) or data that cannot fill it.</summary>
public sealed class TemplateException(IReadOnlyList<TemplateIssue> issues)
    : Exception(issues.Count == 1 ? issues[0].ToString() : $"{issues.Count} template problems:{Environment.NewLine}{string.Join(Environment.NewLine, issues.Select(i => "  " + i))}")
{
    public IReadOnlyList<TemplateIssue> Issues { get; } = issues;
}
