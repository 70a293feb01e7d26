namespace Integritas.Reports.Units;

/// <summary>
/// A report's pictures in a folder of their own under the output folder, so a report with a chart or two per
/// unit does not bury its documents; the paths it hands out are what the model holds (relative, with "/").
/// </summary>
public sealed class ChartFolder(ReportRequest request, string folder)
{
    private readonly List<string> _written = [];

    /// <summary>Every picture written, as full paths.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>Writes <paramref name="png"/> as <paramref name="fileName"/> in the folder; returns its path relative to the output folder.</summary>
    public string Write(string fileName, byte[] png)
    {
        var directory = Path.Combine(request.OutputDirectory, folder);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        File.WriteAllBytes(path, png);
        _written.Add(path);
        return folder + "/" + fileName;
    }
}
