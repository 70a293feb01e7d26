namespace Integritas.Store.Ingest;

/// <summary>The input formats, as named in outcomes and in the source_file table.</summary>
public static class InputFormats
{
    public const string LkeCsv = "lke-csv";
    public const string LkeSheet = "lke-sheet";
    public const string Workbook = "lke-workbook";
    public const string TpiWorkbook = "tpi-workbook";
    public const string Predicates = "predikat";
    public const string Recap = "rekap";
    public const string UnitFacts = "fakta-unit";
    public const string InstansiFacts = "fakta-instansi";
    public const string Targets = "target";
    public const string LheTeam = "lhe-tim";
    public const string Recipients = "penerima";
    public const string QuestionBank = "portalrb-soal";
    public const string PortalAnswers = "portalrb-jawaban";
    public const string Unknown = "unknown";
}
