using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Integritas.Spreadsheets;
using Integritas.TestSupport;

namespace Integritas.Cli.Tests;

/// <summary>
/// The samples ingested once, every report of the latest year written by <c>zi report all</c>, and the CLI's JSON
/// (<c>zi scores</c>, <c>zi candidates</c>) read through the CLI's own code path: what the consistency suite reads back.
/// </summary>
public sealed class ReportedYear : IDisposable
{
    public const int Year = 2025;

    private readonly TempDirectory _dir = new();

    public ReportedYear()
    {
        Database = _dir.File("zi.duckdb");
        Assert.Equal(0, Zi.Run("ingest", "--db", Database, Path.Combine(AppContext.BaseDirectory, "data-samples")).ExitCode);
        Output = _dir.File("out");
        var report = Zi.Run("report", "all", "--db", Database, "--year", Year.ToString(CultureInfo.InvariantCulture), "--out", Output,
            "--templates", Path.Combine(AppContext.BaseDirectory, "templates"));
        Assert.True(report.ExitCode == 0, report.Error);
        Scores = [.. Json("scores", "--format", "json").EnumerateArray()];
        Wbk = [.. Json("candidates", "--format", "json", "--target", "WBK").GetProperty("candidates").EnumerateArray()];
        Wbbm = [.. Json("candidates", "--format", "json", "--target", "WBBM").GetProperty("candidates").EnumerateArray()];
        var previous = Zi.Run("scores", "--db", Database, "--year", (Year - 1).ToString(CultureInfo.InvariantCulture), "--format", "json");
        PreviousScores = [.. JsonDocument.Parse(previous.Out).RootElement.Clone().EnumerateArray()];
        Units = Scores.ToDictionary(s => s.GetProperty("unitId").GetString()!, s => Json("unit", s.GetProperty("unitId").GetString()!, "--format", "json"), StringComparer.Ordinal);
    }

    /// <summary>zi scores of the year before.</summary>
    public IReadOnlyList<JsonElement> PreviousScores { get; }

    /// <summary>zi unit KODE --format json, per unit of the year.</summary>
    public IReadOnlyDictionary<string, JsonElement> Units { get; }

    public string Database { get; }

    public string Output { get; }

    public IReadOnlyList<JsonElement> Scores { get; }

    public IReadOnlyList<JsonElement> Wbk { get; }

    public IReadOnlyList<JsonElement> Wbbm { get; }

    public JsonElement Json(params string[] args)
    {
        var command = args[0] == "unit" ? args[..2] : args[..1];
        var result = Zi.Run([.. command, "--db", Database, "--year", Year.ToString(CultureInfo.InvariantCulture), .. args[command.Length..]]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    public string File(string name) => Path.Combine(Output, name);

    public void Dispose() => _dir.Dispose();
}

/// <summary>A Word document read back as a reader sees it: paragraphs, and tables by the heading above them.</summary>
internal sealed class DocxReader
{
    private readonly List<DocumentFormat.OpenXml.OpenXmlElement> _blocks;

    public DocxReader(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        _blocks = [.. document.MainDocumentPart!.Document!.Body!.ChildElements.Select(e => e.CloneNode(true))];
    }

    public IReadOnlyList<string> Paragraphs => [.. _blocks.SelectMany(b => b is Paragraph p ? [p] : b.Descendants<Paragraph>()).Select(p => p.InnerText).Where(t => t.Length > 0)];

    /// <summary>The rows (cell texts) of the first table after the paragraph whose text starts with <paramref name="heading"/>, header row included.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TableAfter(string heading, int skipTables = 0)
    {
        var at = _blocks.FindIndex(b => b is Paragraph p && p.InnerText.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(at >= 0, $"no paragraph '{heading}'");
        var table = _blocks.Skip(at + 1).OfType<Table>().Skip(skipTables).FirstOrDefault();
        Assert.NotNull(table);
        return Rows(table);
    }

    /// <summary>Every top-level table, as rows of cell texts.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables => [.. _blocks.OfType<Table>().Select(Rows)];

    private static List<IReadOnlyList<string>> Rows(Table table) =>
        [.. table.Elements<TableRow>().Select(r => (IReadOnlyList<string>)[.. r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText)))])];

    /// <summary>The paragraph just before the first one equal to <paramref name="label"/> (a headline box: the number above its label).</summary>
    public string Before(string label)
    {
        var paragraphs = Paragraphs;
        var at = paragraphs.ToList().FindIndex(p => p.StartsWith(label, StringComparison.Ordinal));
        Assert.True(at > 0, $"no paragraph '{label}'");
        return paragraphs[at - 1];
    }
}

/// <summary>
/// Issue 9.3: for every unit of the sample year, the figures of every output — CLI JSON, briefing, candidate list
/// (docx and xlsx), annual report, scorecards — read back from the files agree: totals, area percentages,
/// verdicts, points needed, changes; and every headline count equals the list it summarises.
/// </summary>
public sealed class ConsistencyTests(ReportedYear year) : IClassFixture<ReportedYear>
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    private static string N(decimal value) => value.ToString("N2", Id);

    private static string N(JsonElement value) => N(value.GetDecimal());

    private static string Signed(decimal value) => (value > 0 ? "+" : "") + N(value);

    private JsonElement ScoreOf(string unit) => year.Scores.Single(s => s.GetProperty("unitId").GetString() == unit);

    private static string UnitIdOf(string cell) => cell[(cell.LastIndexOf('(') + 1)..cell.LastIndexOf(')')];

    private static int Count(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static List<IReadOnlyList<string>> Body(IReadOnlyList<IReadOnlyList<string>> rows) => [.. rows.Skip(1)];

    private static bool IsReady(JsonElement c) => c.GetProperty("ready").GetBoolean();

    private static bool IsPending(JsonElement c) => c.GetProperty("scoreReady").GetBoolean() && !c.GetProperty("ready").GetBoolean();

    [Fact]
    public void Briefing_HeadlineCounts_EqualTheListsItShows()
    {
        var briefing = new DocxReader(year.File("briefing-2025.docx"));
        var ready = Body(briefing.TableAfter("Unit siap diusulkan"));
        var pending = Body(briefing.TableAfter("Memenuhi nilai, syarat belum lengkap"));
        var close = Body(briefing.TableAfter("Kurang ≤ 2 poin menuju WBK"));

        Assert.Equal(ready.Count(r => r[4] == "WBK"), Count(briefing.Before("siap diusulkan WBK")));
        Assert.Equal(ready.Count(r => r[4] == "WBBM"), Count(briefing.Before("siap diusulkan WBBM")));
        Assert.Equal(pending.Count, Count(briefing.Before("memenuhi nilai, syarat belum lengkap")));
        Assert.Equal(close.Count, Count(briefing.Before("kurang ≤ 2 poin menuju WBK")));
        Assert.Contains($"{pending.Count} unit lain sudah memenuhi kriteria nilai", string.Join("\n", briefing.Paragraphs), StringComparison.Ordinal);

        // The lists are the CLI's: ready, ready on the scores with prerequisites open (never a holder of the level), within 2 points.
        var all = year.Wbbm.Concat(year.Wbk).ToList();
        Assert.Equal(all.Where(IsReady).Select(c => c.GetProperty("unitId").GetString()), ready.Select(r => UnitIdOf(r[1])));
        Assert.Equal(all.Where(IsPending).Select(c => c.GetProperty("unitId").GetString()), pending.Select(r => UnitIdOf(r[1])));
        Assert.Equal(year.Wbk.Where(c => !c.GetProperty("scoreReady").GetBoolean() && c.GetProperty("blankQuestions").GetInt32() == 0
                && c.GetProperty("pointsNeeded").GetProperty("total").GetDecimal() is > 0 and <= 2).Select(c => c.GetProperty("unitId").GetString()),
            close.Select(r => UnitIdOf(r[1])));
        Assert.DoesNotContain(pending, r => ScoreOf(UnitIdOf(r[1])).GetProperty("scoreReadiness").GetString() == "WBBM" && r[3] == "WBBM"
            && year.Wbbm.All(c => c.GetProperty("unitId").GetString() != UnitIdOf(r[1])));
    }

    [Fact]
    public void AnnualReport_Counts_EqualTheBriefingsAndItsUnitTable()
    {
        var briefing = new DocxReader(year.File("briefing-2025.docx"));
        var annual = new DocxReader(year.File("laporan-tahunan-2025.docx"));
        var units = Body(annual.TableAfter("5. Daftar Unit Kerja"));

        var pending = Count(annual.Before("nilai cukup, syarat belum lengkap"));
        Assert.Equal(Count(briefing.Before("memenuhi nilai, syarat belum lengkap")), pending);
        Assert.Equal(units.Count(u => u[6].StartsWith("Nilai memenuhi", StringComparison.Ordinal)), pending);
        Assert.Equal(Count(briefing.Before("siap diusulkan WBK")), Count(annual.Before("siap diusulkan WBK")));
        Assert.Equal(Count(briefing.Before("siap diusulkan WBBM")), Count(annual.Before("siap diusulkan WBBM")));
        Assert.Equal(units.Count(u => u[6].StartsWith("Siap diusulkan", StringComparison.Ordinal)),
            Count(annual.Before("siap diusulkan WBK")) + Count(annual.Before("siap diusulkan WBBM")));
    }

    private static string Readiness(string verdict) => verdict == "BELUM" ? "Belum" : verdict;

    [Fact]
    public void EveryUnit_TotalsVerdictsPointsAndChanges_AgreeAcrossCliAnnualAndScorecards()
    {
        var annual = new DocxReader(year.File("laporan-tahunan-2025.docx"));
        var table = Body(annual.TableAfter("5. Daftar Unit Kerja")).ToDictionary(r => UnitIdOf(r[1]), StringComparer.Ordinal);
        var before = year.PreviousScores.ToDictionary(s => s.GetProperty("unitId").GetString()!, StringComparer.Ordinal);

        Assert.Equal(year.Scores.Count, table.Count);
        foreach (var score in year.Scores)
        {
            var id = score.GetProperty("unitId").GetString()!;
            var row = table[id];
            var unit = year.Units[id];
            Assert.True(N(score.GetProperty("total")) == row[3], $"{id}: total {N(score.GetProperty("total"))} in zi scores, {row[3]} in the annual unit table");
            Assert.True(Readiness(score.GetProperty("readiness").GetString()!) == row[5], $"{id}: readiness");
            if (before.TryGetValue(id, out var then))
            {
                // A change shown is the difference of the totals shown.
                var change = Signed(Math.Round(score.GetProperty("total").GetDecimal(), 2) - Math.Round(then.GetProperty("total").GetDecimal(), 2));
                Assert.True(change == row[4], $"{id}: Δ {row[4]} in the annual unit table, {change} from the totals shown");
                var trend = unit.GetProperty("trend").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == ReportedYear.Year);
                Assert.True(change == Signed(trend.GetProperty("totalChange").GetDecimal()), $"{id}: totalChange in zi unit");
            }

            var card = new DocxReader(Path.Combine(year.Output, "rapor-unit-2025", id + ".docx"));
            Assert.Equal(row[3], card.Before("nilai total (min."));
            Assert.Equal(row[6], card.Paragraphs[3]);
            var points = unit.GetProperty("pointsNeeded");
            var shown = points.ValueKind == JsonValueKind.Null ? "-" : N(points.GetProperty("total"));
            Assert.True(shown == card.Before("poin kurang menuju"), $"{id}: points needed {shown} in zi unit, {card.Before("poin kurang menuju")} in the scorecard");
            var section = annual.Paragraphs.ToList();
            var at = section.FindIndex(p => p.StartsWith(id + " · ", StringComparison.Ordinal));
            Assert.True(at > 0, id);
            Assert.Equal(row[6], section[at + 1]);
            Assert.Equal(shown, section[section.FindIndex(at, p => p.StartsWith("poin kurang menuju", StringComparison.Ordinal)) - 1]);

            // Areas as % of weight: the scorecard's needs table shows the CLI's percentages.
            var needs = Body(card.TableAfter("Kebutuhan per area")).ToDictionary(r => r[0][(r[0].LastIndexOf('(') + 1)..^1], StringComparer.Ordinal);
            foreach (var area in score.GetProperty("areas").EnumerateObject())
            {
                Assert.Equal(N(area.Value.GetProperty("percent")) + "%", needs[area.Name][1]);
            }
        }
    }

    [Fact]
    public void CandidateList_DocxAndXlsx_ShowTheCandidatesOfTheCli()
    {
        var list = new DocxReader(year.File("daftar-kandidat-2025.docx"));
        using var book = XlsxWorkbook.Open(year.File("daftar-kandidat-2025.xlsx"));
        foreach (var (level, cli) in new[] { ("WBK", year.Wbk), ("WBBM", year.Wbbm) })
        {
            var rows = Body(list.TableAfter($"Kandidat {level} 2026", skipTables: 1));
            var sheet = book.ReadRows(book.FindSheet($"Kandidat {level} 2026")!).Skip(1).Where(r => !r.IsEmpty).ToList();
            Assert.Equal(cli.Count, rows.Count);
            Assert.Equal(cli.Count, sheet.Count);
            for (var i = 0; i < cli.Count; i++)
            {
                var c = cli[i];
                var id = c.GetProperty("unitId").GetString()!;
                Assert.StartsWith(id + " ·", rows[i][1].Split('\n')[^1], StringComparison.Ordinal);
                Assert.Equal(N(c.GetProperty("total")), rows[i][2]);
                Assert.Equal(N(c.GetProperty("pointsNeeded").GetProperty("total")), rows[i][4].Split('\n')[0]);
                Assert.Equal(id, sheet[i].Text(2));
                Assert.Equal(c.GetProperty("total").GetDecimal(), sheet[i][5]!.Value.Number);
                Assert.Equal(c.GetProperty("pointsNeeded").GetProperty("total").GetDecimal(), sheet[i][10]!.Value.Number);
                Assert.Equal(c.GetProperty("readiness").GetString(), sheet[i].Text(6));
            }
        }
        var counts = list.TableAfter("Ringkasan");
        Assert.Equal(year.Wbk.Count(IsPending).ToString(CultureInfo.InvariantCulture), counts[1][3]);
        Assert.Equal(year.Wbbm.Count(IsPending).ToString(CultureInfo.InvariantCulture), counts[2][3]);
    }

    [Fact]
    public void Briefing_BesideTheUnitsToPropose_ShowsTheProposalYearsTargets()
    {
        var briefing = new DocxReader(year.File("briefing-2025.docx"));
        var table = briefing.TableAfter("Target, kesiapan dan anugerah per instansi");
        var targets = JsonDocument.Parse(Zi.Run("targets", "--db", year.Database, "--year", "2026", "--format", "json").Out).RootElement.EnumerateArray()
            .ToDictionary(t => t.GetProperty("instansi").GetString()!, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(["Target WBK 2026", "Target WBBM 2026"], new[] { table[0][3], table[0][5] });
        foreach (var row in Body(table))
        {
            var target = targets[row[0]];
            Assert.Equal(target.GetProperty("targetWbk").ToString(), row[3]);
            Assert.Equal(target.GetProperty("targetWbbm").ToString(), row[5]);
        }
    }

    [Fact]
    public void AnnualReport_EveryTableItCites_IsItsOwnOrNamedWithItsRegulation()
    {
        var text = string.Join("\n", new DocxReader(year.File("laporan-tahunan-2025.docx")).Paragraphs);

        var cited = System.Text.RegularExpressions.Regex.Matches(text, @"\bTabel \d+\b(?! PermenPANRB)").Select(m => m.Value).Distinct().ToList();
        Assert.All(cited, t => Assert.Matches($@"(?m)^{t}[.:]", text));
        Assert.Contains("Tabel 5 PermenPANRB 5/2024", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CandidateList_HasAChartOfEachLevelsDistanceToItsCriteria()
    {
        using var document = WordprocessingDocument.Open(year.File("daftar-kandidat-2025.docx"), false);
        var data = JsonDocument.Parse(File.ReadAllText(year.File("daftar-kandidat-2025.json"))).RootElement;

        Assert.Equal(2, document.MainDocumentPart!.ImageParts.Count());
        foreach (var level in new[] { "wbk", "wbbm" })
        {
            var chart = data.GetProperty(level).GetProperty("chart").GetString()!;
            Assert.True(new FileInfo(year.File(chart)).Length > 10_000, chart);
        }
    }
}
