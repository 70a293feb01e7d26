using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Integritas.Delivery.Tests;

/// <summary>A message the server received: its envelope recipients and the parsed message.</summary>
public sealed record Received(IReadOnlyList<string> Recipients, MimeMessage Message);

/// <summary>
/// A real SMTP server (the SmtpServer library) on a free loopback port, in this process; it keeps every message it
/// receives, parsed, so a test reads back what was sent. <see cref="Stop"/> and <see cref="Start"/> take it down and
/// bring it back on the same port.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly List<Received> _messages = [];
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private CancellationTokenSource? _stop;

    public LoopbackSmtp()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    /// <summary>Addresses the server refuses at RCPT TO (a mailbox that does not exist).</summary>
    public HashSet<string> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Received> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .MaxMessageSize(64 * 1024 * 1024)
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingMailboxFilter((ISessionContext _, SmtpServer.Mail.IMailbox _) => true,
            (ISessionContext _, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox _) => !Refused.Contains($"{to.User}@{to.Host}")));
        _stop = new CancellationTokenSource();
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        // Bounded wait until the port answers.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        throw new InvalidOperationException($"The loopback SMTP server did not start on port {Port}.");
    }

    public void Stop()
    {
        _stop?.Cancel();
        _server?.Shutdown();
        try
        {
            _running?.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Cancelled: stopped as asked.
        }
        _server = null;
    }

    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Messages.Count < count && waited.Elapsed < timeout)
        {
            await Task.Delay(50);
        }
        return Messages;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _stop?.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Store(LoopbackSmtp owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (owner._messages)
            {
                owner._messages.Add(new Received([.. transaction.To.Select(t => $"{t.User}@{t.Host}")], message));
            }
            return SmtpResponse.Ok;
        }
    }
}
