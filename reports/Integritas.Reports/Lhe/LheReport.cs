using DuckDB.NET.Data;
using Integritas.Domain.Rules;
using Integritas.Reports.Units;

namespace Integritas.Reports.Lhe;

/// <summary>
/// One Laporan Hasil Evaluasi per unit of the year (the report bursts like the scorecards): <c>lhe-{year}/{UNIT}.docx</c>
/// from <c>templates/lhe.docx</c>, each with its data beside it; numbered in unit order from
/// <see cref="LheSettings.FirstNumber"/>, so a unit's letter keeps its number when it is written alone (<c>--unit</c>).
/// </summary>
public sealed class LheReport(RuleCatalog rules) : IReportWriter
{
    public const string TemplateFile = "lhe.docx";

    public static string Packet(int year) => $"lhe-{year}";

    public ReportOutput Write(DuckDBConnection connection, ReportRequest request)
    {
        var year = request.Year;
        var data = YearData.Load(connection, rules, request);
        if (request.UnitId is { } only && !data.Scores.Any(s => s.Unit.UnitId == only))
        {
            throw new PacketException($"no LKE of unit {only} is stored for {year} (units: {string.Join(", ", data.Scores.Take(12).Select(s => s.Unit.UnitId))}{(data.Scores.Count > 12 ? ", …" : "")})");
        }
        var packet = Packet(year);
        var folder = request with { OutputDirectory = Path.Combine(request.OutputDirectory, packet) };
        var pictures = new ChartFolder(folder, "grafik");
        var documents = new List<string>();
        var files = new List<string>();
        foreach (var (score, i) in data.Scores.Select((s, i) => (s, i)))
        {
            if (request.UnitId is { } unitId && score.Unit.UnitId != unitId)
            {
                continue;
            }
            var name = ReportFiles.Safe(score.Unit.UnitId);
            var unit = UnitSectionBuilder.Build(data, score, i + 1, pictures.Write(name + "-radar.png", UnitCharts.Radar(data, score)), trend: null);
            var model = LheBuilder.Build(data, unit, score, request.Lhe.FirstNumber + i, request.Lhe, request.Today);
            var written = ReportFiles.Render(model, folder, TemplateFile, name);
            documents.Add(written[0]);
            files.AddRange(written);
        }
        return new ReportOutput(documents, [.. files, .. pictures.Written], packet);
    }
}
