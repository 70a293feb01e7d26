using System.IO.Compression;
using System.Text;
using Integritas.TestSupport;

namespace Integritas.Spreadsheets.Tests;

public sealed class XlsxTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WriteThenRead_KeepsValuesFormulasAndHiddenSheets()
    {
        var writer = new XlsxWriter();
        var sheet = writer.AddSheet("LKE ZI");
        sheet.Set("B2", "Teks dengan\nbaris baru & <tanda>", CellStyle.Wrap);
        sheet.Set("H3", 0.5m);
        sheet.Set("L3", new CellValue.Formula("AVERAGE(L4:L5)*H3", 0.375m));
        sheet.Set("K4", new CellValue.Formula("IF(K5=0,0,K6/K5)", "Blm Diisi"));
        writer.AddSheet("Ctt Eval", hidden: true).Set("A1", "lama");
        var path = _dir.Write("book.xlsx", writer.Save());

        using var book = XlsxWorkbook.Open(path);

        Assert.Equal([("LKE ZI", false), ("Ctt Eval", true)], book.Sheets.Select(s => (s.Name, s.Hidden)));
        var rows = book.ReadRows(book.FindSheet("lke zi")!).ToList();
        Assert.Equal([2, 3, 4], rows.Select(r => r.Index));
        Assert.Equal("Teks dengan\nbaris baru & <tanda>", rows[0].Text(2));
        Assert.Equal(0.5m, rows[1]["H"]!.Value.Number);
        Assert.Equal((0.375m, "AVERAGE(L4:L5)*H3"), (rows[1]["L"]!.Value.Number!.Value, rows[1]["L"]!.Value.Formula));
        Assert.Equal(("Blm Diisi", CellKind.Text), (rows[2]["K"]!.Value.Value, rows[2]["K"]!.Value.Kind));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("Balai Besar", "Balai Besar")]
    public void Save_TextThatWouldRunAsAFormula_IsNeutralised(string text, string stored)
    {
        var writer = new XlsxWriter();
        writer.AddSheet("Kandidat").Set("A1", text);

        using var book = XlsxWorkbook.Open(_dir.Write("export.xlsx", writer.Save()));

        Assert.Equal(stored, book.ReadRows(book.Sheets[0]).Single().Text(1));
    }

    [Fact]
    public void Save_AMimickedSourceFile_KeepsTextAsGiven()
    {
        var writer = new XlsxWriter { NeutraliseFormulaText = false };
        writer.AddSheet("LKE ZI").Set("A1", "-");

        using var book = XlsxWorkbook.Open(_dir.Write("source.xlsx", writer.Save()));

        Assert.Equal("-", book.ReadRows(book.Sheets[0]).Single().Text(1));
    }

    [Fact]
    public void Save_IsDeterministic()
    {
        static byte[] Make()
        {
            var writer = new XlsxWriter();
            writer.AddSheet("A").Set("A1", "x").Set("B2", 1.5m);
            return writer.Save();
        }

        Assert.Equal(Make(), Make());
    }

    [Fact]
    public void Open_TheItjenTpiTemplate_ReadsTheJawabanSheet()
    {
        Assert.SkipUnless(File.Exists(Shared.TpiTemplate), $"the official template is not at {Shared.TpiTemplate}");

        using var book = XlsxWorkbook.Open(Shared.TpiTemplate);

        Assert.Equal(["Unit", "TPI Unit", "TPI Itjen", "Jawaban"], book.Sheets.Select(s => s.Name));
        var rows = book.ReadRows(book.FindSheet("Jawaban")!).Take(7).ToList();
        Assert.Equal("Jawaban TPI KESDM", rows[0].Text(19));
        Assert.Equal(("a.", "Ya/Tidak"), (rows[5].Text(6), rows[5].Text(10)));
    }

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 }, "encrypted (password-protected) or in the legacy .xls format")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "not a workbook: the file is a PDF document")]
    [InlineData(new byte[] { 0x6B, 0x6F, 0x64, 0x65, 0x2C, 0x74, 0x61, 0x68, 0x75, 0x6E }, "not a workbook: the file is a text file")]
    public void Open_NotAZipPackage_IsRefusedSayingWhatItIs(byte[] content, string reason)
    {
        var path = _dir.Write("book.xlsx", content);

        var error = Assert.Throws<SpreadsheetException>(() => XlsxWorkbook.Open(path));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A workbook of 600 rows of text and numbers: large enough that a damage lands inside the sheet data.</summary>
    private static byte[] Book()
    {
        var writer = new XlsxWriter();
        var sheet = writer.AddSheet("LKE ZI");
        for (var row = 1; row <= 600; row++)
        {
            sheet.Set($"B{row}", $"Pertanyaan nomor {row} tentang pembangunan zona integritas", CellStyle.Wrap);
            sheet.Set($"H{row}", row * 0.25m);
        }
        return writer.Save();
    }

    [Theory]
    [InlineData("sheet XML cut short", "sheet 'LKE ZI' is damaged: its XML is not well-formed at row")]
    [InlineData("sheet declared smaller", "sheet 'LKE ZI' is damaged: its XML is not well-formed at row")]
    [InlineData("sheet declared larger", "the zip package is damaged: part xl/worksheets/sheet1.xml unpacks to")]
    [InlineData("workbook part declared larger", "the zip package is damaged: part xl/workbook.xml unpacks to")]
    [InlineData("workbook part cut short", "not a workbook: the zip package is damaged: part xl/workbook.xml is not well-formed XML")]
    [InlineData("sheet data scrambled", "the zip package is damaged: part xl/worksheets/sheet1.xml")]
    [InlineData("file cut off", "not a workbook: the zip package is damaged")]
    public void Open_DamagedPackage_IsASpreadsheetExceptionSayingWhatIsDamaged(string damage, string message)
    {
        var book = Book();
        var damaged = damage switch
        {
            "sheet XML cut short" => DamagedZip.TruncatePart(book, "xl/worksheets/sheet1.xml"),
            "sheet declared smaller" => DamagedZip.DeclareSize(book, "xl/worksheets/sheet1.xml", 0.5),
            "sheet declared larger" => DamagedZip.DeclareSize(book, "xl/worksheets/sheet1.xml", 2),
            "workbook part declared larger" => DamagedZip.DeclareSize(book, "xl/workbook.xml", 3),
            "workbook part cut short" => DamagedZip.TruncatePart(book, "xl/workbook.xml"),
            "sheet data scrambled" => DamagedZip.ScrambleData(book, "xl/worksheets/sheet1.xml"),
            _ => DamagedZip.Cut(book),
        };
        var path = _dir.Write("book.xlsx", damaged);

        var error = Assert.Throws<SpreadsheetException>(() =>
        {
            using var workbook = XlsxWorkbook.Open(path);
            foreach (var sheet in workbook.Sheets)
            {
                _ = workbook.ReadRows(sheet).Count();
            }
        });

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MacroEnabledExtension_IsRefused()
    {
        var path = _dir.Write("book.xlsm", new XlsxWriter().Save());

        Assert.Contains("macro-enabled", Assert.Throws<SpreadsheetException>(() => XlsxWorkbook.Open(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PackageWithVbaProject_IsRefused()
    {
        var path = _dir.Write("book.xlsx", Package(("xl/vbaProject.bin", [1, 2, 3])));

        Assert.Contains("macros", Assert.Throws<SpreadsheetException>(() => XlsxWorkbook.Open(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ZipBomb_IsRefusedBeforeItInflates()
    {
        // 50 MiB of zeros packs to ~50 KiB: a ratio of ~1000.
        var path = _dir.Write("book.xlsx", Package(("xl/worksheets/sheet1.xml", new byte[50 * 1024 * 1024])));

        Assert.Contains("zip bomb", Assert.Throws<SpreadsheetException>(() => XlsxWorkbook.Open(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PackageOverTheTotalLimit_IsRefused()
    {
        var path = _dir.Write("book.xlsx", Package(("xl/a.xml", Encoding.ASCII.GetBytes(new string('a', 2 * 1024 * 1024)))));

        var error = Assert.Throws<SpreadsheetException>(() => XlsxWorkbook.Open(path, new PackageLimits { MaxTotalBytes = 1024 * 1024, MaxRatio = 10_000 }));

        Assert.Contains("expands to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DocxRenamedToXlsx_IsRefused()
    {
        var docx = Package();
        using (var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        {
            Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        }
        var path = _dir.Write("book.xlsx", Package(contentTypes: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));

        Assert.Contains("another kind", Assert.Throws<SpreadsheetException>(() => XlsxWorkbook.Open(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_SheetWithADoctype_IsRefusedWithoutResolvingEntities()
    {
        var sheet = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>";
        var path = _dir.Write("book.xlsx", Package(("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(sheet))));
        using var book = XlsxWorkbook.Open(path);

        var error = Assert.Throws<SpreadsheetException>(() => book.ReadRows(book.Sheets[0]).ToList());

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A minimal workbook package with one sheet part plus the given extra entries.</summary>
    private static byte[] Package(params (string Name, byte[] Content)[] extra) => Package("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", extra);

    private static byte[] Package(string contentTypes, params (string Name, byte[] Content)[] extra)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, true))
        {
            void Add(string name, byte[] content)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
            Add("[Content_Types].xml", Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"{contentTypes}\"/></Types>"));
            Add("xl/workbook.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Add("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"));
            foreach (var (name, content) in extra)
            {
                Add(name, content);
            }
            if (!extra.Any(e => e.Name == "xl/worksheets/sheet1.xml"))
            {
                Add("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>"));
            }
        }
        return output.ToArray();
    }
}
