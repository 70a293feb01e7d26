using System.Reflection;
using Integritas.Analytics;
using Integritas.Reports.Briefing;
using Integritas.Reports.Candidates;
using Integritas.Reports.Units;
using Integritas.Web.Accounts;
using Integritas.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Integritas.Web.Endpoints;

/// <summary>
/// The routes that are not pages: health, the stylesheet and script, charts (PNG, drawn by the same recipes as the
/// reports), the candidate workbook and report downloads. Each checks the user's scope and answers 404 for what it
/// does not cover.
/// </summary>
public static class AppEndpoints
{
    private const string Png = "image/png";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A page (answered with a redirect to the login form when signed out), as opposed to a file (answered 401).</summary>
    public static bool IsPage(PathString path) => !Path.HasExtension(path.Value ?? "");

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (IOptions<WebOptions> options) => Results.Text(File.Exists(options.Value.Database) ? "ok" : "ok (database not yet created)"))
            .AllowAnonymous().WithName("health");
        app.MapGet("/assets/{name}", (string name) => Asset(name)).AllowAnonymous().WithName("assets");

        app.MapGet("/charts/{year:int}/tren.png", (int year, ReadSession data, HttpContext http) =>
            YearChart(data, http, year, (history, scores) => BriefingBuilder.TrendChart(history, year))).WithName("chart-trend");
        app.MapGet("/charts/{year:int}/area.png", (int year, ReadSession data, HttpContext http) =>
            YearChart(data, http, year, (_, scores) => BriefingBuilder.AreaChart(scores, year))).WithName("chart-area");
        app.MapGet("/charts/{year:int}/heatmap.png", (int year, ReadSession data, HttpContext http) =>
            YearChart(data, http, year, (_, scores) => Reports.Annual.AnnualBuilder.HeatmapChart(scores, year))).WithName("chart-heatmap");
        app.MapGet("/charts/units/{kode}/{year:int}/radar.png", (string kode, int year, ReadSession data, HttpContext http) =>
        {
            var history = data.History;
            var id = history.FindUnit(http.User.Scope(), kode);
            return id is null || history.Get(id, year) is not { } score ? Results.NotFound()
                : Image(UnitCharts.Radar(history, history.YearBefore(year), score));
        }).WithName("chart-unit-radar");
        app.MapGet("/charts/units/{kode}/tren.png", (string kode, ReadSession data, HttpContext http) =>
        {
            var history = data.History;
            var id = history.FindUnit(http.User.Scope(), kode);
            return id is null ? Results.NotFound() : Image(UnitCharts.Trend(TrendAnalysis.UnitTrendOf(history, id), history.Of(id).Last().Card.Rule));
        }).WithName("chart-unit-trend");

        app.MapGet("/candidates.xlsx", ([FromQuery] int? year, [FromQuery] string? target, ReadSession data, HttpContext http) =>
        {
            var y = data.Year(year);
            var goal = CandidatesQuery.Goal(target);
            if (y is null)
            {
                return Results.NotFound();
            }
            var (candidates, backtest) = CandidatesQuery.Load(data, y.Value, goal, http.User.Scope());
            var bytes = CandidateWorkbook.Write(y.Value, [new CandidateSheet(goal, candidates)], backtest.Units == 0 ? null : backtest);
            return Results.File(bytes, Xlsx, $"kandidat-{goal.ToLowerInvariant()}-{y.Value + 1}.xlsx");
        }).WithName("candidates-xlsx");

        app.MapGet("/reports/runs/{id}/{index:int}/{name}", (string id, int index, string name, ReportJobs jobs, HttpContext http) =>
        {
            // The file is found by its place in the run's own list, never by a path from the request.
            if (http.User.Scope().IsLimited || jobs.Find(id) is not { } job || index < 0 || index >= job.Downloads.Count || job.Downloads[index].Name != name)
            {
                return Results.NotFound();
            }
            var file = job.Downloads[index];
            return Results.File(file.Path, file.ContentType, file.Name);
        }).WithName("report-download");
    }

    private static IResult YearChart(ReadSession data, HttpContext http, int year, Func<ScoreHistory, IReadOnlyList<Store.Queries.UnitYearScore>, byte[]> draw)
    {
        var scope = http.User.Scope();
        var history = data.History.Restrict(scope);
        var scores = history.Visible(scope, year);
        return scores.Count == 0 ? Results.NotFound() : Image(draw(history, scores));
    }

    private static IResult Image(byte[] png) => Results.File(png, Png);

    private static IResult Asset(string name)
    {
        var type = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => null,
        };
        var stream = type is null ? null : Assembly.GetExecutingAssembly().GetManifestResourceStream("assets/" + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }
}

