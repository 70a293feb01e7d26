using Integritas.Analytics;
using Integritas.Reports.Candidates;

namespace Integritas.Reports.Tests;

/// <summary>How the candidate list words a question to improve: the change in answers, the gain, blanks as blanks.</summary>
public class CandidateListBuilderTests
{
    [Fact]
    public void Question_OneStepUp_ShowsTheChangeAndTheRoundedGain()
    {
        var question = CandidateListBuilder.Question(new QuestionGain("PW-R1-a", "PW-R1", "PW", "ABC", "C", "B", 0.62549m, false, "Teks soal"));

        Assert.Equal("C → B", question.Change);
        Assert.Equal(0.63m, question.Gain);
        Assert.False(question.Blank);
    }

    [Fact]
    public void Question_Blank_SaysSoAndClaimsNoGain()
    {
        var question = CandidateListBuilder.Question(new QuestionGain("TT-R3-c", "TT-R3", "TT", "YT", "", null, null, true, "Teks soal"));

        Assert.Equal("belum dijawab", question.Change);
        Assert.Null(question.Gain);
        Assert.Null(question.Answer);
        Assert.True(question.Blank);
    }
}
