using DuckDB.NET.Data;
using Integritas.Analytics;
using Integritas.Domain.Rules;
using Integritas.Store;
using Integritas.Store.Queries;

namespace Integritas.Web.Data;

/// <summary>
/// One request's view of the database: opened read-only on first use and closed when the request ends, so the
/// worker and <c>zi</c> commands can write between requests. The score history is loaded once per request.
/// </summary>
public sealed class ReadSession(IOptions<WebOptions> options, RuleCatalog rules, TimeProvider clock) : IDisposable
{
    private DuckDBConnection? _connection;
    private ScoreHistory? _history;

    public RuleCatalog Rules => rules;

    public ZiDatabase Database { get; } = new(options.Value.Database, clock) { BusyTimeout = TimeSpan.FromSeconds(options.Value.BusySeconds) };

    /// <summary>The open connection (opened now if not yet); throws <see cref="DatabaseBusyException"/> or <see cref="DatabaseMissingException"/>.</summary>
    public DuckDBConnection Connection => _connection ??= Open();

    private DuckDBConnection Open()
    {
        try
        {
            return Database.OpenRead();
        }
        catch (DuckDBException ex) when (ex.Message.Contains("different configuration", StringComparison.OrdinalIgnoreCase))
        {
            // An upload of this process holds the file for writing: the same wait as for another process's lock.
            throw new DatabaseBusyException($"The database {Database.Path} is being written by an upload.", ex);
        }
    }

    public ScoreHistory History => _history ??= ScoreHistory.Load(Connection, rules);

    public IReadOnlyList<int> Years => ScoreQueries.Years(Connection);

    /// <summary>The requested year when stored, else the latest; null when the database holds no LKE.</summary>
    public int? Year(int? requested)
    {
        var years = Years;
        return requested is { } y && years.Contains(y) ? y : years.Count == 0 ? null : years[^1];
    }

    /// <summary>Closes the connection early (before a long render, say), so writers need not wait for the response.</summary>
    public void Close()
    {
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Close();
}
