using DuckDB.NET.Data;
using Integritas.Analytics;
using Integritas.Domain.Rules;

namespace Integritas.Reports.Briefing;

/// <summary>
/// The ministerial briefing packet (2–4 pages): headline numbers, target vs ready vs awarded per instansi, the
/// trend, the units ready to propose, the closest candidates and the declining units, filled into
/// <c>templates/briefing.docx</c>.
/// </summary>
public sealed class BriefingReport(RuleCatalog rules) : IReportWriter
{
    public const string TemplateFile = "briefing.docx";

    public ReportOutput Write(DuckDBConnection connection, ReportRequest request)
    {
        var year = request.Year;
        var history = request.Shared.History(connection, rules);
        var targets = TargetAnalysis.For(connection, history);
        var stem = $"briefing-{year}";
        var trend = ReportFiles.Picture(request, stem + BriefingBuilder.TrendChartSuffix, BriefingBuilder.TrendChart(history, year));
        var area = ReportFiles.Picture(request, stem + BriefingBuilder.AreaChartSuffix, BriefingBuilder.AreaChart(history.InYear(year), year));
        var model = BriefingBuilder.Build(history, year, targets, request.Today, trend, area);
        var written = ReportFiles.Render(model, request, TemplateFile, stem);
        return new ReportOutput([written[0]], [.. written, Path.Combine(request.OutputDirectory, trend), Path.Combine(request.OutputDirectory, area)], stem);
    }
}
