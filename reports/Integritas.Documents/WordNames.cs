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
    public static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    public static readonly XNamespace Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    public static readonly XNamespace V = "urn:schemas-microsoft-com:vml";
    public static readonly XNamespace Xml = XNamespace.Xml;

    public static readonly XName P = Ns + "p";
    public static readonly XName PPr = Ns + "pPr";
    public static readonly XName R_ = Ns + "r";
    public static readonly XName RPr = Ns + "rPr";
    public static readonly XName T = Ns + "t";
    public static readonly XName Tab = Ns + "tab";
    public static readonly XName Br = Ns + "br";
    public static readonly XName LastRenderedPageBreak = Ns + "lastRenderedPageBreak";
    public static readonly XName Tbl = Ns + "tbl";
    public static readonly XName Tr = Ns + "tr";
    public static readonly XName Tc = Ns + "tc";
    public static readonly XName TcPr = Ns + "tcPr";
    public static readonly XName TcW = Ns + "tcW";
    public static readonly XName Body = Ns + "body";
    public static readonly XName Hdr = Ns + "hdr";
    public static readonly XName Ftr = Ns + "ftr";
    public static readonly XName Footnote = Ns + "footnote";
    public static readonly XName Endnote = Ns + "endnote";
    public static readonly XName SectPr = Ns + "sectPr";
    public static readonly XName PgSz = Ns + "pgSz";
    public static readonly XName PgMar = Ns + "pgMar";
    public static readonly XName Drawing = Ns + "drawing";
    public static readonly XName TxbxContent = Ns + "txbxContent";
    public static readonly XName Hyperlink = Ns + "hyperlink";
    public static readonly XName SmartTag = Ns + "smartTag";
    public static readonly XName CustomXml = Ns + "customXml";
    public static readonly XName Dir = Ns + "dir";
    public static readonly XName Bdo = Ns + "bdo";
    public static readonly XName Sdt = Ns + "sdt";
    public static readonly XName SdtPr = Ns + "sdtPr";
    public static readonly XName Id = Ns + "id";
    public static readonly XName BookmarkStart = Ns + "bookmarkStart";
    public static readonly XName BookmarkEnd = Ns + "bookmarkEnd";
    public static readonly XName CommentRangeStart = Ns + "commentRangeStart";
    public static readonly XName CommentRangeEnd = Ns + "commentRangeEnd";
    public static readonly XName PermStart = Ns + "permStart";
    public static readonly XName PermEnd = Ns + "permEnd";
    public static readonly XName ProofErr = Ns + "proofErr";
    public static readonly XName IdAttr = Ns + "id";
    public static readonly XName NameAttr = Ns + "name";
    public static readonly XName DocPr = Wp + "docPr";
    public static readonly XName Blip = A + "blip";
    public static readonly XName Embed = R + "embed";
    public static readonly XName Space = Xml + "space";
    public static readonly XName ParaId = W14 + "paraId";
    public static readonly XName TextId = W14 + "textId";
    public static readonly XName Fallback = Mc + "Fallback";
    public static readonly XName Shapetype = V + "shapetype";

    /// <summary>Run-level wrappers a tag run may sit in that can be cut in two around it without changing meaning.</summary>
    public static bool IsSplittableWrapper(XName name) => name == Hyperlink || name == Dir || name == Bdo;

    /// <summary>Markers of ranges (bookmarks, comments, permissions) that may stand between paragraphs or rows as well.</summary>
    public static bool IsRangeMarker(XName name) =>
        name == BookmarkStart || name == BookmarkEnd || name == CommentRangeStart || name == CommentRangeEnd || name == PermStart || name == PermEnd;
}

/// <summary>The engine's private markers in a compiled template; never written to an output document.</summary>
internal static class Zi
{
    public static readonly XNamespace Ns = "urn:integritas:template";
    public static readonly XName Block = Ns + "block";
    public static readonly XName Then = Ns + "then";
    public static readonly XName Else = Ns + "else";
    public static readonly XName Tag = Ns + "tag";
    public static readonly XName Start = Ns + "start";
    public static readonly XName End = Ns + "end";
    public static readonly XName ElseMark = Ns + "else-mark";
}
