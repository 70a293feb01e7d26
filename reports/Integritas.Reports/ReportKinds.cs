using Integritas.Domain.Rules;
using Integritas.Reports.Annual;
using Integritas.Reports.Briefing;
using Integritas.Reports.Candidates;
using Integritas.Reports.Lhe;
using Integritas.Reports.Scorecards;

namespace Integritas.Reports;

/// <summary>
/// A report a Word template can be written for: its name on the command line, data model, template, and
/// the writer that fills it from the database.
/// </summary>
public sealed record ReportKind(string Name, Type Model, string TemplateFile, string Description, Func<RuleCatalog, IReportWriter> Create)
{
    public static ReportKind Of<TModel>(string name, string templateFile, string description, Func<RuleCatalog, IReportWriter> create) =>
        new(name, typeof(TModel), templateFile, description, create);

    /// <summary>Every field a template for this report may use (<c>zi template fields NAME</c>).</summary>
    public IReadOnlyList<TemplateField> Fields() => FieldCatalog.For(Model);

    /// <summary>Whether a template for this report may read <paramref name="path"/> (<c>zi template check --kind</c>).</summary>
    public bool Offers(string path) => FieldCatalog.Offers(Fields(), path);
}

/// <summary>The report kinds there are. A new report registers here with one line.</summary>
public static class ReportKinds
{
    public static IReadOnlyList<ReportKind> All { get; } =
    [
        ReportKind.Of<BriefingModel>("briefing", BriefingReport.TemplateFile, "Ministerial briefing packet (2–4 pages): headline numbers, target vs ready vs awarded per instansi, trend and area charts, units ready to propose, closest candidates, declining units.",
            rules => new BriefingReport(rules)),
        ReportKind.Of<AnnualModel>("annual", AnnualReport.TemplateFile, "Itjen annual ZI readiness report: method, areas, every unit in a table and a section of its own, findings.",
            rules => new AnnualReport(rules)),
        ReportKind.Of<ScorecardModel>("scorecards", ScorecardReport.TemplateFile, "One scorecard per unit (rapor-unit-{year}/{UNIT}.docx): readiness, radar, what to fix, questions to improve.",
            rules => new ScorecardReport(rules)),
        ReportKind.Of<CandidateListModel>("candidates", CandidateListReport.TemplateFile, "Planners' candidate list: next year's WBK and WBBM candidates in rank order with what each lacks, plus the sheet beside it.",
            rules => new CandidateListReport(rules)),
        ReportKind.Of<LheModel>("lhe", LheReport.TemplateFile, "One Laporan Hasil Evaluasi per unit (lhe-{year}/{UNIT}.docx): the Inspektur's letter and its Lampiran (team, legal basis, self-assessment vs TPI, findings, recommendations).",
            rules => new LheReport(rules)),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    public static ReportKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
}
