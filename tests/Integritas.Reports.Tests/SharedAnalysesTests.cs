using Integritas.Domain.Rules;
using Integritas.TestSupport;

namespace Integritas.Reports.Tests;

/// <summary>
/// Reports of one run share the score history and question gains (<see cref="SharedAnalyses"/>): each report
/// must come out exactly as it does when written alone.
/// </summary>
public sealed class SharedAnalysesTests(SampleYear samples) : IClassFixture<SampleYear>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EveryReport_WrittenInOneRun_MatchesTheReportWrittenAlone()
    {
        using var connection = samples.Database.OpenRead();
        var today = DateOnly.FromDateTime(FixedClock.Default.GetLocalNow().Date);
        var together = new ReportRequest(SampleYear.Year, Repository.PathOf("templates"), _dir.File("together"), today);

        foreach (var kind in ReportKinds.All)
        {
            var shared = kind.Create(RuleCatalog.Default).Write(connection, together);
            var alone = kind.Create(RuleCatalog.Default).Write(connection, together with { OutputDirectory = _dir.File("alone-" + kind.Name), Shared = new SharedAnalyses() });

            Assert.Equal(alone.Documents.Count, shared.Documents.Count);
            foreach (var (a, s) in alone.Documents.Zip(shared.Documents))
            {
                Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(s)), $"{kind.Name}: {Path.GetFileName(s)} differs when written with the run's shared analyses");
            }
        }
        Assert.Same(together.Shared.History(connection, RuleCatalog.Default), together.Shared.History(connection, RuleCatalog.Default));
    }
}
