using System.Text;
using System.Xml.Linq;

namespace Integritas.Documents;

/// <summary>
/// Writes elements of a compiled part as markup text, the way they stand in the output document: prefixes
/// from the namespace declarations in scope there, the engine's own (<see cref="Zi"/>) attributes left out.
/// Used once per template to turn static content into ready bytes, so a render copies them without walking.
/// </summary>
internal sealed class XmlMarkup
{
    private static readonly Dictionary<string, string> ConventionalPrefixes = new(StringComparer.Ordinal)
    {
        [W.Ns.NamespaceName] = "w",
        [W.R.NamespaceName] = "r",
        [W.Wp.NamespaceName] = "wp",
        [W.A.NamespaceName] = "a",
        [W.Pic.NamespaceName] = "pic",
        [W.W14.NamespaceName] = "w14",
        [W.Mc.NamespaceName] = "mc",
    };

    private readonly List<(string Prefix, string Namespace)> _bindings = [];
    private readonly Stack<int> _frames = new();

    /// <summary>A writer positioned inside <paramref name="parent"/>: the declarations of it and its ancestors are in scope.</summary>
    public static XmlMarkup At(XElement? parent)
    {
        var markup = new XmlMarkup();
        foreach (var ancestor in parent?.AncestorsAndSelf().Reverse() ?? [])
        {
            markup.Declare(ancestor);
        }
        return markup;
    }

    /// <summary>The whole element with its content.</summary>
    public void Element(StringBuilder sb, XElement element)
    {
        if (element.IsEmpty)
        {
            StartTag(sb, element, selfClosing: true);
            Leave();
            return;
        }
        StartTag(sb, element);
        foreach (var node in element.Nodes())
        {
            Node(sb, node);
        }
        EndTag(sb, element);
    }

    public void Node(StringBuilder sb, XNode node)
    {
        switch (node)
        {
            case XElement e:
                Element(sb, e);
                break;
            case XCData cdata:
                sb.Append("<![CDATA[").Append(cdata.Value).Append("]]>");
                break;
            case XText text:
                Text(sb, text.Value);
                break;
            case XComment comment:
                sb.Append("<!--").Append(comment.Value).Append("-->");
                break;
            case XProcessingInstruction pi:
                sb.Append("<?").Append(pi.Target).Append(' ').Append(pi.Data).Append("?>");
                break;
        }
    }

    /// <summary>The start tag; its declarations stay in scope until <see cref="EndTag"/>.</summary>
    public void StartTag(StringBuilder sb, XElement element, bool selfClosing = false)
    {
        Declare(element);
        var extra = new List<(string Prefix, string Namespace)>();
        var name = Qualified(element.Name, isAttribute: false, extra);
        sb.Append('<').Append(name);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.Name.Namespace == Zi.Ns)
            {
                continue;
            }
            if (attribute.IsNamespaceDeclaration)
            {
                sb.Append(' ').Append(attribute.Name.Namespace == XNamespace.None ? "xmlns" : "xmlns:" + attribute.Name.LocalName);
            }
            else
            {
                sb.Append(' ').Append(Qualified(attribute.Name, isAttribute: true, extra));
            }
            sb.Append("=\"");
            AttributeValue(sb, attribute.Value);
            sb.Append('"');
        }
        foreach (var (prefix, ns) in extra)
        {
            sb.Append(prefix.Length == 0 ? " xmlns" : " xmlns:" + prefix).Append("=\"");
            AttributeValue(sb, ns);
            sb.Append('"');
        }
        sb.Append(selfClosing ? "/>" : ">");
    }

    public void EndTag(StringBuilder sb, XElement element)
    {
        sb.Append("</").Append(Qualified(element.Name, isAttribute: false, null)).Append('>');
        Leave();
    }

    /// <summary>The name as written where the writer stands (e.g. "w:t"); the namespace must be in scope.</summary>
    public string NameOf(XName name) => Qualified(name, isAttribute: false, null);

    public static void Text(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\r': sb.Append("&#xD;"); break;
                default: sb.Append(c); break;
            }
        }
    }

    public static void AttributeValue(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\t': sb.Append("&#x9;"); break;
                case '\n': sb.Append("&#xA;"); break;
                case '\r': sb.Append("&#xD;"); break;
                default: sb.Append(c); break;
            }
        }
    }

    private void Declare(XElement element)
    {
        _frames.Push(_bindings.Count);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                _bindings.Add((attribute.Name.Namespace == XNamespace.None ? "" : attribute.Name.LocalName, attribute.Value));
            }
        }
    }

    private void Leave() => _bindings.RemoveRange(_frames.Peek(), _bindings.Count - _frames.Pop());

    private string? Lookup(string prefix)
    {
        for (var i = _bindings.Count - 1; i >= 0; i--)
        {
            if (_bindings[i].Prefix == prefix)
            {
                return _bindings[i].Namespace;
            }
        }
        return null;
    }

    private string? PrefixOf(string ns, bool allowDefault)
    {
        for (var i = _bindings.Count - 1; i >= 0; i--)
        {
            var (prefix, bound) = _bindings[i];
            if (bound == ns && (prefix.Length > 0 || allowDefault) && Lookup(prefix) == ns)
            {
                return prefix;
            }
        }
        return null;
    }

    /// <summary>
    /// The qualified name; a namespace with no prefix in scope gets one declared on the element being
    /// started (<paramref name="declare"/>), which is then in scope for its content too.
    /// </summary>
    private string Qualified(XName name, bool isAttribute, List<(string Prefix, string Namespace)>? declare)
    {
        var ns = name.NamespaceName;
        if (ns.Length == 0)
        {
            if (!isAttribute && (Lookup("") ?? "").Length > 0 && declare is not null)
            {
                declare.Add(("", ""));
                _bindings.Add(("", ""));
            }
            return name.LocalName;
        }
        if (name.Namespace == XNamespace.Xml)
        {
            return "xml:" + name.LocalName;
        }
        var prefix = PrefixOf(ns, allowDefault: !isAttribute);
        if (prefix is null)
        {
            if (declare is null)
            {
                throw new InvalidOperationException($"namespace {ns} is not in scope");
            }
            prefix = ConventionalPrefixes.GetValueOrDefault(ns) ?? "ns";
            var candidate = prefix;
            for (var n = 1; Lookup(candidate) is { } taken && taken != ns; n++)
            {
                candidate = prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            prefix = candidate;
            declare.Add((prefix, ns));
            _bindings.Add((prefix, ns));
        }
        return prefix.Length == 0 ? name.LocalName : prefix + ":" + name.LocalName;
    }
}
