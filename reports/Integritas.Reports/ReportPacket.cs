using Integritas.Domain.Rules;
using Integritas.Reports.Pdf;
using Integritas.Store;
using Integritas.Store.Queries;

namespace Integritas.Reports;

/// <summary>What a packet is asked for: report kinds in reading order, the year (null: latest), where the templates are and where to write.</summary>
public sealed record PacketRequest(IReadOnlyList<ReportKind> Kinds, int? Year, string TemplateDirectory, string OutputDirectory, DateOnly Today)
{
    /// <summary>Only this unit in the reports that burst per unit and take one (the LHE); null: every unit.</summary>
    public string? UnitId { get; init; }

    /// <summary>The LHE's letter number settings (<c>Integritas:Lhe</c>).</summary>
    public Lhe.LheSettings Lhe { get; init; } = new();
    /// <summary>The units the packet may show (default: all); a bursted packet's is its one instansi or unit.</summary>
    public DataScope Scope { get; init; } = DataScope.All;
}

/// <summary>What a packet run wrote, the year it was for, and the stored file versions it was built from.</summary>
public sealed record PacketDocuments(int Year, IReadOnlyList<ReportOutput> Reports, IReadOnlyList<SourceVersion> Sources)
{
    public IReadOnlyList<string> Documents => [.. Reports.SelectMany(r => r.Documents)];

    public string Fingerprint => SourceVersions.Fingerprint(Sources);
}

/// <summary>A packet that cannot be made from the database as it is (no LKE yet, no such year).</summary>
public sealed class PacketException(string message) : Exception(message);

/// <summary>
/// One report run: a set of report kinds for a year rendered into a folder from one open of the database (the
/// reports share <see cref="ReportRequest.Shared"/>), and, when asked, one PDF of the whole packet. The CLI's
/// <c>zi report</c> and the worker's deliveries call this; the database is closed before any LibreOffice run.
/// </summary>
public static class ReportPacket
{
    /// <summary>
    /// Writes the documents. <paramref name="chooseYear"/> picks the year from those stored (default: the requested
    /// one, or the latest); it may throw a message of its own.
    /// </summary>
    public static PacketDocuments Write(ZiDatabase database, RuleCatalog rules, PacketRequest request, Func<IReadOnlyList<int>, int?, int>? chooseYear = null)
    {
        using var connection = database.OpenRead();
        request.Scope.Apply(connection);
        var years = ScoreQueries.Years(connection);
        var year = (chooseYear ?? DefaultYear)(years, request.Year);
        var reportRequest = new ReportRequest(year, request.TemplateDirectory, request.OutputDirectory, request.Today) { UnitId = request.UnitId, Lhe = request.Lhe };
        var written = request.Kinds.Select(k => k.Create(rules).Write(connection, reportRequest)).ToList();
        return new PacketDocuments(year, written, SourceVersions.All(connection));
    }

    /// <summary>
    /// One PDF of every document of the packet, in order, at <paramref name="pdfPath"/>: one LibreOffice run, then
    /// joined. The per-document PDFs are written to a scratch folder beside it and removed.
    /// </summary>
    public static Task<string> PdfAsync(PacketDocuments packet, string pdfPath, PdfConverter converter, CancellationToken cancellationToken) =>
        PdfPacket.JoinAsync(converter, packet.Documents, pdfPath, cancellationToken);

    /// <summary>The templates of the packet's kinds (for the font check before a PDF).</summary>
    public static IReadOnlyList<string> Templates(PacketRequest request) => [.. request.Kinds.Select(k => Path.Combine(request.TemplateDirectory, k.TemplateFile))];

    private static int DefaultYear(IReadOnlyList<int> years, int? requested)
    {
        if (years.Count == 0)
        {
            throw new PacketException("the database holds no LKE yet");
        }
        if (requested is { } y && !years.Contains(y))
        {
            throw new PacketException($"no LKE is stored for {y} (years in the database: {string.Join(", ", years)})");
        }
        return requested ?? years[^1];
    }
}
