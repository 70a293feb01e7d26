using Integritas.Store.Ingest;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

/// <summary>Damaged workbooks in a folder of good ones: each is a rejected file with a message naming it, and the good ones land.</summary>
public sealed class DamagedWorkbookTests : IDisposable
{
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Ingest_FolderOfGoodAndDamagedWorkbooks_RejectsEachDamagedOneAndLandsTheRest()
    {
        var good = Workbooks.LkeZi();
        const string Sheet = "xl/worksheets/sheet1.xml";
        var folder = _store.Folder.File("inbox");
        var files = new Dictionary<string, byte[]>
        {
            ["2025_G-01_lke.xlsx"] = good,
            ["2025_D-01_lke.xlsx"] = DamagedZip.TruncatePart(good, Sheet),
            ["2025_D-02_lke.xlsx"] = DamagedZip.DeclareSize(good, Sheet, 0.5),
            ["2025_D-03_lke.xlsx"] = DamagedZip.DeclareSize(good, Sheet, 2),
            ["2025_D-04_lke.xlsx"] = DamagedZip.ScrambleData(good, Sheet),
            ["2025_D-05_lke.xlsx"] = DamagedZip.Cut(good),
            ["2025_D-06_lke.xlsx"] = [.. Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7919 % 251))],
            ["2025_D-07_lke.xlsx"] = DamagedZip.TruncatePart(good, "xl/workbook.xml"),
            ["2025_G-02_lke.xlsx"] = Workbooks.LkeZi(Workbooks.Layer(answers: new Dictionary<string, string> { ["MP-P1-b"] = "B" })),
        };
        foreach (var (name, bytes) in files)
        {
            _store.Folder.Write(Path.Combine("inbox", name), bytes);
        }

        var outcomes = _store.IngestFiles([.. IngestService.Expand([folder]).Files]).ToDictionary(o => Path.GetFileName(o.Path));

        Assert.Equal(files.Count, outcomes.Count);
        Assert.Equal(FileStatus.Accepted, outcomes["2025_G-01_lke.xlsx"].Status);
        Assert.Equal(FileStatus.Accepted, outcomes["2025_G-02_lke.xlsx"].Status);
        foreach (var name in files.Keys.Where(n => n.Contains("_D-", StringComparison.Ordinal)))
        {
            var outcome = outcomes[name];
            Assert.True(outcome.Status == FileStatus.Rejected, $"{name} was {outcome.Status}");
            var error = Assert.Single(outcome.Errors).ToString();
            Assert.StartsWith(name, error, StringComparison.Ordinal);
            Assert.Matches("damaged|not a workbook", error);
            TestContext.Current.TestOutputHelper?.WriteLine(error);
        }
        Assert.Equal(["G-01", "G-02"], _store.Scores(2025).Select(s => s.Unit.UnitId).Order(StringComparer.Ordinal));
    }
}
