using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Domain.Rules;
using Integritas.Ingest;
using Integritas.Ingest.Canonical;
using Integritas.Spreadsheets;

namespace Integritas.Store.Ingest;

/// <summary>
/// PortalRB's JSON: the question bank of an evaluation year (<c>master-soal-lkezi-{year}.json</c>: the tree
/// komponen → sub_komponen → area_perubahan → sub_area → soals), loaded as that year's catalogue; and a
/// unit's answers by question id (<c>{unit_id, nama_unit, tahun, answers: [{soal_id, jawaban_unit,
/// jawaban_tpi, catatan_unit, catatan_tpi}]}</c>), scored through the bank. The TPI answers are the Itjen
/// TPI's layer (<c>tpi_itjen</c>).
/// </summary>
public sealed class PortalLoader(RuleCatalog rules, TimeProvider clock)
{
    /// <summary>A question bank is read before answers in the same run; it is told by its top-level keys.</summary>
    public static bool IsQuestionBank(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !File.Exists(path))
        {
            return false;
        }
        Span<byte> head = stackalloc byte[4096];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.UTF8.GetString(head[..read]);
        return text.Contains("\"total_soal\"", StringComparison.Ordinal) || text.Contains("\"soals\"", StringComparison.Ordinal);
    }

    public FileOutcome Load(DuckDBConnection connection, SourceFile file)
    {
        var timer = Stopwatch.StartNew();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(file.Path), new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return FileOutcome.Refused(file.Path, InputFormats.Unknown,
                new IngestError(file.Name, $"not valid JSON: {ex.Message}", ex.LineNumber is { } l ? (int)l + 1 : null), timer.Elapsed);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out _) && (root.TryGetProperty("total_soal", out _) || root.TryGetProperty("tahun", out _)) && !root.TryGetProperty("answers", out _))
            {
                return LoadBank(connection, file, root, timer);
            }
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("answers", out _))
            {
                return LoadAnswers(connection, file, root, timer);
            }
            return FileOutcome.Refused(file.Path, InputFormats.Unknown,
                new IngestError(file.Name, "a JSON file that is neither a PortalRB question bank (tahun, total_soal, data) nor a unit's answers (unit_id, tahun, answers)"), timer.Elapsed);
        }
    }

    /// <summary>One bank entry: a scored question or a count input of a percentage item.</summary>
    private sealed record BankEntry(int SoalId, string Area, LkePart Part, string Indicator, decimal Weight, string Question, AnswerKind Kind, string Text, string? InputOf, int? InputIndex);

    private FileOutcome LoadBank(DuckDBConnection connection, SourceFile file, JsonElement root, Stopwatch timer)
    {
        var errors = new ErrorList();
        if (!root.TryGetProperty("tahun", out var yearElement) || !yearElement.TryGetInt32(out var year))
        {
            errors.Add(new IngestError(file.Name, "the question bank has no numeric 'tahun'"));
            return FileOutcome.Rejected(file.Path, InputFormats.QuestionBank, 0, errors, timer.Elapsed);
        }
        var rule = rules.ForYear(year);
        if (rule is null || !rule.ItemLevel)
        {
            errors.Add(new IngestError(file.Name, $"no item-level rule applies to {year}"));
            return FileOutcome.Rejected(file.Path, InputFormats.QuestionBank, 0, errors, timer.Elapsed);
        }
        var entries = BankEntries(file.Name, root, rule, errors);
        if (root.TryGetProperty("total_soal", out var total) && total.TryGetInt32(out var expected) && expected != entries.Count && !errors.Any)
        {
            errors.Add(new IngestError(file.Name, $"the bank says it has {expected} questions but {entries.Count} were found"));
        }
        if (errors.Any)
        {
            return FileOutcome.Rejected(file.Path, InputFormats.QuestionBank, entries.Count, errors, timer.Elapsed);
        }
        using var tx = connection.BeginTransaction();
        var stored = connection.Query("SELECT soal_id, question, kind, indicator_weight, coalesce(input_of, ''), coalesce(input_index, -1) FROM question_bank WHERE year = $y ORDER BY soal_id", ("y", year))
            .Select(r => $"{r.GetInt32(0)}|{r.GetString(1)}|{r.GetString(2)}|{LkeNumber.Canonical(r.GetDecimal(3))}|{r.GetString(4)}|{r.GetInt32(5)}").ToList();
        var incoming = entries.OrderBy(e => e.SoalId).Select(e => $"{e.SoalId}|{e.Question}|{e.Kind}|{LkeNumber.Canonical(e.Weight)}|{e.InputOf ?? ""}|{e.InputIndex ?? -1}").ToList();
        if (stored.SequenceEqual(incoming))
        {
            tx.Rollback();
            return new FileOutcome(file.Path, InputFormats.QuestionBank, FileStatus.Unchanged, entries.Count, [], 0, [], timer.Elapsed);
        }
        var fileId = SourceFiles.Add(connection, file, InputFormats.QuestionBank, entries.Count, clock);
        connection.Execute("DELETE FROM question_bank WHERE year = $y", ("y", year));
        using (var appender = connection.CreateAppender("question_bank"))
        {
            foreach (var e in entries)
            {
                appender.CreateRow().AppendValue(year).AppendValue(e.SoalId).AppendValue(e.Area).AppendValue(e.Part.ToCode()).AppendValue(e.Indicator)
                    .AppendValue(e.Weight).AppendValue(e.Question).AppendValue(e.Kind.ToString()).AppendValue(e.Text).AppendValue(e.InputOf).AppendValue(e.InputIndex)
                    .AppendValue(fileId).EndRow();
            }
        }
        tx.Commit();
        var scored = entries.Count(e => e.InputOf is null);
        return new FileOutcome(file.Path, InputFormats.QuestionBank, FileStatus.Accepted, entries.Count,
            [$"question bank {year}: {scored} scored questions, {entries.Count - scored} count inputs"], 0, [], timer.Elapsed);
    }

    /// <summary>
    /// Maps the bank's tree onto canonical codes: areas by name, indicators numbered in order within their area
    /// and part (sub-areas of an indicator lettered A, B), questions lettered in order. Count inputs ("Jumlah")
    /// feed the percentage item the catalogue knows their soal id for; the formula comes from the catalogue.
    /// </summary>
    private static List<BankEntry> BankEntries(string file, JsonElement root, RuleSet rule, ErrorList errors)
    {
        var entries = new List<BankEntry>();
        var catalog = LkeCatalog.Lke90;
        var inputs = catalog.Questions.Where(q => q.Kind == AnswerKind.PERSEN)
            .SelectMany(q => q.Inputs.Select((input, i) => (input.PortalId, Question: q, Index: i)))
            .ToDictionary(x => x.PortalId);
        foreach (var component in Children(root, "data"))
        {
            var isHasil = Name(component).Contains("HASIL", StringComparison.OrdinalIgnoreCase);
            foreach (var sub in Children(component, "children"))
            {
                var part = isHasil ? LkePart.Hasil : Name(sub).Contains("REFORM", StringComparison.OrdinalIgnoreCase) ? LkePart.Reform : LkePart.Pemenuhan;
                if (isHasil)
                {
                    foreach (var soal in Children(sub, "soals"))
                    {
                        var text = Text(soal);
                        var code = text.Contains("Korupsi", StringComparison.OrdinalIgnoreCase) ? "IPAK" : text.Contains("Capaian", StringComparison.OrdinalIgnoreCase) ? "CAPAIAN" : "IPKP";
                        var hasilPart = rule.FindHasilPart(code)!;
                        entries.Add(new BankEntry(Id(soal), LkeCodes.HasilArea, LkePart.Hasil, code, Weight(soal) is > 0 and var w ? w : hasilPart.Weight, code,
                            Kind(soal) ?? hasilPart.Kind ?? AnswerKind.INDEKS, text, null, null));
                    }
                    continue;
                }
                foreach (var areaNode in Children(sub, "children"))
                {
                    var areaName = Name(areaNode).ToUpperInvariant();
                    var area = rule.Areas.FirstOrDefault(a => areaName.Contains(a.ShortName.ToUpperInvariant(), StringComparison.Ordinal) || areaName.Contains(a.Name.ToUpperInvariant(), StringComparison.Ordinal));
                    if (area is null)
                    {
                        errors.Add(new IngestError(file, $"area '{Excerpt.Of(Name(areaNode))}' (id {Id(areaNode)}) matches no area of rule {rule.Id}"));
                        continue;
                    }
                    var ordinal = 0;
                    foreach (var indicatorNode in Children(areaNode, "children"))
                    {
                        ordinal++;
                        var indicatorCode = $"{area.Code}-{(part == LkePart.Pemenuhan ? "P" : "R")}{ordinal}";
                        var leaves = Children(indicatorNode, "children").ToList();
                        var nodes = leaves.Count > 0 ? leaves.Select((leaf, i) => (leaf, $"{indicatorCode}{(char)('A' + i)}")) : [(indicatorNode, indicatorCode)];
                        foreach (var (node, code) in nodes)
                        {
                            var weight = Weight(node) ?? 0;
                            var letter = 0;
                            foreach (var soal in Children(node, "soals"))
                            {
                                var id = Id(soal);
                                var kindText = soal.TryGetProperty("jenis_jawaban", out var k) ? k.GetString() ?? "" : "";
                                if (kindText.Equals("Jumlah", StringComparison.OrdinalIgnoreCase))
                                {
                                    if (!inputs.TryGetValue(id, out var feeds))
                                    {
                                        errors.Add(new IngestError(file, $"soal {id} ('{Excerpt.Of(Text(soal))}') is a count input this version does not know the percentage formula of"));
                                        continue;
                                    }
                                    entries.Add(new BankEntry(id, area.Code, part, code, weight, feeds.Question.Code, AnswerKind.PERSEN, Text(soal), feeds.Question.Code, feeds.Index));
                                    continue;
                                }
                                var kind = Kind(soal);
                                if (kind is null)
                                {
                                    errors.Add(new IngestError(file, $"soal {id} has an unknown jenis_jawaban '{Excerpt.Of(kindText)}'"));
                                    continue;
                                }
                                // Percentage items sit where the catalogue puts them among the lettered questions.
                                var questionCode = $"{code}-{(char)('a' + letter)}";
                                while (catalog.FindQuestion(questionCode)?.Question is { Kind: AnswerKind.PERSEN })
                                {
                                    letter++;
                                    questionCode = $"{code}-{(char)('a' + letter)}";
                                }
                                letter++;
                                entries.Add(new BankEntry(id, area.Code, part, code, weight, questionCode, kind.Value, Text(soal), null, null));
                            }
                        }
                    }
                }
            }
        }
        return entries;
    }

    private static IEnumerable<JsonElement> Children(JsonElement node, string property) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string Name(JsonElement node) => node.TryGetProperty("nama", out var n) ? n.GetString() ?? "" : "";

    private static string Text(JsonElement soal) => soal.TryGetProperty("teks_pertanyaan", out var t) ? (t.GetString() ?? "").Trim() : "";

    private static int Id(JsonElement node) => node.TryGetProperty("id", out var id) && id.TryGetInt32(out var v) ? v : -1;

    private static decimal? Weight(JsonElement node) => node.TryGetProperty("bobot_maksimal", out var w) && w.TryGetDecimal(out var v) ? v : null;

    private static AnswerKind? Kind(JsonElement soal) => (soal.TryGetProperty("jenis_jawaban", out var k) ? k.GetString() : null)?.ToUpperInvariant() switch
    {
        "YA_TIDAK" => AnswerKind.YT,
        "ABC" => AnswerKind.ABC,
        "ABCD" => AnswerKind.ABCD,
        "ABCDE" => AnswerKind.ABCDE,
        "0-4" => AnswerKind.INDEKS,
        _ => null,
    };

    private FileOutcome LoadAnswers(DuckDBConnection connection, SourceFile file, JsonElement root, Stopwatch timer)
    {
        var errors = new ErrorList();
        string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() ?? "",
            JsonValueKind.Number => v.GetRawText(),
            _ => "",
        } : "";
        var unitId = Str(root, "unit_id").Trim();
        var yearText = Str(root, "tahun");
        if (unitId.Length == 0 || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            errors.Add(new IngestError(file.Name, "the answers need 'unit_id' and a numeric 'tahun'"));
            return FileOutcome.Rejected(file.Path, InputFormats.PortalAnswers, 0, errors, timer.Elapsed);
        }
        var bank = connection.Query("SELECT soal_id, area, part, indicator, indicator_weight, question, kind, input_of, input_index FROM question_bank WHERE year = $y", ("y", year))
            .Select(r => new BankEntry(r.GetInt32(0), r.GetString(1), LkeCodes.TryParsePart(r.GetString(2), out var p) ? p : LkePart.Pemenuhan, r.GetString(3), r.GetDecimal(4),
                r.GetString(5), LkeCodes.TryParseKind(r.GetString(6), out var k) ? k : AnswerKind.ABC, "", r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetInt32(8)))
            .ToDictionary(e => e.SoalId);
        if (bank.Count == 0)
        {
            errors.Add(new IngestError(file.Name, $"no PortalRB question bank for {year} is loaded; ingest master-soal-lkezi-{year}.json first"));
            return FileOutcome.Rejected(file.Path, InputFormats.PortalAnswers, 0, errors, timer.Elapsed);
        }
        var known = connection.Query("SELECT unit_name, instansi FROM submission WHERE unit_id = $u ORDER BY year DESC, version DESC LIMIT 1", ("u", unitId))
            .Select(r => (Name: r.GetString(0), Instansi: r.GetString(1))).FirstOrDefault();
        var name = Str(root, "nama_unit") is { Length: > 0 } n ? n : known.Name ?? unitId;
        var instansi = known.Instansi ?? "";
        var rule = rules.ForYear(year)!;
        var given = new Dictionary<int, (int Index, JsonElement Answer)>();
        var index = 0;
        foreach (var answer in root.GetProperty("answers").EnumerateArray())
        {
            index++;
            var id = answer.TryGetProperty("soal_id", out var s) && s.TryGetInt32(out var v) ? v : -1;
            if (!bank.ContainsKey(id))
            {
                errors.Add(new IngestError(file.Name, $"answers[{index}]: soal_id {Excerpt.Of(Str(answer, "soal_id"))} is not in the {year} question bank", index, "soal_id", Str(answer, "soal_id")));
                continue;
            }
            if (!given.TryAdd(id, (index, answer)))
            {
                errors.Add(new IngestError(file.Name, $"answers[{index}]: soal_id {id} is answered twice (first at answers[{given[id].Index}])", index, "soal_id", id.ToString(CultureInfo.InvariantCulture)));
            }
        }
        var rows = new List<LkeRow>();
        foreach (var (layer, field, noteField) in new[] { (Reviewer.Unit, "jawaban_unit", "catatan_unit"), (Reviewer.TpiItjen, "jawaban_tpi", "catatan_tpi") })
        {
            if (!given.Values.Any(g => Str(g.Answer, field).Trim().Length > 0))
            {
                continue;
            }
            foreach (var question in bank.Values.GroupBy(e => e.Question).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = question.First();
                var counts = question.Where(e => e.InputOf is not null).OrderBy(e => e.InputIndex).ToList();
                string text;
                decimal? value;
                var line = question.Select(e => given.TryGetValue(e.SoalId, out var g) ? g.Index : int.MaxValue).Min();
                string? note = null;
                if (counts.Count > 0)
                {
                    var values = counts.Select(e => given.TryGetValue(e.SoalId, out var g) && LkeNumber.TryParse(Str(g.Answer, field), out var c) ? c : (decimal?)null).ToList();
                    var result = PercentItems.Compute(LkeCatalog.Lke90.FindQuestion(first.Question)!.Value.Question, values);
                    if (result.Error is not null)
                    {
                        errors.Add(new IngestError(file.Name, $"{first.Question} ({field}): {result.Error}", line == int.MaxValue ? null : line, field));
                        continue;
                    }
                    (text, value) = (result.Ratio is { } r ? LkeNumber.Canonical(r) : "", result.Ratio);
                }
                else
                {
                    var raw = given.TryGetValue(first.SoalId, out var g) ? Str(g.Answer, field) : "";
                    var parsed = AnswerParser.Parse(rule, first.Kind, raw);
                    if (parsed.Error is not null)
                    {
                        errors.Add(new IngestError(file.Name, $"answers[{line}] (soal_id {first.SoalId}, {first.Question}): {parsed.Error}", line, field, raw));
                        continue;
                    }
                    (text, value) = (parsed.Normalized, parsed.Value);
                    note = given.TryGetValue(first.SoalId, out var gn) && Str(gn.Answer, noteField) is { Length: > 0 } nt ? nt : null;
                }
                rows.Add(new LkeRow(line == int.MaxValue ? 0 : line, year, unitId, name, instansi, layer, rule.Id, first.Area, first.Part, first.Indicator,
                    first.Weight, first.Question, first.Kind, text, value, null, note, $"soal_id {first.SoalId}"));
            }
        }
        if (rows.Count == 0 && !errors.Any)
        {
            errors.Add(new IngestError(file.Name, "no answer is filled in (jawaban_unit and jawaban_tpi are all empty)"));
        }
        if (errors.Any)
        {
            return FileOutcome.Rejected(file.Path, InputFormats.PortalAnswers, rows.Count, errors, timer.Elapsed);
        }
        return new LkeLoader(rules, clock).Load(connection, file, InputFormats.PortalAnswers, new ListSource(rows));
    }

    private sealed class ListSource(IReadOnlyList<LkeRow> rows) : ILkeRowSource
    {
        public IReadOnlySet<string> Tainted { get; } = new HashSet<string>();

        public IEnumerable<LkeRow> Read(ErrorList errors) => rows;
    }
}
