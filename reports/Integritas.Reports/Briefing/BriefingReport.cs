using DuckDB.NET.Data;
using Integritas.Documents;
using Integritas.Domain.Formatting;
using Integritas.Domain.Rules;
using Integritas.Store.Queries;

namespace Integritas.Reports.Briefing;

/// <summary>What a report run wrote.</summary>
public sealed record ReportOutput(string Document, IReadOnlyList<string> Files);

/// <summary>
/// The ministerial briefing: headline counts of units per readiness, the area chart, and the unit table,
/// filled into <c>templates/briefing.docx</c>.
/// </summary>
public sealed class BriefingReport(RuleCatalog rules, TimeProvider clock)
{
    public const string TemplateFile = "briefing.docx";

    public ReportOutput Write(DuckDBConnection connection, int year, string templateDirectory, string outputDirectory)
    {
        var scores = new ScoreQueries(rules).Load(connection, new ScoreFilter(Year: year));
        Directory.CreateDirectory(outputDirectory);
        var stem = $"briefing-{year}";
        var chartName = stem + BriefingBuilder.ChartFileSuffix;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var model = BriefingBuilder.Build(scores, year, today, chartName);
        var chartPath = Path.Combine(outputDirectory, chartName);
        File.WriteAllBytes(chartPath, BriefingBuilder.AreaChart(scores, year));

        var data = ReportJson.ToNode(model);
        var dataPath = Path.Combine(outputDirectory, stem + ".json");
        File.WriteAllText(dataPath, data.ToJsonString(ReportJson.Options));

        var template = DocxTemplate.Load(Path.Combine(templateDirectory, TemplateFile));
        var document = template.Render(data, new RenderOptions { Culture = Formats.Indonesian, BaseDirectory = outputDirectory });
        var documentPath = Path.Combine(outputDirectory, stem + ".docx");
        File.WriteAllBytes(documentPath, document);
        return new ReportOutput(documentPath, [documentPath, chartPath, dataPath]);
    }
}
