using System.Buffers.Binary;
using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>Picture bytes with their pixel size and resolution, read from the PNG or JPEG header.</summary>
internal sealed record Picture(byte[] Bytes, string Extension, int Width, int Height, double Dpi)
{
    private const long EmuPerInch = 914400;

    public static Picture? Read(byte[] bytes)
    {
        if (bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
            var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
            return new Picture(bytes, "png", width, height, PngDpi(bytes));
        }
        if (bytes.Length > 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < bytes.Length && bytes[i] == 0xFF)
            {
                var marker = bytes[i + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 2));
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 5));
                    var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 7));
                    return new Picture(bytes, "jpeg", width, height, 96);
                }
                i += 2 + length;
            }
        }
        return null;
    }

    private static double PngDpi(byte[] bytes)
    {
        var i = 8;
        while (i + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i));
            var type = System.Text.Encoding.ASCII.GetString(bytes, i + 4, 4);
            if (type == "pHYs" && length >= 9 && bytes[i + 16] == 1)
            {
                var perMetre = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i + 8));
                return perMetre * 0.0254;
            }
            if (type == "IDAT")
            {
                break;
            }
            i += 12 + length;
        }
        return 96;
    }

    /// <summary>The picture's size in EMU at its resolution, shrunk (never enlarged) to fit a width.</summary>
    public (long Cx, long Cy) Fit(long maxWidthEmu)
    {
        var dpi = Dpi <= 0 ? 96 : Dpi;
        var cx = (long)(Width / dpi * EmuPerInch);
        var cy = (long)(Height / dpi * EmuPerInch);
        if (cx > maxWidthEmu && cx > 0)
        {
            cy = cy * maxWidthEmu / cx;
            cx = maxWidthEmu;
        }
        return (cx, cy);
    }

    /// <summary>An inline picture run in the standard shape Word writes.</summary>
    public static XElement InlineRun(XElement? rPr, string relationshipId, long cx, long cy, int id, string name)
    {
        return new XElement(W.R_, rPr is null ? null : new XElement(rPr),
            new XElement(W.Drawing,
                new XElement(W.Wp + "inline",
                    new XAttribute("distT", 0), new XAttribute("distB", 0), new XAttribute("distL", 0), new XAttribute("distR", 0),
                    new XElement(W.Extent, new XAttribute("cx", cx), new XAttribute("cy", cy)),
                    new XElement(W.Wp + "effectExtent", new XAttribute("l", 0), new XAttribute("t", 0), new XAttribute("r", 0), new XAttribute("b", 0)),
                    new XElement(W.DocPr, new XAttribute("id", id), new XAttribute("name", $"Gambar {id}"), new XAttribute("descr", name)),
                    new XElement(W.Wp + "cNvGraphicFramePr", new XElement(W.A + "graphicFrameLocks", new XAttribute("noChangeAspect", 1))),
                    new XElement(W.A + "graphic",
                        new XElement(W.A + "graphicData", new XAttribute("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
                            new XElement(W.Pic + "pic",
                                new XElement(W.Pic + "nvPicPr",
                                    new XElement(W.Pic + "cNvPr", new XAttribute("id", 0), new XAttribute("name", name)),
                                    new XElement(W.Pic + "cNvPicPr")),
                                new XElement(W.Pic + "blipFill",
                                    new XElement(W.Blip, new XAttribute(W.R + "embed", relationshipId)),
                                    new XElement(W.A + "stretch", new XElement(W.A + "fillRect"))),
                                new XElement(W.Pic + "spPr",
                                    new XElement(W.A + "xfrm",
                                        new XElement(W.A + "off", new XAttribute("x", 0), new XAttribute("y", 0)),
                                        new XElement(W.Ext, new XAttribute("cx", cx), new XAttribute("cy", cy))),
                                    new XElement(W.A + "prstGeom", new XAttribute("prst", "rect"), new XElement(W.A + "avLst")))))))));
    }
}
