using DuckDB.NET.Data;
using Integritas.Analytics;
using Integritas.Domain.Rules;

namespace Integritas.Reports.Candidates;

/// <summary>
/// The planners' candidate list: next year's WBK and WBBM candidates in rank order with what each lacks,
/// filled into <c>templates/daftar-kandidat.docx</c>, and the same candidates as a workbook beside it
/// (<c>daftar-kandidat-{year}.xlsx</c>) for sorting and filtering.
/// </summary>
public sealed class CandidateListReport(RuleCatalog rules, CandidateListOptions? options = null) : IReportWriter
{
    public const string TemplateFile = "daftar-kandidat.docx";

    public static string Stem(int year) => $"daftar-kandidat-{year}";

    public ReportOutput Write(DuckDBConnection connection, ReportRequest request)
    {
        var year = request.Year;
        var history = request.Shared.History(connection, rules);
        var gains = request.Shared.Gains(connection, rules, year);
        var wbk = CandidateAnalysisBuilder.For(history, year, "WBK", gains);
        var wbbm = CandidateAnalysisBuilder.For(history, year, "WBBM", gains);
        var backtest = Backtest.For(history, year);
        var input = new CandidateListInput(year, request.Today, history.InYear(year), wbk, wbbm,
            TargetAnalysis.For(connection, history, year), TargetAnalysis.For(connection, history, year + 1), backtest);
        var stem = Stem(year);
        var wbkChart = ReportFiles.Picture(request, $"{stem}-wbk.png", CandidateListBuilder.Chart(year, "WBK", wbk));
        var wbbmChart = ReportFiles.Picture(request, $"{stem}-wbbm.png", CandidateListBuilder.Chart(year, "WBBM", wbbm));
        var model = CandidateListBuilder.Build(input, options, level => level == "WBK" ? wbkChart : wbbmChart);

        var written = ReportFiles.Render(model, request, TemplateFile, stem);
        var sheet = Path.Combine(request.OutputDirectory, stem + ".xlsx");
        File.WriteAllBytes(sheet, CandidateWorkbook.Write(year, [new CandidateSheet("WBK", wbk), new CandidateSheet("WBBM", wbbm)], backtest.Units == 0 ? null : backtest));
        return new ReportOutput([written[0]], [.. written, sheet, Path.Combine(request.OutputDirectory, wbkChart), Path.Combine(request.OutputDirectory, wbbmChart)], stem);
    }
}
