using Integritas.Domain.Rules;
using Integritas.Store.Ingest;
using Integritas.Store.Queries;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

/// <summary>A fresh database in a temporary folder, with helpers to ingest text files and count what is stored.</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory _folder = new();

    public StoreFixture()
    {
        Database = new ZiDatabase(_folder.File("zi.duckdb"), TimeProvider.System);
    }

    public ZiDatabase Database { get; }

    public TempDirectory Folder => _folder;

    public IngestService Service { get; } = new(RuleCatalog.Default, TimeProvider.System);

    public FileOutcome Ingest(string name, string content, bool bom = false) => IngestFiles(_folder.Write(name, content, bom))[0];

    public FileOutcome IngestBytes(string name, byte[] content) => IngestFiles(_folder.Write(name, content))[0];

    public IReadOnlyList<FileOutcome> IngestFiles(params string[] paths) => [.. Service.Ingest(Database, paths)];

    /// <summary>Row counts of the stored tables: what "changes no data" is checked against.</summary>
    public (long Files, long Submissions, long Answers, long Predicates) Counts()
    {
        if (!Database.Exists)
        {
            return (0, 0, 0, 0);
        }
        using var connection = Database.OpenRead();
        long Count(string table)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM {table}";
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return (Count("source_file"), Count("submission"), Count("answer"), Count("predicate"));
    }

    public IReadOnlyList<UnitYearScore> Scores(int year)
    {
        using var connection = Database.OpenRead();
        return new ScoreQueries(RuleCatalog.Default).Load(connection, new ScoreFilter(year));
    }

    public void Dispose() => _folder.Dispose();
}
