using DuckDB.NET.Data;
using Integritas.Analytics;
using Integritas.Domain.Rules;
using Integritas.Reports.Units;
using Integritas.Store.Queries;

namespace Integritas.Reports.Annual;

/// <summary>
/// The Inspectorate General's annual ZI readiness report: summary, method and rules, analysis per area,
/// every unit in a table and in a section of its own, findings, appendices; filled into
/// <c>templates/laporan-tahunan.docx</c>, its charts in <c>laporan-tahunan-{year}-grafik/</c> beside it.
/// </summary>
public sealed class AnnualReport(RuleCatalog rules) : IReportWriter
{
    public const string TemplateFile = "laporan-tahunan.docx";

    public static string Stem(int year) => $"laporan-tahunan-{year}";

    public ReportOutput Write(DuckDBConnection connection, ReportRequest request)
    {
        var year = request.Year;
        var data = YearData.Load(connection, rules, request);
        var trends = TrendAnalysis.Build(data.History, year);
        var stem = Stem(year);
        var pictures = new ChartFolder(request, stem + "-grafik");
        var charts = new AnnualCharts(
            pictures.Write("area.png", Briefing.BriefingBuilder.AreaChart(data.Scores, year)),
            pictures.Write("area-tren.png", AnnualBuilder.AreaTrendChart(data, trends)),
            pictures.Write("area-unit.png", AnnualBuilder.HeatmapChart(data)),
            pictures.Write("sebaran-total.png", AnnualBuilder.DistributionChart(data)));
        var model = AnnualBuilder.Build(data, trends, TargetAnalysis.For(connection, data.History, year), Lineage.Sources(connection), request.Today, charts,
            s => (pictures.Write($"{ReportFiles.Safe(s.Unit.UnitId)}-radar.png", UnitCharts.Radar(data, s)),
                  pictures.Write($"{ReportFiles.Safe(s.Unit.UnitId)}-tren.png", UnitCharts.Trend(TrendAnalysis.UnitTrendOf(data.History, s.Unit.UnitId), data.Rule))));
        var written = ReportFiles.Render(model, request, TemplateFile, stem);
        return new ReportOutput([written[0]], [.. written, .. pictures.Written], stem);
    }
}
