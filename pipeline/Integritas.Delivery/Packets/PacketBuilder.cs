using System.Security.Cryptography;
using System.Text.Json;
using Integritas.Delivery.History;
using Integritas.Delivery.Settings;
using Integritas.Domain.Rules;
using Integritas.Reports;
using Integritas.Reports.Pdf;
using Integritas.Store;
using Integritas.Store.Queries;
using Microsoft.Extensions.Logging;

namespace Integritas.Delivery.Packets;

/// <summary>One packet of a run: the whole scope (key ""), or (bursting) one instansi's or one unit's, for a year when the run fixed it.</summary>
public sealed record PacketPlan(string Key, string? Label, IReadOnlyList<(string Address, string Kind)> Recipients, DataScope Scope, int? Year = null);

/// <summary>A packet built: where it is kept, the files it consists of (what is mailed) and what it was built from.</summary>
public sealed record BuiltPacket(string Key, string Folder, int Year, IReadOnlyList<RunOutput> Deliverables, string Fingerprint, IReadOnlyList<SourceVersion> Sources)
{
    /// <summary>The stored file versions packets were built from, as the run record keeps them (JSON).</summary>
    public static string SourcesJson(IEnumerable<SourceVersion> sources) =>
        JsonSerializer.Serialize(sources.DistinctBy(s => s.FileId).OrderBy(s => s.FileId).Select(s => new { fileId = s.FileId, file = s.FileName, sha256 = s.Sha256, format = s.Format }));
}

/// <summary>
/// Renders the packets of a run into <c>{Output}/{subscription}/{period}/</c> through <see cref="ReportPacket"/>. A
/// packet is written into a sibling folder ending <c>.partial</c> and moved into place only when every document and
/// the PDF (if asked) are there, so a folder under its period's name always holds a whole packet.
/// </summary>
public sealed class PacketBuilder(ZiSettings settings, RuleCatalog rules, TimeProvider clock, ILogger logger, PdfConverter? converter = null)
{
    private readonly PdfConverter _converter = converter ?? new PdfConverter();

    public string Templates => string.IsNullOrEmpty(settings.Templates) ? Path.Combine(AppContext.BaseDirectory, "templates") : settings.Templates;

    public static string RunFolder(ZiSettings settings, string subscription, string period) =>
        Path.GetFullPath(Path.Combine(settings.Output, subscription, Subscription.PeriodFolder(period)));

    public async Task<BuiltPacket> BuildAsync(Subscription subscription, RunRecord run, PacketPlan plan, CancellationToken cancellationToken)
    {
        var runFolder = RunFolder(settings, subscription.Name, run.Period);
        var folder = plan.Key.Length == 0 ? runFolder : Path.Combine(runFolder, plan.Key);
        var partial = folder + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }
        Directory.CreateDirectory(partial);
        var database = new ZiDatabase(settings.Database, clock);
        var request = new PacketRequest([.. subscription.Reports.Select(r => ReportKinds.Find(r)!)], plan.Year ?? subscription.Year, Templates, partial,
            DateOnly.FromDateTime(subscription.Local(Subscription.PeriodInstant(run.Period)).DateTime))
        {
            Scope = plan.Scope,
            Lhe = new Reports.Lhe.LheSettings(settings.Lhe.NumberPattern, settings.Lhe.FirstNumber),
        };
        var documents = ReportPacket.Write(database, rules, request);
        var stem = plan.Key.Length == 0 ? $"paket-{subscription.Name}-{Subscription.PeriodFolder(run.Period)}" : $"paket-{subscription.Name}-{plan.Key}-{Subscription.PeriodFolder(run.Period)}";
        var deliverables = new List<string>();
        if (subscription.Pdf)
        {
            foreach (var missing in _converter.MissingFonts(ReportPacket.Templates(request)))
            {
                logger.LogWarning("{Message}", missing.Message);
            }
            deliverables.Add(await ReportPacket.PdfAsync(documents, Path.Combine(partial, stem + ".pdf"), _converter, cancellationToken));
        }
        else
        {
            deliverables.AddRange(documents.Documents);
            deliverables.AddRange(documents.Reports.SelectMany(r => r.Files).Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)));
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        Directory.Move(partial, folder);
        var outputs = deliverables.Select(f => Path.Combine(folder, Path.GetRelativePath(partial, f))).Select(f => Describe(plan.Key, f)).ToList();
        return new BuiltPacket(plan.Key, folder, documents.Year, outputs, documents.Fingerprint, documents.Sources);
    }

    public static RunOutput Describe(string packet, string file)
    {
        using var stream = File.OpenRead(file);
        return new RunOutput(packet, file, Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    /// <summary>Whether the recorded outputs are all there unchanged (a run carried on can send them as they are).</summary>
    public static bool Intact(IReadOnlyList<RunOutput> outputs) =>
        outputs.Count > 0 && outputs.All(o => File.Exists(o.File) && Describe(o.Packet, o.File).Sha256 == o.Sha256);
}
