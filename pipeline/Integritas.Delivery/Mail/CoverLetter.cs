using System.Globalization;
using Integritas.Domain.Formatting;

namespace Integritas.Delivery.Mail;

/// <summary>A file of the packet as the mail names it.</summary>
public sealed record PacketFile(string Path, long SizeBytes)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>What one mail carries: the packet of one period for one set of addressees.</summary>
public sealed record PacketMail(
    long RunId,
    string Subscription,
    DateTimeOffset Period,
    TimeZoneInfo Zone,
    int Year,
    string? ScopeLabel,
    IReadOnlyList<string> Reports,
    IReadOnlyList<PacketFile> Attachments,
    string Folder,
    double MaxAttachmentMb)
{
    public long TotalBytes => Attachments.Sum(a => a.SizeBytes);

    /// <summary>Whether the packet goes as attachments; one over the limit is named by where it is kept instead.</summary>
    public bool Attached => TotalBytes <= MaxAttachmentMb * 1024 * 1024;
}

/// <summary>The short Indonesian cover text of a packet mail, and the subject line; alerts for failed runs.</summary>
public static class CoverLetter
{
    private static readonly Dictionary<string, string> ReportNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["briefing"] = "Bahan paparan pimpinan",
        ["annual"] = "Laporan tahunan kesiapan Zona Integritas",
        ["scorecards"] = "Rapor unit kerja",
        ["candidates"] = "Daftar calon unit WBK/WBBM",
    };

    public static string Subject(PacketMail mail) =>
        $"Paket laporan Zona Integritas {mail.Year}{(mail.ScopeLabel is { } s ? " — " + s : "")}: {Formats.Date(LocalDate(mail))}";

    public static string Body(PacketMail mail)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("Yth. Bapak/Ibu,");
        text.AppendLine();
        text.AppendLine($"Berikut paket laporan Zona Integritas \"{mail.Subscription}\" untuk periode {When(mail.Period, mail.Zone)}, tahun evaluasi {mail.Year}{(mail.ScopeLabel is { } s ? ", cakupan " + s : "")}. Isi paket:");
        foreach (var report in mail.Reports)
        {
            text.AppendLine("- " + (ReportNames.TryGetValue(report, out var name) ? name : report));
        }
        text.AppendLine();
        if (mail.Attached)
        {
            text.AppendLine(mail.Attachments.Count == 1
                ? $"Terlampir: {mail.Attachments[0].Name} ({Size(mail.TotalBytes)})."
                : $"Terlampir {mail.Attachments.Count} berkas ({Size(mail.TotalBytes)}): {string.Join(", ", mail.Attachments.Select(a => a.Name))}.");
        }
        else
        {
            text.AppendLine($"Paket berukuran {Size(mail.TotalBytes)}, melebihi batas lampiran {Formats.Number((decimal)mail.MaxAttachmentMb, 0)} MB, sehingga tidak dilampirkan. Paket tersimpan di:");
            text.AppendLine(mail.Folder);
        }
        text.AppendLine();
        text.AppendLine($"Pesan ini dikirim otomatis oleh zi (Integritas), nomor pengiriman {mail.RunId}.");
        return text.ToString();
    }

    public static string AlertSubject(string subscription, string period) => $"[zi] Pengiriman gagal: {subscription} {period}";

    public static string AlertBody(long runId, string subscription, string period, string error) =>
        $"""
        Pengiriman paket "{subscription}" untuk periode {period} gagal (nomor pengiriman {runId}).

        Penyebab: {error}

        Setelah penyebabnya diatasi, kirim ulang dengan: zi runs retry {runId}
        Rincian: zi runs show {runId}
        """;

    /// <summary>"Senin, 7 Desember 2026 pukul 07.00 WIB".</summary>
    public static string When(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local.ToString("dddd, d MMMM yyyy", Formats.Indonesian)} pukul {local.ToString("HH.mm", CultureInfo.InvariantCulture)} {ZoneName(zone, local)}";
    }

    /// <summary>WIB, WITA, WIT for Indonesia's zones; the UTC offset elsewhere.</summary>
    public static string ZoneName(TimeZoneInfo zone, DateTimeOffset local) => zone.Id switch
    {
        "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => "UTC" + (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString("hh\\:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})",
    };

    private static DateOnly LocalDate(PacketMail mail) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(mail.Period, mail.Zone).DateTime);

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? Formats.Number(Math.Max(1, bytes / 1024), 0) + " KB"
        : Formats.Number(Math.Round(bytes / 1024m / 1024m, 1), 1) + " MB";
}
