using System.Reflection;

namespace Integritas.Charts.Tests;

/// <summary>
/// The chart catalogue as tests: every sample renders to a PNG of the size asked for and is written to
/// <see cref="Png.Folder"/> for a person to look at; every recipe in the charts assembly has a sample.
/// </summary>
public class CatalogueTests
{
    public static readonly IReadOnlyList<ChartSample> Samples =
    [
        .. AttainmentBarChartSamples.All(),
        .. AreaTrendChartSamples.All(),
        .. AreaRadarChartSamples.All(),
        .. RankingBarChartSamples.All(),
        .. AreaHeatmapChartSamples.All(),
        .. TotalsDistributionChartSamples.All(),
    ];

    public static TheoryData<string> SampleNames => [.. Samples.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_Rendered_IsPngOfTwiceTheLayoutSize(string name)
    {
        var sample = Samples.Single(s => s.Name == name);

        var bytes = sample.Render();

        Png.Write(sample.Name, bytes);
        Assert.True(Png.HasSignature(bytes), $"{name} is not a PNG.");
        Assert.Equal((sample.Width * 2, sample.Height * 2), Png.Size(bytes));
    }

    [Fact]
    public void Samples_Names_AreUniqueFileNames()
    {
        Assert.Equal(Samples.Count, Samples.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Samples, s => Assert.Matches("^[a-z0-9-]+$", s.Name));
    }

    [Fact]
    public void Recipes_EveryOneInTheChartsAssembly_HasASample()
    {
        var recipes = Recipes().ToList();

        Assert.NotEmpty(recipes);
        Assert.All(recipes, r => Assert.Contains(Samples, s => s.Recipe == r));
    }

    [Fact]
    public void Recipes_RenderSignature_TakesTheirOwnDataAndAPrintWidth()
    {
        foreach (var recipe in Recipes())
        {
            var render = recipe.GetMethod("Render", BindingFlags.Public | BindingFlags.Static)!;
            var parameters = render.GetParameters();
            Assert.Equal(typeof(byte[]), render.ReturnType);
            Assert.Equal(recipe.GetNestedType("Data"), parameters[0].ParameterType);
            Assert.Equal("width", parameters[1].Name);
            Assert.Equal(ChartTheme.PrintWidth, parameters[1].DefaultValue);
            Assert.Equal("height", parameters[2].Name);
        }
    }

    /// <summary>A recipe: a public static class with a public static <c>Render</c> whose first parameter is its nested <c>Data</c>.</summary>
    private static IEnumerable<Type> Recipes() =>
        typeof(ChartTheme).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.GetNestedType("Data") is { } data
                && t.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "Render" && m.GetParameters() is [var first, ..] && first.ParameterType == data));
}
