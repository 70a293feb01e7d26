using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Integritas.TestSupport;

/// <summary>Fills cells of an existing workbook (e.g. the official template) the way a person typing in Excel would.</summary>
public static partial class XlsxPatch
{
    private static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace P = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Sets cells (e.g. "K6" → "Ya", "K126" → "5") on a sheet; numbers are stored as numbers, anything else as text.</summary>
    public static byte[] SetCells(byte[] xlsx, string sheetName, IReadOnlyDictionary<string, string> cells)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var workbook = Load(zip, "xl/workbook.xml");
            var rid = workbook.Descendants(S + "sheet").First(s => (string?)s.Attribute("name") == sheetName).Attribute(R + "id")!.Value;
            var target = Load(zip, "xl/_rels/workbook.xml.rels").Descendants(P + "Relationship").First(r => (string?)r.Attribute("Id") == rid).Attribute("Target")!.Value;
            var part = target.StartsWith('/') ? target[1..] : "xl/" + target;
            var sheet = Load(zip, part);
            var data = sheet.Root!.Element(S + "sheetData")!;
            foreach (var (reference, value) in cells)
            {
                var match = CellReference().Match(reference);
                var rowNumber = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                var row = data.Elements(S + "row").FirstOrDefault(r => (int)r.Attribute("r")! == rowNumber);
                if (row is null)
                {
                    row = new XElement(S + "row", new XAttribute("r", rowNumber));
                    var after = data.Elements(S + "row").LastOrDefault(r => (int)r.Attribute("r")! < rowNumber);
                    if (after is null)
                    {
                        data.AddFirst(row);
                    }
                    else
                    {
                        after.AddAfterSelf(row);
                    }
                }
                row.Elements(S + "c").FirstOrDefault(c => (string?)c.Attribute("r") == reference)?.Remove();
                var cell = decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
                    ? new XElement(S + "c", new XAttribute("r", reference), new XElement(S + "v", value))
                    : new XElement(S + "c", new XAttribute("r", reference), new XAttribute("t", "inlineStr"), new XElement(S + "is", new XElement(S + "t", value)));
                var column = Column(match.Groups[1].Value);
                var before = row.Elements(S + "c").FirstOrDefault(c => Column(CellReference().Match((string)c.Attribute("r")!).Groups[1].Value) > column);
                if (before is null)
                {
                    row.Add(cell);
                }
                else
                {
                    before.AddBeforeSelf(cell);
                }
                row.Attribute("spans")?.Remove();
            }
            zip.GetEntry(part)!.Delete();
            using var stream = zip.CreateEntry(part).Open();
            sheet.Save(stream);
        }
        return buffer.ToArray();
    }

    private static int Column(string letters) => letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));

    private static XDocument Load(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    [GeneratedRegex("^([A-Z]+)([0-9]+)$")]
    private static partial Regex CellReference();
}
