using Integritas.Spreadsheets;
using Integritas.Store.Ingest;

namespace Integritas.Store.Tests;

/// <summary>An error message quotes at most ~100 characters of a value, however long the cell or line it comes from.</summary>
public sealed class LongValueTests : IDisposable
{
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    private const string Header = "tahun,kode_unit,nama_unit,instansi,area,bagian,indikator,bobot,soal,jenis,jawaban";

    private static readonly string[] Row = ["2024", "U-01", "Unit", "Inst", "MP", "pemenuhan", "MP-P1", "1", "MP-P1-a", "YT", "Ya"];

    /// <summary>Every error of the outcome is short, and none carries a long run of the value's characters.</summary>
    private static void QuotesOnlyAnExcerpt(FileOutcome outcome, char filler)
    {
        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.NotEmpty(outcome.Errors);
        Assert.All(outcome.Errors, error =>
        {
            var text = error.ToString();
            Assert.True(text.Length <= 400, $"{text.Length} characters: {text[..Math.Min(text.Length, 300)]}");
            Assert.DoesNotContain(new string(filler, Excerpt.MaxChars + 1), text, StringComparison.Ordinal);
        });
    }

    public static TheoryData<int> Columns() => [.. Enumerable.Range(0, Row.Length)];

    [Theory]
    [MemberData(nameof(Columns))]
    public void Ingest_ATenThousandCharacterCellInAnyColumn_IsQuotedAsAnExcerpt(int column)
    {
        var row = (string[])Row.Clone();
        row[column] = new string('X', 10_000);

        QuotesOnlyAnExcerpt(_store.Ingest("long.csv", Header + "\n" + string.Join(',', row) + "\n"), 'X');
    }

    [Fact]
    public void Ingest_ATenThousandCharacterColumnName_IsQuotedAsAnExcerpt()
    {
        var header = Header.Replace("jawaban", "jawaban" + new string('Q', 10_000), StringComparison.Ordinal);

        QuotesOnlyAnExcerpt(_store.Ingest("long.csv", header + "\n" + string.Join(',', Row) + "\n"), 'Q');
    }

    [Theory]
    [InlineData("header")]
    [InlineData("unquoted line")]
    [InlineData("quoted field")]
    [InlineData("header of many long columns")]
    public void Ingest_AOneMegabyteLine_IsQuotedAsAnExcerpt(string where)
    {
        var mb = new string('Y', 1024 * 1024);
        var text = where switch
        {
            "header" => mb + "\n1,2\n",
            "unquoted line" => Header + "\n" + mb + "\n",
            "quoted field" => Header + "\n" + string.Join(',', Row[..^1]) + ",\"" + mb + "\"\n",
            _ => string.Join(',', Enumerable.Range(0, 50).Select(i => $"c{i}" + new string('Y', 20_000))) + "\n1,2\n",
        };

        QuotesOnlyAnExcerpt(_store.Ingest("long.csv", text), 'Y');
    }

    [Fact]
    public void Ingest_ATenThousandCharacterAnswerInAWorkbook_IsQuotedAsAnExcerpt()
    {
        var book = Workbooks.LkeZi(Workbooks.Layer(answers: new Dictionary<string, string> { ["MP-P1-a"] = new string('Z', 10_000) }));

        QuotesOnlyAnExcerpt(_store.IngestBytes("2025_U-01_lke.xlsx", book), 'Z');
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("two\nlines", "two\\nlines")]
    public void Excerpt_OfAShortValue_IsTheValueOnOneLine(string value, string shown) => Assert.Equal(shown, Excerpt.Of(value));

    [Fact]
    public void Excerpt_OfALongValue_IsItsFirstHundredCharactersAndItsLength()
    {
        Assert.Equal(new string('X', 100) + "… (10,000 characters)", Excerpt.Of(new string('X', 10_000)));
        // A surrogate pair at the cut is kept whole.
        var emoji = new string('a', 99) + "😀" + new string('b', 50);
        Assert.StartsWith(new string('a', 99) + "😀…", Excerpt.Of(emoji), StringComparison.Ordinal);
    }
}
