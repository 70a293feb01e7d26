using System.Buffers.Binary;
using System.Globalization;
using System.Text;

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

    /// <summary>
    /// An inline picture (<c>w:drawing</c>) in the shape Word writes. DrawingML namespaces are declared where
    /// they are first used, as Word itself does, so the template need not declare them.
    /// </summary>
    public static string InlineMarkup(string drawingName, string relationshipId, long cx, long cy, int id, string name)
    {
        var description = new StringBuilder();
        XmlMarkup.AttributeValue(description, name);
        var size = string.Create(CultureInfo.InvariantCulture, $"cx=\"{cx}\" cy=\"{cy}\"");
        var number = id.ToString(CultureInfo.InvariantCulture);
        return $"<{drawingName}><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" xmlns:wp=\"{W.Wp.NamespaceName}\">"
            + $"<wp:extent {size}/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + $"<wp:docPr id=\"{number}\" name=\"Gambar {number}\" descr=\"{description}\"/>"
            + $"<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"{W.A.NamespaceName}\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + $"<a:graphic xmlns:a=\"{W.A.NamespaceName}\"><a:graphicData uri=\"{W.Pic.NamespaceName}\">"
            + $"<pic:pic xmlns:pic=\"{W.Pic.NamespaceName}\"><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"{description}\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + $"<pic:blipFill><a:blip r:embed=\"{relationshipId}\" xmlns:r=\"{W.R.NamespaceName}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + $"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext {size}/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + $"</pic:pic></a:graphicData></a:graphic></wp:inline></{drawingName}>";
    }
}
