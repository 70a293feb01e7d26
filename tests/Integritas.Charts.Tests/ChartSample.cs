namespace Integritas.Charts.Tests;

/// <summary>
/// One picture of the catalogue: which recipe draws it, the size asked for, and how to draw it. The name is
/// the PNG's file name under <see cref="Png.Folder"/>.
/// </summary>
public sealed record ChartSample(string Name, Type Recipe, int Width, int Height, Func<byte[]> Render)
{
    public override string ToString() => Name;
}
