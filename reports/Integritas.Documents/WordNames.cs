using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>Element and attribute names of WordprocessingML and DrawingML used by the engine.</summary>
internal static class W
{
    public static readonly XNamespace Ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace Pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    public static readonly XNamespace Xml = XNamespace.Xml;

    public static readonly XName P = Ns + "p";
    public static readonly XName PPr = Ns + "pPr";
    public static readonly XName R_ = Ns + "r";
    public static readonly XName RPr = Ns + "rPr";
    public static readonly XName T = Ns + "t";
    public static readonly XName Tab = Ns + "tab";
    public static readonly XName Br = Ns + "br";
    public static readonly XName Tbl = Ns + "tbl";
    public static readonly XName Tr = Ns + "tr";
    public static readonly XName Tc = Ns + "tc";
    public static readonly XName Body = Ns + "body";
    public static readonly XName SectPr = Ns + "sectPr";
    public static readonly XName PgSz = Ns + "pgSz";
    public static readonly XName PgMar = Ns + "pgMar";
    public static readonly XName Drawing = Ns + "drawing";
    public static readonly XName TxbxContent = Ns + "txbxContent";
    public static readonly XName Hyperlink = Ns + "hyperlink";
    public static readonly XName BookmarkStart = Ns + "bookmarkStart";
    public static readonly XName BookmarkEnd = Ns + "bookmarkEnd";
    public static readonly XName ProofErr = Ns + "proofErr";
    public static readonly XName DocPr = Wp + "docPr";
    public static readonly XName Blip = A + "blip";
    public static readonly XName Extent = Wp + "extent";
    public static readonly XName Ext = A + "ext";
    public static readonly XName Val = Ns + "val";
    public static readonly XName Space = Xml + "space";
}

/// <summary>The engine's private markers in a compiled template; never written to an output document.</summary>
internal static class Zi
{
    public static readonly XNamespace Ns = "urn:integritas:template";
    public static readonly XName Block = Ns + "block";
    public static readonly XName Then = Ns + "then";
    public static readonly XName Else = Ns + "else";
    public static readonly XName Value = Ns + "value";
    public static readonly XName Image = Ns + "image";
    public static readonly XName Tag = Ns + "tag";
}
