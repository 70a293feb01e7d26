using System.Text.Json;
using Integritas.Domain.Catalog;
using Integritas.Domain.Lke;
using Integritas.Store.Ingest;
using Integritas.Store.Queries;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

public sealed class PortalAndSafetyTests : IDisposable
{
    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    private void LoadBank()
    {
        Assert.SkipUnless(File.Exists(Shared.QuestionBank2026), $"the PortalRB question bank is not at {Shared.QuestionBank2026}");
        var outcome = Assert.Single(_store.IngestFiles(Shared.QuestionBank2026));
        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
    }

    /// <summary>PortalRB's answers for one unit: every scored question at its best, every count 10 (numerators the sum of their denominators).</summary>
    private static string Answers(string unit = "U-26", Func<int, string?>? tpi = null, Dictionary<int, string>? overrides = null)
    {
        var answers = new List<object>();
        var document = JsonDocument.Parse(File.ReadAllText(Shared.QuestionBank2026));
        var inputs = LkeCatalog.Lke90.Questions.Where(q => q.Kind == AnswerKind.PERSEN).SelectMany(q => q.Inputs.Select(i => (i, q))).ToDictionary(x => x.i.PortalId);
        void Walk(JsonElement node)
        {
            if (node.TryGetProperty("soals", out var soals))
            {
                foreach (var soal in soals.EnumerateArray())
                {
                    var id = soal.GetProperty("id").GetInt32();
                    var kind = soal.GetProperty("jenis_jawaban").GetString()!.ToUpperInvariant();
                    var answer = overrides is not null && overrides.TryGetValue(id, out var o) ? o : kind switch
                    {
                        "YA_TIDAK" => "Ya",
                        "0-4" => "3.9",
                        "JUMLAH" => inputs[id].q.Formula == "decrease"
                            ? (inputs[id].i.Role == "previous" ? "4" : "0")
                            : inputs[id].i.Role switch { "denominator" => "10", "numerator" => (10 * inputs[id].q.Inputs.Count(x => x.Role == "denominator")).ToString(System.Globalization.CultureInfo.InvariantCulture), _ => "0" },
                        _ => "A",
                    };
                    answers.Add(new { soal_id = id, jawaban_unit = answer, jawaban_tpi = tpi?.Invoke(id), catatan_unit = "", catatan_tpi = "" });
                }
            }
            foreach (var name in new[] { "data", "children" })
            {
                if (node.TryGetProperty(name, out var children))
                {
                    foreach (var child in children.EnumerateArray())
                    {
                        Walk(child);
                    }
                }
            }
        }
        Walk(document.RootElement);
        return JsonSerializer.Serialize(new { unit_id = unit, nama_unit = "Balai Dua Enam", tahun = 2026, answers });
    }

    [Fact]
    public void Ingest_QuestionBank_IsLoadedAsTheYearsCatalogue()
    {
        LoadBank();

        using var connection = _store.Database.OpenRead();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), count(input_of), count(DISTINCT question) FROM question_bank WHERE year = 2026";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal((127L, 22L, 113L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }

    [Fact]
    public void Ingest_AnswersByQuestionId_AreScoredThroughTheBank()
    {
        LoadBank();

        var outcome = _store.Ingest("jawaban-U-26.json", Answers(overrides: new Dictionary<int, string> { [125] = "3.6", [2] = "B" }));

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        var score = Assert.Single(_store.Scores(2026));
        Assert.Equal(15.75m, score.Card.Part("IPAK"));
        // Soal 2 is MP-P1-b (ABC): B = 0.5, so MP-P1 (0.5) = 0.375.
        Assert.Equal(3.875m, score.Card.Area("MP")!.Pemenuhan);
        Assert.Equal(113, score.Card.Questions);
    }

    [Fact]
    public void Ingest_AnswersWithTpiAnswers_StoresTheItjenLayer()
    {
        LoadBank();

        _store.Ingest("jawaban.json", Answers(tpi: id => id == 1 ? "Tidak" : null));

        using var connection = _store.Database.OpenRead();
        var layers = new ScoreQueries(Domain.Rules.RuleCatalog.Default).Load(connection, new ScoreFilter(2026, Layer: Reviewer.TpiItjen));
        var tpi = Assert.Single(layers);
        // The TPI answered one question (MP-P1-a: Tidak); the rest of its layer is blank.
        Assert.Equal((113, 112), (tpi.Card.Questions, tpi.Card.BlankQuestions));
    }

    [Fact]
    public void Ingest_AnswersWithoutTheirBank_AreRefusedSayingWhatToLoad()
    {
        var outcome = _store.Ingest("jawaban.json", """{"unit_id":"U-1","tahun":2026,"answers":[{"soal_id":1,"jawaban_unit":"Ya"}]}""");

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains("ingest master-soal-lkezi-2026.json first", outcome.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_AnswerToAnUnknownQuestion_IsRefused()
    {
        LoadBank();

        var outcome = _store.Ingest("jawaban.json", """{"unit_id":"U-1","tahun":2026,"answers":[{"soal_id":9999,"jawaban_unit":"Ya"}]}""");

        Assert.Contains(outcome.Errors, e => e.Message.Contains("soal_id 9999 is not in the 2026 question bank", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lke.xlsm", "macro-enabled")]
    [InlineData("lke.xls", "save the file as .xlsx")]
    public void Ingest_RefusedWorkbookTypes_SayWhy(string name, string reason)
    {
        var outcome = _store.IngestBytes(name, Workbooks.LkeZi());

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains(reason, outcome.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L, 0L), _store.Counts());
    }

    [Fact]
    public void Ingest_PasswordProtectedWorkbook_IsRefused()
    {
        var ole = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole, 0);

        var outcome = _store.IngestBytes("2025_U-01_lke.xlsx", ole);

        Assert.Contains("encrypted (password-protected)", outcome.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_DocumentRenamedAsWorkbook_IsRefused()
    {
        var docx = File.ReadAllBytes(Repository.PathOf("templates", "briefing.docx"));

        var outcome = _store.IngestBytes("2025_U-01_lke.xlsx", docx);

        Assert.Contains("an Office document of another kind", outcome.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_NotJson_NamesTheLine()
    {
        var outcome = _store.Ingest("jawaban.json", "{\n  \"unit_id\": \"U-1\",\n  oops\n}");

        Assert.Equal((FileStatus.Rejected, 3), (outcome.Status, outcome.Errors[0].Line!.Value));
    }

    [Fact]
    public void Ingest_CsvOverTheSizeLimit_IsRefusedBeforeReading()
    {
        var service = new IngestService(Domain.Rules.RuleCatalog.Default, TimeProvider.System, new IngestOptions { MaxTextBytes = 1000 });
        var path = _store.Folder.Write("big.csv", Some.Lke());

        var outcome = Assert.Single(service.Ingest(_store.Database, [path]));

        Assert.Contains("text files over 0 MiB are refused", outcome.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_AFolderMixingEveryFormat_LandsEachFile()
    {
        LoadBank();
        var folder = Path.Combine(_store.Folder.Path, "inbox");
        _store.Folder.Write("inbox/lke.csv", Some.Lke("U-01", 2024));
        _store.Folder.Write("inbox/2024_U-02_lke.xlsx", Workbooks.LkeZi());
        _store.Folder.Write("inbox/2024_U-03_tpi.xlsx", Workbooks.Tpi(Workbooks.Layer(), Workbooks.Layer(Reviewer.TpiItjen)));
        _store.Folder.Write("inbox/jawaban-U-26.json", Answers());
        File.Copy(Shared.QuestionBank2026, Path.Combine(folder, "zz-master-soal.json"));
        _store.Folder.Write("inbox/rekap-2020.csv", "tahun,kode_unit,nama_unit,instansi,MP,TT,SDM,AK,PW,PP,ipak,capaian,ipkp\n2020,U-01,A,X,4,4,12,8,12,8,15,3,14\n");
        _store.Folder.Write("inbox/fakta.csv", "tahun,kode_unit,unit_layanan_utama\n2024,U-01,ya\n");
        _store.Folder.Write("inbox/predikat.csv", "kode_unit,tahun,predikat\nU-01,2022,WBK\n");

        var (files, _) = IngestService.Expand([folder]);
        var outcomes = _store.IngestFiles([.. files]);

        Assert.Equal("zz-master-soal.json", Path.GetFileName(files[0]));
        Assert.All(outcomes.Skip(1), o => Assert.True(o.Status == FileStatus.Accepted, $"{o.Path}: {string.Join("; ", o.Errors)}"));
        Assert.Equal(FileStatus.Unchanged, outcomes[0].Status);
        Assert.Equal(["fakta-unit", "lke-csv", "lke-workbook", "portalrb-jawaban", "predikat", "rekap", "tpi-workbook"],
            outcomes.Skip(1).Select(o => o.Format).Order(StringComparer.Ordinal));
    }
}
