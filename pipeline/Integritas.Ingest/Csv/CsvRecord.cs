namespace Integritas.Ingest.Csv;

/// <summary>One CSV record and the physical line it starts on (header = line 1).</summary>
public sealed record CsvRecord(int Line, string[] Fields)
{
    public bool IsBlank => Fields.Length == 1 && Fields[0].Length == 0;
}
