using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Integritas.Analytics;
using Integritas.Documents;
using Integritas.Domain.Formatting;
using Integritas.Domain.Rules;

namespace Integritas.Reports;

/// <summary>
/// What one report run is asked for: the evaluation year, where the templates are, where to write; and the
/// analyses the run's reports share (<see cref="Shared"/>), so a run of several reports loads them once.
/// </summary>
public sealed record ReportRequest(int Year, string TemplateDirectory, string OutputDirectory, DateOnly Today)
{
    public SharedAnalyses Shared { get; init; } = new();

    /// <summary>Only this unit, for the reports that burst per unit and take one (<c>zi report lhe --unit</c>); null: every unit.</summary>
    public string? UnitId { get; init; }

    /// <summary>The LHE's letter number pattern and first running number (<c>Integritas:Lhe</c>).</summary>
    public Lhe.LheSettings Lhe { get; init; } = new();
}

/// <summary>
/// The score history and question gains the reports of one run draw on, loaded the first time a report asks and
/// kept for the others (a run reads one database with one rule catalogue).
/// </summary>
public sealed class SharedAnalyses
{
    private readonly Dictionary<int, ILookup<string, QuestionGain>?> _gains = [];
    private ScoreHistory? _history;

    public ScoreHistory History(DuckDBConnection connection, RuleCatalog rules) => _history ??= ScoreHistory.Load(connection, rules);

    /// <summary>The question gains of every unit of the year; null when the year's rule has no item-level LKE.</summary>
    public ILookup<string, QuestionGain>? Gains(DuckDBConnection connection, RuleCatalog rules, int year)
    {
        if (!_gains.TryGetValue(year, out var gains))
        {
            _gains[year] = gains = CandidateAnalysisBuilder.Gains(connection, History(connection, rules), year);
        }
        return gains;
    }
}

/// <summary>
/// What a report run wrote: its documents in reading order (one, or one per unit when a report bursts),
/// every file written (documents, charts, the filled data as JSON), and the name the consolidated PDF of the
/// documents takes (<c>zi report --pdf</c>: one PDF per packet).
/// </summary>
public sealed record ReportOutput(IReadOnlyList<string> Documents, IReadOnlyList<string> Files, string PacketName)
{
    public string Document => Documents[0];
}

/// <summary>A report: reads what it needs from the database and writes its documents.</summary>
public interface IReportWriter
{
    ReportOutput Write(DuckDBConnection connection, ReportRequest request);
}

/// <summary>Shared steps of the report writers: fill a template from a model, keep the filled data beside it.</summary>
public static class ReportFiles
{
    /// <summary>
    /// Fills <paramref name="templateFile"/> with <paramref name="model"/> (image paths relative to the output
    /// folder) and writes <c>{stem}.docx</c>, plus <c>{stem}.json</c> with the data when <paramref name="keepData"/>;
    /// returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> Render<TModel>(TModel model, ReportRequest request, string templateFile, string stem, bool keepData = true)
        where TModel : notnull
    {
        Directory.CreateDirectory(request.OutputDirectory);
        var data = ReportJson.ToNode(model);
        var written = new List<string>();
        var documentPath = Path.Combine(request.OutputDirectory, stem + ".docx");
        var template = DocxTemplate.Load(Path.Combine(request.TemplateDirectory, templateFile));
        File.WriteAllBytes(documentPath, template.Render(data, new RenderOptions { Culture = Formats.Indonesian, BaseDirectory = request.OutputDirectory }));
        written.Add(documentPath);
        if (keepData)
        {
            var dataPath = Path.Combine(request.OutputDirectory, stem + ".json");
            File.WriteAllText(dataPath, data.ToJsonString(ReportJson.Options));
            written.Add(dataPath);
        }
        return written;
    }

    /// <summary>A picture next to the documents; returns its file name (what the model holds).</summary>
    public static string Picture(ReportRequest request, string fileName, byte[] png)
    {
        Directory.CreateDirectory(request.OutputDirectory);
        File.WriteAllBytes(Path.Combine(request.OutputDirectory, fileName), png);
        return fileName;
    }

    /// <summary>A file-name-safe form of a unit code (ESDM-06 stays, "BPS/01" becomes BPS-01).</summary>
    public static string Safe(string text) => string.Concat(text.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'));

    public static JsonNode Data<TModel>(TModel model) where TModel : notnull => ReportJson.ToNode(model);

    public static string RuleLabel(RuleSet rule) => "PermenPANRB " + rule.Label;
}
