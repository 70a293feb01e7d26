using Integritas.SampleData;

// Usage: dotnet run --project data-samples/generator -- [--out DIR] [--seed N]
var output = "data-samples";
var seed = SampleGenerator.DefaultSeed;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s):
            seed = s;
            i++;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: generator [--out DIR] [--seed N]");
            return 2;
    }
}
var files = new SampleGenerator(seed).Write(output);
Console.WriteLine($"Wrote {files.Count} files under {Path.GetFullPath(output)} (seed {seed}).");
return 0;
