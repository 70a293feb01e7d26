using Integritas.SampleData;

// Usage:
//   dotnet run --project data-samples/generator -- [--out DIR] [--seed N]
//       the committed samples (data-samples/)
//   dotnet run --project data-samples/generator -- national --units 25000 --years 2022-2029 --out FILE.csv [--predicates FILE.csv] [--seed N]
//       national-scale canonical CSV for load and speed tests (25,000 units × 8 years ≈ 22.6 million rows), and with
//       --predicates the predicate history the same run awards; with --out DIR/ (a folder), one official-layout
//       workbook per unit for the first year instead
//   dotnet run -c Release --project data-samples/generator -- national --units 25000 --years 2022-2029 --duckdb FILE.duckdb [--seed N]
//       the same unit-years and predicate history straight into a new zi database, as ingesting the CSVs would store them
if (args.Length > 0 && args[0] == "national")
{
    const string usage = "Usage: generator national --units N --years FROM-TO (--out FILE.csv [--predicates FILE.csv] | --out DIR/ | --duckdb FILE.duckdb) [--seed N]";
    var units = 25_000;
    var (from, to) = (2022, 2029);
    string? file = null;
    string? predicateFile = null;
    string? duckdb = null;
    var nationalSeed = SampleGenerator.DefaultSeed;
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--units" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                units = n;
                i++;
                break;
            case "--years" when i + 1 < args.Length && args[i + 1].Split('-') is [var a, var b] && int.TryParse(a, out var fy) && int.TryParse(b, out var ty) && ty >= fy:
                if (NationalGenerator.YearsError(fy, ty) is { } yearsError)
                {
                    Console.Error.WriteLine($"national: --years {args[i + 1]}: {yearsError}.");
                    return 2;
                }
                (from, to) = (fy, ty);
                i++;
                break;
            case "--out" when i + 1 < args.Length:
                file = args[++i];
                break;
            case "--predicates" when i + 1 < args.Length:
                predicateFile = args[++i];
                break;
            case "--duckdb" when i + 1 < args.Length:
                duckdb = args[++i];
                break;
            case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s):
                nationalSeed = s;
                i++;
                break;
            default:
                Console.Error.WriteLine($"unknown argument '{args[i]}'. {usage}");
                return 2;
        }
    }
    if ((file is null) == (duckdb is null) || (predicateFile is not null && file is null))
    {
        Console.Error.WriteLine($"national: give either --out or --duckdb (--predicates goes with --out FILE.csv). {usage}");
        return 2;
    }
    var generator = new NationalGenerator(units, from, to, nationalSeed);
    if (duckdb is not null)
    {
        if (File.Exists(duckdb))
        {
            Console.Error.WriteLine($"national: {Path.GetFullPath(duckdb)} already exists; the generator writes a new database (delete the file or name another).");
            return 2;
        }
        var result = NationalDatabase.Write(generator, duckdb, TimeProvider.System,
            rows => Console.Error.Write($"\r{rows:N0} of {generator.RowCount:N0} rows"));
        Console.Error.WriteLine();
        Console.WriteLine($"Wrote {result.Rows:N0} answers of {result.Submissions:N0} unit-years ({units:N0} units × {to - from + 1} years) and {result.Predicates:N0} predicates " +
            $"to {result.Path} ({new FileInfo(result.Path).Length / (1024.0 * 1024.0):N0} MiB) in {result.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }
    if (file!.EndsWith('/') || Directory.Exists(file))
    {
        // A folder: one official-layout workbook per unit for the first year.
        var count = generator.WriteWorkbooks(file);
        Console.WriteLine($"Wrote {count:N0} workbooks to {Path.GetFullPath(file)}.");
        return 0;
    }
    using (var writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 20))
    using (var predicates = predicateFile is null ? null : new StreamWriter(predicateFile, false, new System.Text.UTF8Encoding(false)))
    {
        var rows = generator.Write(writer, predicates);
        Console.WriteLine($"Wrote {rows:N0} rows ({units:N0} units × {to - from + 1} years) to {Path.GetFullPath(file)}" +
            (predicateFile is null ? "." : $" and the predicate history to {Path.GetFullPath(predicateFile)}."));
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
