using System.Text.Json;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Screen;

namespace TiepCongDan.Edge.Tests.Screen;

/// <summary>What the page receives: the JSON of a screen state, and the states the page must refuse to show.</summary>
public sealed class KioskScreenState_Tests
{
    [Fact]
    public void Json_names_the_state_in_camelCase_keeps_Vietnamese_readable_and_leaves_absent_values_out()
    {
        var json = KioskScreenState.For(ReceptionState.Idle).ToJson();
        Assert.Equal("""{"state":"Idle","instruction":"Xin mời đặt thẻ căn cước lên đầu đọc","ratingChoices":[],"language":"vi"}""", json);
    }

    [Fact]
    public void Json_of_a_live_rating_and_error_screen_carries_every_field_the_page_reads()
    {
        var live = KioskScreenState.For(ReceptionState.Live) with
        {
            CitizenName = "Nguyễn Thị Hoa",
            OfficialsVideoUrl = new Uri("http://127.0.0.1:8788/officials.webm"),
            SelfViewUrl = new Uri("http://127.0.0.1:8788/self.webm"),
        };
        using var liveJson = JsonDocument.Parse(live.ToJson());
        Assert.Equal("Live", liveJson.RootElement.GetProperty("state").GetString());
        Assert.Equal("Nguyễn Thị Hoa", liveJson.RootElement.GetProperty("citizenName").GetString());
        Assert.Equal("http://127.0.0.1:8788/officials.webm", liveJson.RootElement.GetProperty("officialsVideoUrl").GetString());
        Assert.Equal("http://127.0.0.1:8788/self.webm", liveJson.RootElement.GetProperty("selfViewUrl").GetString());

        var rating = KioskScreenState.For(ReceptionState.Rating) with { CountdownSeconds = 30 };
        using var ratingJson = JsonDocument.Parse(rating.ToJson());
        Assert.Equal(30, ratingJson.RootElement.GetProperty("countdownSeconds").GetInt32());
        var labels = ratingJson.RootElement.GetProperty("ratingChoices").EnumerateArray().Select(c => c.GetProperty("label").GetString()!).ToArray();
        Assert.Equal(["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"], labels);
        var keys = ratingJson.RootElement.GetProperty("ratingChoices").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToArray();
        Assert.Equal(["very-satisfied", "satisfied", "neutral", "dissatisfied"], keys);
        // The physical buttons' colours, as the voice names them: green, blue, yellow (dark text), red.
        var colours = ratingJson.RootElement.GetProperty("ratingChoices").EnumerateArray()
            .Select(c => c.GetProperty("colour").GetString() + " " + c.GetProperty("textColour").GetString()).ToArray();
        Assert.Equal(["#0b5d1e #ffffff", "#0a4d8c #ffffff", "#ffd21f #111111", "#8b1a1a #ffffff"], colours);

        var error = KioskScreenState.For(ReceptionState.Error) with { ErrorMessage = "Không đọc được thẻ. Xin mời đặt lại thẻ." };
        using var errorJson = JsonDocument.Parse(error.ToJson());
        Assert.Equal("Không đọc được thẻ. Xin mời đặt lại thẻ.", errorJson.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public void Html_sensitive_characters_stay_escaped_in_the_json()
    {
        var json = (KioskScreenState.For(ReceptionState.Error) with { ErrorMessage = "<script>&'\"" }).ToJson();
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Equal("<script>&'\"", JsonDocument.Parse(json).RootElement.GetProperty("errorMessage").GetString());
    }

    [Theory]
    [InlineData(ReceptionState.Idle, "Xin mời đặt thẻ căn cước lên đầu đọc", "Please place your ID card on the reader")]
    [InlineData(ReceptionState.CitizenPresent, "Đang đọc thẻ, xin vui lòng chờ", "Reading your card, please wait")]
    [InlineData(ReceptionState.Identified, "Xin chọn loại việc", "Choose your matter")]
    [InlineData(ReceptionState.Connecting, "Đang kết nối với cán bộ tiếp công dân", "Connecting to the reception officials")]
    [InlineData(ReceptionState.Live, "Xin mời trình bày với cán bộ", "Please speak with the officials")]
    [InlineData(ReceptionState.Ending, "Phiên tiếp công dân đang kết thúc", "The session is ending")]
    [InlineData(ReceptionState.Rating, "Xin mời đánh giá mức độ hài lòng", "How satisfied are you with this session?")]
    [InlineData(ReceptionState.Error, "Đã có lỗi xảy ra", "Something went wrong")]
    public void Every_state_has_one_instruction_in_Vietnamese_and_in_English(ReceptionState state, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, KioskScreenState.For(state).Instruction);
        Assert.Equal(english, KioskScreenState.For(state, KioskScreenLanguages.English).Instruction);
        Assert.Equal(KioskScreenLanguages.English, KioskScreenState.For(state, KioskScreenLanguages.English).Language);
    }

    [Fact]
    public void Every_reception_state_is_covered_by_the_texts()
    {
        foreach (var state in Enum.GetValues<ReceptionState>())
        {
            KioskScreenState.For(state).Validate();
            KioskScreenState.For(state, KioskScreenLanguages.English).Validate();
        }
    }

    [Fact]
    public void A_name_holding_an_id_number_is_refused_without_repeating_it()
    {
        var state = KioskScreenState.For(ReceptionState.Identified) with { CitizenName = "Nguyễn Văn An 001099012345" };
        var ex = Assert.Throws<ArgumentException>(state.Validate);
        Assert.DoesNotContain("001099012345", ex.Message, StringComparison.Ordinal);
        Assert.Contains("digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_instruction_or_an_unknown_language_is_refused()
    {
        Assert.Throws<ArgumentException>((KioskScreenState.For(ReceptionState.Idle) with { Instruction = " " }).Validate);
        var ex = Assert.Throws<ArgumentException>((KioskScreenState.For(ReceptionState.Idle) with { Language = "fr" }).Validate);
        Assert.Contains("'fr'", ex.Message, StringComparison.Ordinal);
    }
}
