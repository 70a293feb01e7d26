using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Integritas.Documents;

namespace Integritas.Benchmarks;

/// <summary>
/// Fills the shared benchmark template (<c>Inputs/</c>, copied from the cross-engine benchmark) with 100 and
/// 10,000 table rows: render plus zip, per document, on a template compiled once — the figure the other
/// engines were measured on. Docs/s is 1 / Mean.
/// </summary>
[MemoryDiagnoser]
public class TemplateFillBenchmarks
{
    private DocxTemplate _template = null!;
    private JsonNode? _data;

    [Params(100, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var inputs = Path.Combine(AppContext.BaseDirectory, "Inputs");
        _template = DocxTemplate.Load(Path.Combine(inputs, "template-zi.docx"));
        _data = JsonNode.Parse(File.ReadAllText(Path.Combine(inputs, $"data-{Rows}.json")));
    }

    [Benchmark]
    public byte[] Render() => _template.Render(_data);
}
