using Integritas.SampleData;

// Usage:
//   dotnet run --project data-samples/generator -- [--out DIR] [--seed N]
//       the committed samples (data-samples/)
//   dotnet run --project data-samples/generator -- national --units 25000 --years 2022-2029 --out FILE.csv [--seed N]
//       national-scale canonical CSV for load and speed tests (25,000 units × 8 years ≈ 22.6 million rows);
//       with --out DIR/ (a folder), one official-layout workbook per unit for the first year instead
if (args.Length > 0 && args[0] == "national")
{
    var units = 25_000;
    var (from, to) = (2022, 2029);
    string? file = null;
    var nationalSeed = SampleGenerator.DefaultSeed;
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--units" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                units = n;
                i++;
                break;
            case "--years" when i + 1 < args.Length && args[i + 1].Split('-') is [var a, var b] && int.TryParse(a, out var fy) && int.TryParse(b, out var ty) && fy >= 2022 && ty >= fy:
                (from, to) = (fy, ty);
                i++;
                break;
            case "--out" when i + 1 < args.Length:
                file = args[++i];
                break;
            case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s):
                nationalSeed = s;
                i++;
                break;
            default:
                Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: generator national --units N --years 2022-2029 --out FILE.csv [--seed N]");
                return 2;
        }
    }
    if (file is null)
    {
        Console.Error.WriteLine("national: --out FILE.csv is required");
        return 2;
    }
    var generator = new NationalGenerator(units, from, to, nationalSeed);
    if (file.EndsWith('/') || Directory.Exists(file))
    {
        // A folder: one official-layout workbook per unit for the first year.
        var count = generator.WriteWorkbooks(file);
        Console.WriteLine($"Wrote {count:N0} workbooks to {Path.GetFullPath(file)}.");
        return 0;
    }
    using (var writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 20))
    {
        var rows = generator.Write(writer);
        Console.WriteLine($"Wrote {rows:N0} rows ({units:N0} units × {to - from + 1} years) to {Path.GetFullPath(file)}.");
    }
    return 0;
}

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
            Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: generator [--out DIR] [--seed N] | generator national --units N --years FROM-TO --out FILE.csv");
            return 2;
    }
}
var files = new SampleGenerator(seed).Write(output);
Console.WriteLine($"Wrote {files.Count} files under {Path.GetFullPath(output)} (seed {seed}).");
return 0;
