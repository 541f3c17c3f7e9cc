using System.Text;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Voice;

public sealed class VoicePromptCatalog_Tests
{
    // Letters only Vietnamese uses among Latin scripts: a prompt without any is missing its diacritics.
    private const string VietnameseLetters = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";

    public static TheoryData<ReceptionState> States() => [.. Enum.GetValues<ReceptionState>()];

    public static TheoryData<VoicePromptId> Prompts() => [.. Enum.GetValues<VoicePromptId>()];

    [Theory]
    [MemberData(nameof(States))]
    public void Every_reception_state_has_a_prompt_of_the_same_name(ReceptionState state)
    {
        var prompt = VoicePromptCatalog.ForState(state);
        Assert.Equal(state.ToString(), prompt.ToString());
        Assert.False(string.IsNullOrWhiteSpace(VoicePromptCatalog.Text(prompt)));
    }

    [Theory]
    [MemberData(nameof(Prompts))]
    public void Every_Vietnamese_prompt_is_NFC_with_diacritics_and_ends_a_sentence(VoicePromptId prompt)
    {
        var text = VoicePromptCatalog.Text(prompt, VoiceLanguage.Vietnamese);
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.True(text.IsNormalized(NormalizationForm.FormC), $"{prompt} is not NFC");
        Assert.Contains(text.ToLowerInvariant(), c => VietnameseLetters.Contains(c, StringComparison.Ordinal));
        Assert.EndsWith(".", text, StringComparison.Ordinal);
        Assert.Equal(text.Trim(), text);
    }

    [Theory]
    [MemberData(nameof(Prompts))]
    public void Every_prompt_has_an_English_text_in_plain_ASCII(VoicePromptId prompt)
    {
        var text = VoicePromptCatalog.Text(prompt, VoiceLanguage.English);
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.All(text, c => Assert.True(c < 128, $"{prompt}: '{c}' is not ASCII"));
        Assert.NotEqual(VoicePromptCatalog.Text(prompt, VoiceLanguage.Vietnamese), text);
    }

    [Fact]
    public void The_rating_buttons_prompt_names_each_rating_with_its_colour()
    {
        var text = VoicePromptCatalog.Text(VoicePromptId.RatingButtons);
        Assert.Contains("Rất hài lòng, bấm nút màu xanh lá", text, StringComparison.Ordinal);
        Assert.Contains("Hài lòng, bấm nút màu xanh dương", text, StringComparison.Ordinal);
        Assert.Contains("Bình thường, bấm nút màu vàng", text, StringComparison.Ordinal);
        Assert.Contains("Không hài lòng, bấm nút màu đỏ", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Entering_a_state_says_its_prompt_and_where_the_four_buttons_answer_also_explains_them(ReceptionState state)
    {
        var sequence = VoicePromptCatalog.SequenceForState(state);
        Assert.Equal(VoicePromptCatalog.ForState(state), sequence[0]);
        VoicePromptId[] expected = state switch
        {
            ReceptionState.Identified => [VoicePromptId.Identified, VoicePromptId.CaseKindButtons],
            ReceptionState.Rating => [VoicePromptId.Rating, VoicePromptId.RatingButtons],
            _ => [sequence[0]],
        };
        Assert.Equal(expected, sequence);
    }

    [Fact]
    public void The_case_kind_prompt_names_each_kind_with_the_colour_of_its_button()
    {
        var text = VoicePromptCatalog.Text(VoicePromptId.CaseKindButtons);
        Assert.Contains("Khiếu nại, bấm nút màu xanh lá", text, StringComparison.Ordinal);
        Assert.Contains("Tố cáo, bấm nút màu xanh dương", text, StringComparison.Ordinal);
        Assert.Contains("Kiến nghị, bấm nút màu vàng", text, StringComparison.Ordinal);
        Assert.Contains("Phản ánh, bấm nút màu đỏ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void All_prompts_are_distinct()
    {
        var texts = VoicePromptCatalog.All.Select(p => VoicePromptCatalog.Text(p)).ToList();
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enum.GetValues<VoicePromptId>().Length, VoicePromptCatalog.All.Count);
    }
}
