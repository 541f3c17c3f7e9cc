using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Screen;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Reception;

public sealed class ReceptionStateTexts_Tests
{
    public static TheoryData<ReceptionState> States() => [.. Enum.GetValues<ReceptionState>()];

    [Theory]
    [MemberData(nameof(States))]
    public void The_screen_shows_and_the_voice_says_the_words_written_once_for_the_state(ReceptionState state)
    {
        var vi = ReceptionStateTexts.For(state);
        var en = ReceptionStateTexts.For(state, english: true);

        Assert.Equal(vi.Shown, KioskScreenTexts.Instruction(state, KioskScreenLanguages.Vietnamese));
        Assert.Equal(en.Shown, KioskScreenTexts.Instruction(state, KioskScreenLanguages.English));
        Assert.Equal(vi.Spoken, VoicePromptCatalog.Text(VoicePromptCatalog.ForState(state)));
        Assert.Equal(en.Spoken, VoicePromptCatalog.Text(VoicePromptCatalog.ForState(state), VoiceLanguage.English));
        Assert.NotEqual(vi.Shown, vi.Spoken);
    }

    [Fact]
    public void An_unknown_state_has_no_words()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReceptionStateTexts.For((ReceptionState)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => VoicePromptCatalog.Text((VoicePromptId)99));
    }
}
