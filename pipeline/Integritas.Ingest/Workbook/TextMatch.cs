namespace Integritas.Ingest.Workbook;

/// <summary>
/// How alike two texts of an LKE are (names, questions, "Jumlah" rows), by their words: hand-kept copies
/// re-type, shorten and break texts, so equality is too strict and numbering means nothing.
/// </summary>
internal static class TextMatch
{
    /// <summary>Dice coefficient of the two texts' word sets, 0 to 1 ("Jumlah" and one-letter words left out).</summary>
    public static double Similarity(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }

    public static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = text[start..i].ToUpperInvariant();
                if (word.Length > 1 && word != "JUMLAH")
                {
                    words.Add(word);
                }
                start = -1;
            }
        }
        return words;
    }

    /// <summary>
    /// Pairs file items with catalogue items one to one: first the most alike pairs at or above
    /// <paramref name="threshold"/> (ties to the nearer position), then what is left in order. Returns the
    /// catalogue index of each file item, or -1.
    /// </summary>
    public static int[] Assign(IReadOnlyList<string> file, IReadOnlyList<string> catalog, double threshold)
    {
        var scores = new double[file.Count, catalog.Count];
        for (var i = 0; i < file.Count; i++)
        {
            for (var j = 0; j < catalog.Count; j++)
            {
                scores[i, j] = Similarity(file[i], catalog[j]);
            }
        }
        return Assign(file.Count, catalog.Count, (i, j) => scores[i, j], threshold);
    }

    public static int[] Assign(int files, int catalogs, Func<int, int, double> score, double threshold)
    {
        var pairs = new List<(int File, int Catalog, double Score)>();
        for (var i = 0; i < files; i++)
        {
            for (var j = 0; j < catalogs; j++)
            {
                if (score(i, j) is var s && s >= threshold)
                {
                    pairs.Add((i, j, s));
                }
            }
        }
        var result = Enumerable.Repeat(-1, files).ToArray();
        var taken = new bool[catalogs];
        foreach (var (i, j, _) in pairs.OrderByDescending(p => p.Score).ThenBy(p => Math.Abs(p.File - p.Catalog)))
        {
            if (result[i] < 0 && !taken[j])
            {
                result[i] = j;
                taken[j] = true;
            }
        }
        var left = new Queue<int>(Enumerable.Range(0, catalogs).Where(j => !taken[j]));
        for (var i = 0; i < files; i++)
        {
            if (result[i] < 0 && left.Count > 0)
            {
                result[i] = left.Dequeue();
            }
        }
        return result;
    }
}
