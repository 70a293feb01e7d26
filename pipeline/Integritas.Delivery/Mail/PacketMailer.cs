using Integritas.Delivery.Settings;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Integritas.Delivery.Mail;

/// <summary>
/// Sends mail through the configured SMTP server with MailKit: one connection per batch, one envelope per
/// addressee (so each has its own delivery status), the headers naming all the To and Cc addressees.
/// </summary>
public sealed class PacketMailer(SmtpSettings settings, TimeProvider clock)
{
    /// <summary>An open connection for a batch of mails.</summary>
    public async Task<SmtpSession> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            var security = settings.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
            return new SmtpSession(client, MailboxAddress.Parse(settings.From), clock);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public MailboxAddress From => MailboxAddress.Parse(settings.From);
}

/// <summary>One SMTP connection; disposing it says goodbye to the server.</summary>
public sealed class SmtpSession(SmtpClient client, MailboxAddress from, TimeProvider clock) : IAsyncDisposable
{
    /// <summary>The packet mail, with the packet attached or (over the limit) named by where it is kept.</summary>
    public MimeMessage Packet(PacketMail mail, IReadOnlyList<string> to, IReadOnlyList<string> cc, string messageKey)
    {
        var body = new BodyBuilder { TextBody = CoverLetter.Body(mail) };
        if (mail.Attached)
        {
            foreach (var file in mail.Attachments)
            {
                body.Attachments.Add(file.Path);
            }
        }
        return Message(CoverLetter.Subject(mail), body.ToMessageBody(), to, cc, messageKey);
    }

    public MimeMessage Text(string subject, string text, IReadOnlyList<string> to, string messageKey) =>
        Message(subject, new TextPart("plain") { Text = text }, to, [], messageKey);

    private MimeMessage Message(string subject, MimeEntity body, IReadOnlyList<string> to, IReadOnlyList<string> cc, string messageKey)
    {
        var message = new MimeMessage { Subject = subject, Body = body, Date = clock.GetUtcNow() };
        message.From.Add(from);
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        message.Cc.AddRange(cc.Select(MailboxAddress.Parse));
        // The same mail sent again (a retry) keeps its Message-ID, so a mail client can tell it is the same one.
        message.MessageId = $"{messageKey}@{from.Domain}";
        return message;
    }

    /// <summary>Hands the message to the server for one addressee.</summary>
    public async Task SendAsync(MimeMessage message, string recipient, CancellationToken cancellationToken) =>
        await client.SendAsync(message, from, [MailboxAddress.Parse(recipient)], cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
        {
            // The mails are sent or recorded failed already; a goodbye that does not arrive changes nothing.
        }
        client.Dispose();
    }
}
