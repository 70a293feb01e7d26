using Integritas.Store.Ingest;
using Integritas.Store.Queries;

namespace Integritas.Store.Tests;

public sealed class LheTeamIngestTests : IDisposable
{
    private const string Header = "kode_unit,surat_tugas,tanggal_mulai,tanggal_selesai,peran,nama,nip";

    private readonly StoreFixture _store = new();

    public void Dispose() => _store.Dispose();

    private LheTeam? Team(string unit, int year)
    {
        using var connection = _store.Database.OpenRead();
        return LheTeams.For(connection, year).GetValueOrDefault(unit);
    }

    [Fact]
    public void Ingest_Team_StoresTheAssignmentAndMembersInFileOrder_UnderTheYearOfItsStart()
    {
        var outcome = _store.Ingest("lhe-tim.csv", Header + "\n"
            + "U-01,ST-12/IJ/2025,2025-03-10,2025-03-14,ketua,\"Rina Puspitasari, S.H.\",198003122005012002\n"
            + "U-01,ST-12/IJ/2025,2025-03-10,2025-03-14,anggota,Agus Salim,199001152015031001\n");

        Assert.True(outcome.Status == FileStatus.Accepted, string.Join("\n", outcome.Errors));
        var team = Team("U-01", 2025);
        Assert.NotNull(team);
        Assert.Equal("ST-12/IJ/2025", team.SuratTugas);
        Assert.Equal(new DateOnly(2025, 3, 10), team.Start);
        Assert.Equal(new DateOnly(2025, 3, 14), team.End);
        Assert.Equal([("ketua", "Rina Puspitasari, S.H."), ("anggota", "Agus Salim")], team.Members.Select(m => (m.Role, m.Name)));

        Assert.Equal(FileStatus.Unchanged, _store.Ingest("lhe-tim-lagi.csv", Header + "\n"
            + "U-01,ST-12/IJ/2025,2025-03-10,2025-03-14,ketua,\"Rina Puspitasari, S.H.\",198003122005012002\n"
            + "U-01,ST-12/IJ/2025,2025-03-10,2025-03-14,anggota,Agus Salim,199001152015031001\n").Status);
    }

    [Fact]
    public void Ingest_BadRows_AreRejectedWithLineColumnAndValue_AndChangeNothing()
    {
        var outcome = _store.Ingest("lhe-tim.csv", Header + "\n"
            + "U-01,ST-1,2025-03-10,2025-03-14,ketua,A,19800312200501200\n"     // 17 digits
            + "U-01,ST-1,2025-03-10,2025-03-14,anggota,B,198013122005012002\n"  // month 13 of birth
            + "U-01,ST-1,2025-03-10,2025-03-14,anggota,C,198003121995012002\n"  // appointed at 14
            + "U-01,ST-1,2025-03-10,2025-03-14,anggota,D,198003122005013002\n"  // sex 3
            + "U-01,ST-1,2025-03-10,2025-03-14,juru_tulis,E,198003122005012003\n"
            + "U-01,ST-1,10/03/2025,2025-03-14,anggota,F,198003122005012004\n"
            + "U-01,ST-2,2025-03-10,2025-03-14,anggota,G,198003122005012005\n"
            + "U-01,ST-1,2025-03-10,2025-03-14,anggota,H,198003122005012006\n");

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        var errors = outcome.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains(":2:", StringComparison.Ordinal) && e.Contains("'nip'", StringComparison.Ordinal) && e.Contains("18 digits", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":3:", StringComparison.Ordinal) && e.Contains("birth date", StringComparison.Ordinal) && e.Contains("198013122005012002", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":4:", StringComparison.Ordinal) && e.Contains("18th birthday", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":5:", StringComparison.Ordinal) && e.Contains("sex", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":6:", StringComparison.Ordinal) && e.Contains("'peran'", StringComparison.Ordinal) && e.Contains("juru_tulis", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":7:", StringComparison.Ordinal) && e.Contains("'tanggal_mulai'", StringComparison.Ordinal) && e.Contains("yyyy-MM-dd", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(":9:", StringComparison.Ordinal) && e.Contains("one surat tugas per unit and year", StringComparison.Ordinal));
        Assert.Equal(0, _store.Counts().Files);
    }

    [Theory]
    [InlineData("198003122005012002", null)]
    [InlineData("19800312200501200", "18 digits")]
    [InlineData("19800312200501200x", "18 digits")]
    [InlineData("198002302005012002", "birth date")]
    [InlineData("198003122005132002", "month of appointment")]
    [InlineData("198003121997012002", "18th birthday")]
    [InlineData("198003122005010002", "sex")]
    [InlineData("198003122005012000", "sequence")]
    public void NipCheck_ChecksWhatANipEncodes(string nip, string? problem)
    {
        var found = NipCheck.Problem(nip);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.NotNull(found);
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }
}
