namespace Integritas.Domain.Rules;

/// <summary>A rule data file that cannot be used, with the file and the place in it.</summary>
public sealed class RuleFileException(string file, string message, Exception? inner = null)
    : Exception($"{file}: {message}", inner)
{
    public string File { get; } = file;
}
