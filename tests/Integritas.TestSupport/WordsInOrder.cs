namespace Integritas.TestSupport;

/// <summary>Finding a printed text in a regulation's text extract, whose tables come out in columns.</summary>
public static class WordsInOrder
{
    /// <summary>
    /// Whether <paramref name="needle"/>'s words stand in <paramref name="haystack"/> in order within <paramref name="span"/>
    /// words of the first: a table cell's words come in order but interleaved with its neighbours'.
    /// </summary>
    public static bool Find(string[] haystack, string[] needle, int span)
    {
        for (var start = 0; start < haystack.Length; start++)
        {
            if (haystack[start] != needle[0])
            {
                continue;
            }
            var k = 0;
            for (var j = start; j < haystack.Length && j - start <= span && k < needle.Length; j++)
            {
                k += haystack[j] == needle[k] ? 1 : 0;
            }
            if (k == needle.Length)
            {
                return true;
            }
        }
        return false;
    }
}
