using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Store;
using Integritas.Store.Ingest;
using Integritas.Store.Queries;

namespace Integritas.SampleData;

/// <summary>What <see cref="NationalDatabase.Write"/> stored.</summary>
public sealed record NationalDatabaseResult(string Path, long Rows, int Submissions, int Predicates, TimeSpan Elapsed);

/// <summary>
/// Writes the national generator's unit-years straight into a new zi database — created by
/// <see cref="ZiDatabase"/>, so schema and migrations are the product's — with what ingesting the generator's
/// CSV and predicate file would store: one current version per unit-year (reviewer 'unit', rule of the year,
/// ingest's content hash), answers with the normalised text, value and CSV line ingest gives them, and the
/// awarded predicates. One <c>source_file</c> row stands for the run. All in one transaction.
/// </summary>
/// <remarks>
/// Appending 13 columns per answer costs about 2.5 µs a row through the appender, mostly per-value overhead,
/// so answers are appended narrow instead — submission, question number, answer number — into a small
/// staging table, and every <see cref="BatchRows"/> rows one <c>INSERT … SELECT</c> joins them to the
/// questions and the distinct answers (a few hundred) and lands them in <c>answer</c>. Memory stays flat at any size.
/// </remarks>
public static class NationalDatabase
{
    /// <summary>The format named in the run's <c>source_file</c> row.</summary>
    public const string Format = "national-generator";

    /// <summary>Answers staged before they are moved into the answer table.</summary>
    public const int BatchRows = 1 << 20;

    private const long FileId = 1;

    public static NationalDatabaseResult Write(NationalGenerator generator, string path, TimeProvider clock, Action<long>? progress = null)
    {
        var database = new ZiDatabase(path, clock);
        if (database.Exists)
        {
            throw new IOException($"{database.Path} already exists; the generator writes a new database (delete the file or name another).");
        }
        var timer = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var items = NationalGenerator.Items;
        var area = items.Select(x => x.Indicator.Area).ToArray();
        var part = items.Select(x => x.Indicator.Part.ToCode()).ToArray();
        var indicator = items.Select(x => x.Indicator.Code).ToArray();
        var weightText = items.Select(x => LkeNumber.Canonical(x.Indicator.Weight)).ToArray();
        var question = items.Select(x => x.Question.Code).ToArray();
        var kind = items.Select(x => x.Question.Kind.ToString()).ToArray();
        var reviewer = Reviewer.Unit.ToCode();

        using var connection = database.OpenWrite();
        // Answers land in the order ingest would store them (the connection opens with it off).
        Execute(connection, "SET preserve_insertion_order = true");
        using var tx = connection.BeginTransaction();
        Execute(connection, "CREATE TEMP TABLE national_item (item SMALLINT, area VARCHAR, part VARCHAR, indicator VARCHAR, weight DECIMAL(18, 6), question VARCHAR, kind VARCHAR)");
        Execute(connection, "CREATE TEMP TABLE national_answer (answer_id INTEGER, answer VARCHAR, value DECIMAL(38, 20))");
        using (var appender = connection.CreateAppender("temp", "main", "national_item"))
        {
            for (var i = 0; i < items.Count; i++)
            {
                appender.CreateRow().AppendValue((short)i).AppendValue(area[i]).AppendValue(part[i]).AppendValue(indicator[i])
                    .AppendValue(items[i].Indicator.Weight).AppendValue(question[i]).AppendValue(kind[i]).EndRow();
            }
        }

        long rows = 0;
        var submissions = 0;
        var answersStored = 0;
        var awards = new List<NationalAward>();
        // Moves the staged answers into the answer table, adding the distinct answers first seen since the last batch.
        void Land(IReadOnlyList<NationalAnswer> seen)
        {
            using (var appender = connection.CreateAppender("temp", "main", "national_answer"))
            {
                for (; answersStored < seen.Count; answersStored++)
                {
                    var answer = seen[answersStored];
                    appender.CreateRow().AppendValue(answer.Id).AppendValue(answer.Parsed.Normalized).AppendValue(answer.Parsed.Value).EndRow();
                }
            }
            // The line each row has in the generator's CSV (the header is line 1), as ingest records it.
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO answer
                SELECT s.submission_id, i.area, i.part, i.indicator, i.weight, i.question, i.kind, a.answer, a.value,
                       2 + (s.submission_id - 1) * {items.Count} + s.item, NULL, NULL, NULL
                FROM national_stage s JOIN national_item i USING (item) JOIN national_answer a USING (answer_id)
                """));
            Execute(connection, "DROP TABLE national_stage");
        }

        using (var heads = connection.CreateAppender("submission"))
        {
            var staged = 0;
            DuckDBAppender? stage = null;
            NationalLke? last = null;
            foreach (var lke in generator.Lkes(awards))
            {
                if (stage is null)
                {
                    Execute(connection, "CREATE TEMP TABLE national_stage (submission_id BIGINT, item SMALLINT, answer_id INTEGER)");
                    stage = connection.CreateAppender("temp", "main", "national_stage");
                }
                long id = ++submissions;
                var fingerprint = new ContentFingerprint();
                var blank = 0;
                for (var i = 0; i < items.Count; i++)
                {
                    var answer = lke.Answers[i];
                    stage.CreateRow().AppendValue(id).AppendValue((short)i).AppendValue(answer.Id).EndRow();
                    fingerprint.Add(area[i], part[i], indicator[i], weightText[i], question[i], kind[i], answer.Parsed.Normalized, "");
                    blank += answer.Parsed.Value is null ? 1 : 0;
                }
                rows += items.Count;
                staged += items.Count;
                // The appender writes a value with its C# type's width whatever the column's type, and an int
                // literal binds to AppendValue(byte?): the version is typed.
                heads.CreateRow()
                    .AppendValue(id).AppendValue(lke.UnitId).AppendValue(lke.Year).AppendValue(reviewer).AppendValue((int?)1).AppendValue(true)
                    .AppendValue(lke.UnitName).AppendValue(lke.Instansi).AppendValue(lke.Rule.Id)
                    .AppendValue(fingerprint.Hash(lke.UnitName, lke.Instansi, lke.Rule.Id)).AppendValue(FileId).AppendValue(now)
                    .AppendValue(items.Count).AppendValue(blank).AppendValue("items")
                    .EndRow();
                if (staged >= BatchRows)
                {
                    stage.Dispose();
                    stage = null;
                    Land(lke.Seen);
                    staged = 0;
                    progress?.Invoke(rows);
                }
                last = lke;
            }
            if (stage is not null)
            {
                stage.Dispose();
                Land(last!.Seen);
            }
        }
        Execute(connection, "DROP TABLE national_item");
        Execute(connection, "DROP TABLE national_answer");
        // Each submission's score card, as ingest stores it with the file's submissions.
        ScoreCards.Store(connection, RuleCatalog.Default, 1);

        using (var predicates = connection.CreateAppender("predicate"))
        {
            // Lines of the predicate file the CSV path writes beside the LKE file.
            var line = 2;
            foreach (var award in awards)
            {
                predicates.CreateRow().AppendValue(award.UnitId).AppendValue(award.Year).AppendValue(award.Predicate).AppendValue(FileId).AppendValue(line++).EndRow();
            }
        }
        var command = Describe(generator);
        using (var files = connection.CreateAppender("source_file"))
        {
            files.CreateRow()
                .AppendValue(FileId).AppendValue(command).AppendValue(Path.GetFileName(database.Path))
                .AppendValue(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(command)))).AppendValue(Format)
                .AppendValue(0L).AppendValue(rows).AppendValue(now)
                .EndRow();
        }
        tx.Commit();
        progress?.Invoke(rows);
        return new NationalDatabaseResult(database.Path, rows, submissions, awards.Count, timer.Elapsed);
    }

    /// <summary>The generator command a database was written by (the run's <c>source_file.path</c>).</summary>
    public static string Describe(NationalGenerator generator) => string.Create(CultureInfo.InvariantCulture,
        $"generator national --units {generator.Units} --years {generator.FromYear}-{generator.ToYear} --seed {generator.Seed}");

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
