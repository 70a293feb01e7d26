using Integritas.Documents;
using Integritas.TestSupport;

namespace Integritas.Reports.Tests;

/// <summary>Every registered report kind: a unique name, a shipped template that uses only its fields, every field described.</summary>
public class ReportKindsTests
{
    public static TheoryData<string> Kinds => [.. ReportKinds.Names];

    [Fact]
    public void Names_AreUniqueIgnoringCase()
    {
        Assert.Equal(ReportKinds.Names.Count, ReportKinds.Names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Fields_OfEveryKind_AreEachDescribed(string kind)
    {
        var undescribed = FieldCatalog.Flatten(ReportKinds.Find(kind)!.Fields())
            .Where(f => f.Name != "this" && f.Description.Length == 0)
            .Select(f => f.Path);

        Assert.Empty(undescribed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ShippedTemplate_OfEveryKind_UsesOnlyFieldsItsDataHas(string kind)
    {
        var report = ReportKinds.Find(kind)!;
        var template = DocxTemplate.Load(Repository.PathOf("templates", report.TemplateFile));
        var offered = FieldCatalog.Flatten(report.Fields()).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var unknown = template.Paths.Where(p => !Offered(p, offered)).ToList();

        Assert.Empty(unknown);
    }

    /// <summary>
    /// A name inside a loop is looked up in the item, then outward: rows[].year may be the root's year. A group
    /// (an object whose fields are offered, as in <c>{{#if firstQuestion}}</c>) counts as offered.
    /// </summary>
    private static bool Offered(string path, HashSet<string> offered)
    {
        var parts = path.Split("[].");
        for (var loops = parts.Length - 1; loops >= 0; loops--)
        {
            var candidate = string.Join("[].", parts[..loops].Append(parts[^1]));
            if (offered.Contains(candidate) || offered.Any(o => o.StartsWith(candidate + ".", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }

    [Fact]
    public void Find_IgnoresCase()
    {
        Assert.Equal("briefing", ReportKinds.Find("Briefing")?.Name);
        Assert.Null(ReportKinds.Find("nope"));
    }
}
