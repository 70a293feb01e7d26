using System.Globalization;
using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.Reports.Annual;
using Integritas.Reports.Units;

namespace Integritas.Reports.Scorecards;

/// <summary>
/// One scorecard per unit of the year (the report bursts): <c>rapor-unit-{year}/{UNIT}.docx</c> from
/// <c>templates/rapor-unit.docx</c>, each with its data beside it and its radar in <c>grafik/</c>; the
/// documents are listed in unit order, so <c>--pdf</c> joins them into <c>rapor-unit-{year}.pdf</c>.
/// </summary>
public sealed class ScorecardReport(RuleCatalog rules) : IReportWriter
{
    public const string TemplateFile = "rapor-unit.docx";

    public static string Packet(int year) => $"rapor-unit-{year}";

    public ReportOutput Write(DuckDBConnection connection, ReportRequest request)
    {
        var year = request.Year;
        var data = YearData.Load(connection, rules, request);
        var packet = Packet(year);
        var folder = request with { OutputDirectory = Path.Combine(request.OutputDirectory, packet) };
        var pictures = new ChartFolder(folder, "grafik");
        var minimums = AnnualBuilder.Minimums(data.Rule);
        var documents = new List<string>();
        var files = new List<string>();
        foreach (var (score, i) in data.Scores.Select((s, i) => (s, i)))
        {
            var name = ReportFiles.Safe(score.Unit.UnitId);
            var unit = UnitSectionBuilder.Build(data, score, i + 1, pictures.Write(name + "-radar.png", UnitCharts.Radar(data, score)), trend: null);
            var model = new ScorecardModel($"Rapor Zona Integritas {year}", year, year + 1, request.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ReportFiles.RuleLabel(data.Rule), minimums, data.Scores.Count, unit);
            var written = ReportFiles.Render(model, folder, TemplateFile, name);
            documents.Add(written[0]);
            files.AddRange(written);
        }
        return new ReportOutput(documents, [.. files, .. pictures.Written], packet);
    }
}
