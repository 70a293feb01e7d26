using Integritas.SampleData;
using Integritas.TestSupport;

namespace Integritas.Cli.Tests;

public class SampleDataTests
{
    [Fact]
    public void Generator_WithTheDefaultSeed_ReproducesTheCommittedSamples()
    {
        using var folder = new TempDirectory();

        var written = new SampleGenerator().Write(folder.Path);

        Assert.Equal(36, written.Count);
        foreach (var file in written)
        {
            var committed = Repository.PathOf("data-samples", file);
            Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder.Path, file))),
                $"{file} differs from the generator's output: run 'dotnet run --project data-samples/generator -- --out data-samples' and commit.");
        }
    }
}
