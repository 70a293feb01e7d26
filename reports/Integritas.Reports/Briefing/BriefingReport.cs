using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.Store.Queries;

namespace Integritas.Reports.Briefing;

/// <summary>
/// The ministerial briefing: headline counts of units per readiness, the area chart, and the unit table,
/// filled into <c>templates/briefing.docx</c>.
/// </summary>
public sealed class BriefingReport(RuleCatalog rules) : IReportWriter
{
    public const string TemplateFile = "briefing.docx";

    public ReportOutput Write(DuckDBConnection connection, ReportRequest request)
    {
        var year = request.Year;
        var scores = new ScoreQueries(rules).Load(connection, new ScoreFilter(Year: year));
        var stem = $"briefing-{year}";
        var chart = ReportFiles.Picture(request, stem + BriefingBuilder.ChartFileSuffix, BriefingBuilder.AreaChart(scores, year));
        var model = BriefingBuilder.Build(scores, year, request.Today, chart);
        var written = ReportFiles.Render(model, request, TemplateFile, stem);
        return new ReportOutput([written[0]], [.. written, Path.Combine(request.OutputDirectory, chart)], stem);
    }
}
