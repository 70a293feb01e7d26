using System.Text;
using Integritas.Store.Ingest;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

/// <summary>
/// Every defect the canonical CSV can have is refused with the file, line (header = line 1), column and
/// value, and a refused file changes nothing already stored.
/// </summary>
public sealed class CanonicalIngestRejectionTests : IDisposable
{
    private readonly StoreFixture _store = new();

    public CanonicalIngestRejectionTests()
    {
        // Something already stored, which no rejected file may touch.
        Assert.Equal(FileStatus.Accepted, _store.Ingest("earlier.csv", Some.Lke("U-00", 2023)).Status);
    }

    public void Dispose() => _store.Dispose();

    private FileOutcome Rejected(string content, string name = "bad.csv")
    {
        var before = _store.Counts();
        var outcome = _store.Ingest(name, content);
        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.NotEmpty(outcome.Errors);
        Assert.Equal(before, _store.Counts());
        return outcome;
    }

    private static void AssertError(FileOutcome outcome, int line, string? column, string? value, string reason)
    {
        Assert.Contains(outcome.Errors, e => e.Line == line && e.Column == column && e.Value == value
                                             && e.Message.Contains(reason, StringComparison.Ordinal));
        var text = outcome.Errors.First(e => e.Line == line).ToString();
        Assert.StartsWith($"bad.csv:{line}: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_MissingRequiredColumn_NamesTheColumn()
    {
        var text = new LkeFile().Text().Replace(",jawaban\n", ",answer\n", StringComparison.Ordinal);

        var outcome = Rejected(text);

        Assert.Contains("lacks 'jawaban'", outcome.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, outcome.Errors[0].Line);
    }

    [Theory]
    [InlineData("MP-P2-b", "area", "XX", "unknown area")]
    [InlineData("MP-P2-b", "bagian", "pemenuhann", "unknown part")]
    [InlineData("MP-P2-b", "jenis", "ABX", "unknown answer kind")]
    [InlineData("MP-P2-b", "tahun", "2O24", "whole number")]
    [InlineData("MP-P2-b", "tahun", "2010", "falls under no rule")]
    [InlineData("MP-P2-b", "tahun", "2020", "load that year as a recap sheet")]
    [InlineData("MP-P2-b", "bobot", "satu", "positive number")]
    [InlineData("MP-P2-b", "bobot", "-1", "positive number")]
    [InlineData("MP-P2-b", "jawaban", "D", "not a valid answer for ABC")]
    [InlineData("TT-P1-a", "jawaban", "E", "not a valid answer for ABCD")]
    [InlineData("MP-P1-a", "jawaban", "Iya", "not a valid answer for YT")]
    [InlineData("MP-R1-a", "jawaban", "1.2", "between 0 and 1")]
    [InlineData("MP-R1-a", "jawaban", "101%", "between 0% and 100%")]
    [InlineData("IPAK", "jawaban", "4,2", "between 0 and 4")]
    [InlineData("IPAK", "bobot", "20", "IPAK weighs 17.5")]
    [InlineData("IPAK", "jenis", "ABCDE", "IPAK is answered as INDEKS")]
    [InlineData("MP-P2-b", "kode_unit", "", "unit code is required")]
    [InlineData("MP-P2-b", "bagian", "hasil", "takes bagian 'pemenuhan' or 'reform'")]
    public void Ingest_BadField_IsRefusedAtItsLineColumnAndValue(string question, string column, string value, string reason)
    {
        var file = new LkeFile();
        var line = file.LineOf(question);
        file.Set(question, column, value);

        var outcome = Rejected(file.Text());

        if (reason == "falls under no rule")
        {
            Assert.Contains(outcome.Errors, e => e.Line == line && e.Column == "tahun" && e.Message.Contains("no rule version applies", StringComparison.Ordinal));
            return;
        }
        AssertError(outcome, line, column, value, reason);
    }

    [Fact]
    public void Ingest_WeightDifferingInsideAnIndicator_PointsAtTheRowAndTheFirstWeight()
    {
        var file = new LkeFile().Set("MP-P2-c", "bobot", "1.5");

        var outcome = Rejected(file.Text());

        AssertError(outcome, file.LineOf("MP-P2-c"), "bobot", "1.5", $"was given weight 1 on line {file.LineOf("MP-P2-a")}");
    }

    [Fact]
    public void Ingest_DuplicateQuestion_PointsAtTheSecondOccurrence()
    {
        var file = new LkeFile().Duplicate("PW-P4-b");

        var outcome = Rejected(file.Text());

        AssertError(outcome, file.Rows.Count + 1, "soal", "PW-P4-b", $"already appears on line {file.LineOf("PW-P4-b")}");
    }

    [Fact]
    public void Ingest_AreaWeightsNotSummingToTheRule_NamesUnitAreaPartAndSums()
    {
        // MP-P1 weighs 0.5; at 1 the MP pemenuhan indicators sum to 4.5 instead of 4.
        var file = new LkeFile();
        foreach (var q in new[] { "MP-P1-a", "MP-P1-b" })
        {
            file.Set(q, "bobot", "1");
        }

        var outcome = Rejected(file.Text());

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(file.LineOf("MP-P1-a"), error.Line);
        Assert.Contains("unit U-01, year 2024: the weights of area MP pemenuhan indicators (MP-P1, MP-P2, MP-P3, MP-P4) sum to 4.5; rule 90/2021 requires 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_MissingIndicator_BreaksItsAreaSum()
    {
        var file = new LkeFile().Remove("PP-R2-a");

        var outcome = Rejected(file.Text());

        Assert.Contains("area PP reform indicators (PP-R1) sum to 2.5; rule 90/2021 requires 5", Assert.Single(outcome.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_MissingHasilPart_IsNamed()
    {
        var outcome = Rejected(new LkeFile().Remove("IPKP").Text());

        Assert.Contains("the hasil component lacks IPKP", Assert.Single(outcome.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_RaggedRow_CountsItsFields()
    {
        var file = new LkeFile();
        var lines = file.Text().Split('\n');
        lines[5] += ",extra";

        var outcome = Rejected(string.Join('\n', lines));

        var error = outcome.Errors.Single(e => e.Line == 6);
        Assert.Contains("the row has 12 fields but the header has 11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_UnterminatedQuote_NamesTheLineItOpens()
    {
        var lines = new LkeFile().Text().Split('\n');
        lines[10] = lines[10].Replace("Unit U-01", "\"Unit U-01", StringComparison.Ordinal);

        var outcome = Rejected(string.Join('\n', lines));

        Assert.Contains(outcome.Errors, e => e.Line == 11 && e.Message.Contains("unterminated quote", StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_EmptyFile_IsRefused()
    {
        var outcome = Rejected("");

        Assert.Contains("empty", outcome.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_HeaderOnly_IsRefused()
    {
        Assert.Contains("no answer rows", Rejected(Some.Header + "\n").Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0xFF, 0x00 }, "a zip package")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 }, "binary data")]
    public void Ingest_BinaryFile_IsRefusedAsNotText(byte[] content, string what)
    {
        var before = _store.Counts();
        var outcome = _store.IngestBytes("bad.csv", content);

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Equal($"the file is named .csv but is {what}, not CSV text", outcome.Errors[0].Message);
        Assert.Equal(before, _store.Counts());
    }

    [Fact]
    public void Ingest_Windows1252Text_IsRefusedAtTheLineOfTheBadByte()
    {
        var text = new LkeFile().Set("AK-P1-a", "nama_unit", "Unit Café").Text();
        var bytes = Encoding.Latin1.GetBytes(text);
        var before = _store.Counts();

        var outcome = _store.IngestBytes("bad.csv", bytes);

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains("not valid UTF-8", outcome.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(new LkeFile().LineOf("AK-P1-a"), outcome.Errors[0].Line);
        Assert.Equal(before, _store.Counts());
    }

    [Fact]
    public void Ingest_ManyDefects_ReportsThemAllInOnePass()
    {
        var file = new LkeFile()
            .Set("MP-P2-b", "jawaban", "Z")
            .Set("TT-P2-a", "jenis", "QQ")
            .Set("IPAK", "jawaban", "9");

        var outcome = Rejected(file.Text());

        Assert.Equal(3, outcome.ErrorCount);
        Assert.Equal([file.LineOf("MP-P2-b"), file.LineOf("TT-P2-a"), file.LineOf("IPAK")], outcome.Errors.Select(e => e.Line!.Value));
    }

    [Fact]
    public void Ingest_OneBadFileAmongGoodOnes_TheOthersStillLand()
    {
        var good = _store.Folder.Write("a-good.csv", Some.Lke("U-10", 2024));
        var bad = _store.Folder.Write("b-bad.csv", new LkeFile("U-11").Set("MP-P1-b", "jawaban", "Q").Text());
        var alsoGood = _store.Folder.Write("c-good.csv", Some.Lke("U-12", 2024));

        var outcomes = _store.IngestFiles(good, bad, alsoGood);

        Assert.Equal([FileStatus.Accepted, FileStatus.Rejected, FileStatus.Accepted], outcomes.Select(o => o.Status));
        Assert.Equal(["U-10", "U-12"], _store.Scores(2024).Select(s => s.Unit.UnitId));
    }

    [Fact]
    public void Ingest_UnsupportedExtension_IsRefusedNamingTheType()
    {
        var outcome = Rejected("%PDF-1.7", "laporan.pdf");

        Assert.Contains("unsupported file type '.pdf'", outcome.Errors[0].Message, StringComparison.Ordinal);
    }
}
