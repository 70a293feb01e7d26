namespace Integritas.Store.Ingest;

/// <summary>The input formats, as named in outcomes and in the source_file table.</summary>
public static class InputFormats
{
    public const string LkeCsv = "lke-csv";
    public const string Predicates = "predikat-csv";
    public const string Unknown = "unknown";
}
