using System.ComponentModel;
using Integritas.Reports.Briefing;

namespace Integritas.Reports.Tests;

/// <summary>The fields a template may use, read off a report's data model as ReportJson writes it.</summary>
public class FieldCatalogTests
{
    public sealed record Sample(
        [property: Description("A title.")] string Title,
        string? Note,
        decimal? Score,
        bool Ready,
        DateOnly Day,
        Sample.Group Totals,
        IReadOnlyList<string> Tags,
        IReadOnlyList<Sample.Row> Rows,
        IReadOnlyDictionary<string, decimal> Areas,
        [property: TemplateImage] string Chart)
    {
        public sealed record Group(int Count);

        public sealed record Row(string Name, IReadOnlyList<Group> Parts);
    }

    private static IReadOnlyList<(string Path, string Name, FieldShape Shape, string Type, bool MayBeEmpty)> Shapes(IEnumerable<TemplateField> fields) =>
        [.. FieldCatalog.Flatten(fields).Select(f => (f.Path, f.Name, f.Shape, f.Type, f.MayBeEmpty))];

    [Fact]
    public void For_AModelOfEveryShape_NamesFieldsAsTheTemplateSeesThem()
    {
        var fields = FieldCatalog.For<Sample>();

        Assert.Equal(
        [
            ("title", "title", FieldShape.Value, "text", false),
            ("note", "note", FieldShape.Value, "text", true),
            ("score", "score", FieldShape.Value, "number", true),
            ("ready", "ready", FieldShape.Value, "yes/no", false),
            ("day", "day", FieldShape.Value, "date", false),
            ("totals.count", "totals.count", FieldShape.Value, "integer", false),
            ("tags", "tags", FieldShape.List, "list", false),
            ("tags[]", "this", FieldShape.Value, "text", false),
            ("rows", "rows", FieldShape.List, "list", false),
            ("rows[].name", "name", FieldShape.Value, "text", false),
            ("rows[].parts", "parts", FieldShape.List, "list", false),
            ("rows[].parts[].count", "count", FieldShape.Value, "integer", false),
            ("areas.<key>", "areas.<key>", FieldShape.Value, "number", true),
            ("chart", "chart", FieldShape.Image, "image", false),
        ], Shapes(fields));
        Assert.Equal("A title.", fields[0].Description);
    }

    [Fact]
    public void For_Briefing_FlattensTheHeadlineAndNestsTheCandidatesFields()
    {
        var fields = FieldCatalog.For<BriefingModel>();

        var wbk = Assert.Single(fields, f => f.Name == "headline.wbk");
        Assert.Equal(("integer", "Units meeting every WBK (not WBBM) criterion."), (wbk.Type, wbk.Description));
        var candidates = Assert.Single(fields, f => f.Name == "candidates");
        Assert.Equal(FieldShape.List, candidates.Shape);
        var unitName = Assert.Single(candidates.Items, f => f.Name == "unitName");
        Assert.Equal("candidates[].unitName", unitName.Path);
        Assert.True(Assert.Single(candidates.Items, f => f.Name == "projectedTotal").MayBeEmpty);
        Assert.Equal(FieldShape.Image, Assert.Single(fields, f => f.Name == "trendChart").Shape);
    }

    [Fact]
    public void For_NotARecord_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => FieldCatalog.For<IReadOnlyList<string>>());
    }
}
