namespace Integritas.TestSupport;

/// <summary>The files developers and CI have beside the checkout in ../shared (domain reference, official formats, benchmarks).</summary>
public static class Shared
{
    public static string Root => Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared"));

    public static string Official(string file) => Path.Combine(Root, "domain", "official", file);

    public static string TpiTemplate => Official("lke-template-tpi-itjen.xlsx");

    public static string QuestionBank2026 => Official("master-soal-lkezi-2026.json");

    public static bool Available => Directory.Exists(Root);
}
