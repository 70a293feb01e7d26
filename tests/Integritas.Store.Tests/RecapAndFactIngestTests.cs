using Integritas.TestSupport;
using Integritas.Domain.Readiness;
using Integritas.Domain.Scoring;
using Integritas.Store.Ingest;

namespace Integritas.Store.Tests;

public sealed class RecapAndFactIngestTests : IDisposable
{
    private const string RecapHeader = "tahun,kode_unit,nama_unit,instansi,aturan,MP,TT,SDM,AK,PW,PP,ipak,capaian,ipkp";

    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Ingest_Recap_StoresAreaScoresUnderItsRule()
    {
        var outcome = _store.Ingest("rekap.csv", RecapHeader + "\n2020,U-01,Balai A,Kementerian X,10/2019,4,4.5,12,8,12,8,15.75,3.75,14\n");

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        var score = Assert.Single(_store.Scores(2020));
        Assert.Equal(ScoreSource.Recap, score.Card.Source);
        Assert.Equal("10/2019", score.Card.Rule.Id);
        Assert.Equal(48.5m, score.Card.Pengungkit);
        Assert.Equal(33.5m, score.Card.Hasil);
        Assert.Equal(82m, score.Card.Total);
        Assert.Equal(80m, score.Card.Area("PW")!.Percent);
        Assert.Equal("WBK", score.Readiness.Verdict);
    }

    [Fact]
    public void Ingest_RecapWithIndexesAndNoRuleColumn_TakesTheYearsRuleAndConvertsTheIndexes()
    {
        _store.Ingest("rekap.csv", "tahun,kode_unit,nama_unit,instansi,MP,TT,SDM,AK,PW,PP,indeks_ipak,capaian,indeks_ipkp\n2021,U-01,Balai A,X,5,5,15,10,15,10,3.6,5,3.2\n");

        var card = Assert.Single(_store.Scores(2021)).Card;

        Assert.Equal("10/2019", card.Rule.Id);
        Assert.Equal(15.75m, card.Part("IPAK"));
        Assert.Equal(14m, card.Part("IPKP"));
    }

    [Fact]
    public void Ingest_RecapUnder90Of2021_KeepsThePemenuhanReformSplit()
    {
        var header = "tahun,kode_unit,nama_unit,instansi,MP_pemenuhan,MP_reform,TT_pemenuhan,TT_reform,SDM,AK,PW,PP,ipak,capaian,ipkp";
        _store.Ingest("rekap.csv", header + "\n2023,U-01,Balai A,X,3,2.5,3,3,8,8,12,8,16,3.75,15\n");

        var card = Assert.Single(_store.Scores(2023)).Card;

        Assert.Equal((3m, 2.5m, 5.5m), (card.Area("MP")!.Pemenuhan!.Value, card.Area("MP")!.Reform!.Value, card.Area("MP")!.Total));
        Assert.Null(card.Area("SDM")!.Pemenuhan);
        Assert.Equal(8m, card.Area("SDM")!.Total);
    }

    [Theory]
    [InlineData("2020,U-01,A,X,10/2019,6,4,12,8,12,8,15,3,14", "MP", "6", "area MP must be a number from 0 to 5 under rule 10/2019")]
    [InlineData("2020,U-01,A,X,99/2099,4,4,12,8,12,8,15,3,14", "aturan", "99/2099", "unknown rule version")]
    [InlineData("2020,U-01,A,X,10/2019,4,4,12,8,12,8,18,3,14", "ipak", "18", "must be a number from 0 to 17.5")]
    [InlineData("2020,U-01,A,X,10/2019,4,4,,8,12,8,15,3,14", "SDM", "", "area SDM has no score")]
    public void Ingest_RecapValueBeyondTheRule_IsRefusedAtItsCell(string row, string column, string value, string reason)
    {
        var outcome = _store.Ingest("rekap.csv", RecapHeader + "\n" + row + "\n");

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Line == 2 && string.Equals(e.Column, column, StringComparison.OrdinalIgnoreCase) && e.Value == value
                                             && e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Equal((0L, 0L, 0L, 0L), _store.Counts());
    }

    /// <summary>
    /// The sample recaps of 2016–2018 under 52/2014, with its facts: each checked on every criterion of 52/2014 Bab III
    /// §B.4 its columns allow; a criterion the columns cannot show is unknown and names the columns it needs, never met.
    /// </summary>
    [Fact]
    public void Ingest_SampleRecapsOf52Of2014_AreCheckedOnEveryCriterionTheirColumnsAllow()
    {
        var outcomes = _store.IngestFiles([.. new[] { "rekap/rekap-2016.csv", "rekap/rekap-2017.csv", "rekap/rekap-2018.xlsx", "fakta/fakta-instansi.csv", "fakta/fakta-unit.xlsx" }
            .Select(f => Repository.PathOf("data-samples", f))]);
        Assert.All(outcomes, o => Assert.True(o.Status == FileStatus.Accepted, string.Join("\n", o.Errors)));

        var ownCriteria = new[] { "total", "group.BERSIH", "hasil.PERSEPSI_KORUPSI", "hasil.TLHP" };
        foreach (var year in new[] { 2016, 2017, 2018 })
        {
            var scores = _store.Scores(year);
            Assert.NotEmpty(scores);
            Assert.All(scores, s => Assert.Equal("52/2014", s.Card.Rule.Id));
            foreach (var score in scores)
            {
                var wbk = score.Readiness.For("WBK").Where(c => ownCriteria.Contains(c.Criterion)).ToDictionary(c => c.Criterion);
                Assert.Equal(ownCriteria.Order(), wbk.Keys.Order());
                Assert.All(wbk.Values, c => Assert.True(c.Binding));
                Assert.Equal(CriterionStatus.Met == wbk["total"].Status, score.Card.Total >= 75m);
                if (year == 2016)
                {
                    // The hasil total only: the parts and their group cannot be checked, so no unit passes on the scores.
                    Assert.All(ownCriteria.Skip(1), id => Assert.Equal(CriterionStatus.Unknown, wbk[id].Status));
                    Assert.StartsWith("Tidak dapat diperiksa: rekap tanpa kolom 'persepsi_korupsi' atau 'indeks_persepsi_korupsi'", wbk["hasil.PERSEPSI_KORUPSI"].Note, StringComparison.Ordinal);
                    Assert.Contains("'tlhp' atau 'persen_tlhp'", wbk["group.BERSIH"].Note, StringComparison.Ordinal);
                    Assert.Equal("BELUM", score.Readiness.ScoreVerdict);
                }
                else
                {
                    Assert.All(wbk.Values, c => Assert.NotEqual(CriterionStatus.Unknown, c.Status));
                    Assert.Equal(score.Card.Part("TLHP") >= 3.5m, wbk["hasil.TLHP"].IsMet);
                    Assert.Equal(score.Card.Group("BERSIH") >= 18m, wbk["group.BERSIH"].IsMet);
                }
                // The prerequisites of 52/2014 Bab III §A, on the facts of the year; none listed twice.
                Assert.Contains(score.Readiness.For("WBK"), c => c.Criterion == "syarat.eselonUnit" && c.Binding && c.Status != CriterionStatus.Unknown);
                Assert.Equal(score.Readiness.Criteria.Count, score.Readiness.Criteria.Select(c => (c.Predicate, c.Criterion)).Distinct().Count());
            }
        }
        // 2018 gives TLHP as the LKE asks it, a percentage: 5 points at 100%.
        var tlhp2018 = _store.Scores(2018).Select(s => s.Card.Part("TLHP")!.Value).ToList();
        Assert.All(tlhp2018, p => Assert.InRange(p, 0m, 5m));
        Assert.Contains(_store.Scores(2017).Concat(_store.Scores(2018)), s => s.Readiness.ScoreVerdict == "WBK");
        // Kemenag's opinion was WDP in 2016: in 2017 its units lack "WTP selama minimal 2 tahun berturut-turut" for WBBM.
        var kemenag = _store.Scores(2017).First(s => s.Unit.UnitId.StartsWith("KEMENAG-", StringComparison.Ordinal));
        var opinion = kemenag.Readiness.For("WBBM").Single(c => c.Criterion == "syarat.opiniBpk");
        Assert.Equal((CriterionStatus.Unmet, "WTP (2017), WDP (2016)"), (opinion.Status, opinion.ActualText));
    }

    [Fact]
    public void Ingest_RecapWithTheTlhpPercentage_ConvertsItAsTheLkeAsksIt()
    {
        _store.Ingest("rekap.csv", "tahun,kode_unit,nama_unit,instansi,MP,TT,SDM,AK,PW,PP,indeks_persepsi_korupsi,persen_tlhp,indeks_persepsi_pelayanan\n2017,U-01,Balai A,X,4,4,12,8,12,8,3.6,70,3.2\n");

        var score = Assert.Single(_store.Scores(2017));

        Assert.Equal((13.5m, 3.5m, 16m), (score.Card.Part("PERSEPSI_KORUPSI")!.Value, score.Card.Part("TLHP")!.Value, score.Card.Part("PERSEPSI_PELAYANAN")!.Value));
        Assert.Equal(17m, score.Card.Group("BERSIH"));
        Assert.Equal(CriterionStatus.Unmet, score.Readiness.For("WBK").Single(c => c.Criterion == "group.BERSIH").Status);
    }

    [Fact]
    public void Ingest_RecapTotalThatDoesNotAddUp_IsAFinding()
    {
        var outcome = _store.Ingest("rekap.csv", RecapHeader + ",total\n2020,U-01,A,X,10/2019,4,4.5,12,8,12,8,15.75,3.75,14,83\n");

        var finding = Assert.Single(outcome.Findings);
        Assert.Equal((83m, 82m, "total, line 2"), (finding.Cached!.Value, finding.Recomputed!.Value, finding.Cell));
    }

    [Fact]
    public void Ingest_RecapTwiceAndCorrected_KeepsVersions()
    {
        var first = RecapHeader + "\n2020,U-01,A,X,10/2019,4,4.5,12,8,12,8,15.75,3.75,14\n";
        _store.Ingest("rekap.csv", first);

        Assert.Equal(FileStatus.Unchanged, _store.Ingest("rekap-copy.csv", first).Status);
        var corrected = _store.Ingest("rekap-fixed.csv", first.Replace(",12,8,15.75", ",13,8,15.75", StringComparison.Ordinal));

        Assert.Equal(["U-01 2020 [10/2019] v2"], corrected.Landed);
        Assert.Equal(83m, Assert.Single(_store.Scores(2020)).Card.Total);
    }

    [Fact]
    public void Ingest_RecapAsAWorkbookSheet_IsReadLikeTheCsv()
    {
        var writer = new Spreadsheets.XlsxWriter();
        var sheet = writer.AddSheet("Rekap");
        var columns = RecapHeader.Split(',');
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Set(1, c + 1, columns[c]);
        }
        var values = "2020,U-01,Balai A,Kementerian X,10/2019,4,4.5,12,8,12,8,15.75,3.75,14".Split(',');
        for (var c = 0; c < values.Length; c++)
        {
            sheet.Set(2, c + 1, decimal.TryParse(values[c], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) && c != 4 ? n : values[c]);
        }

        var outcome = _store.IngestBytes("rekap.xlsx", writer.Save());

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(82m, Assert.Single(_store.Scores(2020)).Card.Total);
    }

    [Fact]
    public void Ingest_Facts_AreStoredPerSubjectYearAndName()
    {
        var instansi = _store.Ingest("fakta-instansi.csv", "tahun,instansi,opini_bpk,predikat_sakip,level_spip\n2025,Kementerian X,wtp,BB,3.5\n");
        var units = _store.Ingest("fakta-unit.csv", "tahun,kode_unit,unit_layanan_utama,tlhp_persen,sakip_internal\n2025,U-01,Ya,97.5%,\n");

        Assert.Equal([FileStatus.Accepted, FileStatus.Accepted], new[] { instansi.Status, units.Status });
        using var connection = _store.Database.OpenRead();
        var facts = connection.CreateCommand();
        facts.CommandText = "SELECT scope || ':' || subject || ':' || name || '=' || value FROM fact ORDER BY 1";
        using var reader = facts.ExecuteReader();
        var stored = new List<string>();
        while (reader.Read())
        {
            stored.Add(reader.GetString(0));
        }
        Assert.Equal(["instansi:Kementerian X:level_spip=3.5", "instansi:Kementerian X:opini_bpk=WTP", "instansi:Kementerian X:predikat_sakip=BB",
            "unit:U-01:tlhp_persen=97.5", "unit:U-01:unit_layanan_utama=ya"], stored);
    }

    [Theory]
    [InlineData("tahun,kode_unit,tlhp_persen\n2025,U-01,120\n", 2, "tlhp_persen", "percentage from 0 to 100")]
    [InlineData("tahun,kode_unit,sakip_internal\n2025,U-01,AAA\n", 2, "sakip_internal", "expected one of D, C, CC, B, BB, A, AA")]
    [InlineData("tahun,kode_unit,unit_layanan_utama,tlhp\n2025,U-01,ya,100\n", 1, "tlhp", "'tlhp' is not a unit fact")]
    [InlineData("tahun,instansi,opini_bpk\n2025,X,baik\n", 2, "opini_bpk", "expected one of TMP, TW, WDP, WTP")]
    public void Ingest_BadFact_IsRefusedNamingTheFact(string content, int line, string column, string reason)
    {
        var outcome = _store.Ingest("fakta.csv", content);

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Line == line && e.Column == column && e.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_FactsChanged_ReplacesOnlyWhatDiffers()
    {
        _store.Ingest("a.csv", "tahun,kode_unit,unit_layanan_utama,tlhp_persen\n2025,U-01,ya,90\n");

        var again = _store.Ingest("b.csv", "tahun,kode_unit,unit_layanan_utama,tlhp_persen\n2025,U-01,ya,90\n");
        var changed = _store.Ingest("c.csv", "tahun,kode_unit,unit_layanan_utama,tlhp_persen\n2025,U-01,ya,100\n");

        Assert.Equal(FileStatus.Unchanged, again.Status);
        Assert.Equal(["U-01 2025 (1 fact(s))"], changed.Landed);
    }

    private const string AllInstansiFacts = "tahun,instansi,jenis_instansi,opini_bpk,predikat_sakip,indeks_rb,level_spip\n2024,{0},K/L,WTP,BB,BB,3\n";
    private const string AllUnitFacts = "tahun,kode_unit,unit_layanan_utama,berdampak_persepsi,tlhp_persen,lhkpn_persen,lhkasn_persen,tahun_mulai_zi,sakip_internal\n" +
                                        "2024,U-01,ya,ya,{0},100,100,2023,B\n";

    [Fact]
    public void Readiness_FromTheFacts_EveryPrerequisiteMet_IsWbk()
    {
        _store.Ingest("lke.csv", Some.Lke());
        // The instansi as spelled in capitals in the fact file still matches the LKE's instansi.
        _store.Ingest("fakta-instansi.csv", string.Format(System.Globalization.CultureInfo.InvariantCulture, AllInstansiFacts, Some.Instansi.ToUpperInvariant()));
        _store.Ingest("fakta-unit.csv", string.Format(System.Globalization.CultureInfo.InvariantCulture, AllUnitFacts, "100"));

        var readiness = Assert.Single(_store.Scores(2024)).Readiness;

        Assert.Equal("WBK", readiness.Verdict);
        var prerequisites = readiness.For("WBK").Where(c => c.Kind == CriterionKind.Prerequisite).ToList();
        Assert.Equal(11, prerequisites.Count);
        Assert.All(prerequisites, c => Assert.Equal(CriterionStatus.Met, c.Status));
    }

    [Fact]
    public void Readiness_TlhpBelow100_HoldsTheUnitBackOnThatPrerequisiteAlone()
    {
        _store.Ingest("lke.csv", Some.Lke());
        _store.Ingest("fakta-instansi.csv", string.Format(System.Globalization.CultureInfo.InvariantCulture, AllInstansiFacts, Some.Instansi));
        _store.Ingest("fakta-unit.csv", string.Format(System.Globalization.CultureInfo.InvariantCulture, AllUnitFacts, "97.5"));

        var readiness = Assert.Single(_store.Scores(2024)).Readiness;

        Assert.Equal(("BELUM", "WBK"), (readiness.Verdict, readiness.ScoreVerdict));
        var shortfall = Assert.Single(readiness.Shortfalls);
        Assert.Equal(("syarat.tlhp", CriterionStatus.Unmet, 97.5m, 100m, "97,5%"), (shortfall.Criterion, shortfall.Status, shortfall.Actual, shortfall.Required, shortfall.ActualText));
    }

    [Theory]
    [InlineData("", CriterionStatus.Unknown, null)]
    [InlineData("2024", CriterionStatus.Unmet, "0 tahun (sejak 2024)")]
    [InlineData("2023", CriterionStatus.Met, "1 tahun (sejak 2023)")]
    public void Readiness_WbbmYears_CountFromTheIngestedStartTowardWbbm(string startTowardWbbm, CriterionStatus status, string? actual)
    {
        _store.Ingest("lke.csv", Some.Lke());
        _store.Ingest("fakta-instansi.csv", string.Format(System.Globalization.CultureInfo.InvariantCulture, AllInstansiFacts, Some.Instansi));
        // ZI itself began in 2018: that counts toward WBK only.
        var outcome = _store.Ingest("fakta-unit.csv", "tahun,kode_unit,tahun_mulai_zi,tahun_mulai_zi_wbbm\n2024,U-01,2018," + startTowardWbbm + "\n");

        Assert.Equal(FileStatus.Accepted, outcome.Status);
        var readiness = Assert.Single(_store.Scores(2024)).Readiness;
        var wbbm = readiness.For("WBBM").Single(c => c.Criterion == "syarat.lamaZiWbbm");
        Assert.Equal((status, actual, "≥ 1 tahun"), (wbbm.Status, wbbm.ActualText, wbbm.RequiredText));
        Assert.Equal("6 tahun (sejak 2018)", readiness.For("WBK").Single(c => c.Criterion == "syarat.lamaZi").ActualText);
    }

    [Fact]
    public void Readiness_WithoutFacts_PrerequisitesAreUnknownAndNeverPassed()
    {
        _store.Ingest("lke.csv", Some.Lke());

        var readiness = Assert.Single(_store.Scores(2024)).Readiness;

        Assert.Equal(("BELUM", "WBK"), (readiness.Verdict, readiness.ScoreVerdict));
        Assert.All(readiness.Shortfalls, c => Assert.Equal((CriterionKind.Prerequisite, CriterionStatus.Unknown), (c.Kind, c.Status)));
        Assert.Contains(readiness.Shortfalls, c => c.Criterion == "syarat.opiniBpk" && c.RequiredText == "≥ WTP");
    }
}
