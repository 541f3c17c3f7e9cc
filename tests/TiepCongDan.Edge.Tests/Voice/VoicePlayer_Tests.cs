using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Voice;

/// <summary>The player with its lowest layer swapped for WAV files written in real time: what the speaker would have received is measured with sox.</summary>
public sealed class VoicePlayer_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-voice-play-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (VoicePlayer Player, WavFileVoiceOutput Output, VoicePromptRenderer Renderer) Create(EdgeVoiceOptions options, string name)
    {
        var output = new WavFileVoiceOutput(Directory.CreateDirectory(Path.Combine(_dir, name)).FullName);
        var renderer = new VoicePromptRenderer(options);
        return (new VoicePlayer(options, renderer, output), output, renderer);
    }

    [Fact]
    public async Task Volume_50_plays_about_6_dB_below_volume_100_and_100_is_the_rendered_level()
    {
        VoiceTestTools.RequireAll();
        var full = VoiceTestTools.Options(_dir, volume: 100);
        var half = VoiceTestTools.Options(_dir, volume: 50);
        var (fullPlayer, fullOut, fullRenderer) = Create(full, "full");
        var (halfPlayer, halfOut, halfRenderer) = Create(half, "half");
        await using (fullPlayer)
        await using (halfPlayer)
        {
            using (fullRenderer)
            using (halfRenderer)
            {
                var rendered = await fullRenderer.RenderAsync(VoicePromptId.Idle, full.CacheDirectory);
                Assert.Equal(VoicePlaybackOutcome.Completed, await VoiceTestTools.OutcomeOf(fullPlayer.Play(VoicePromptId.Idle)));
                Assert.Equal(VoicePlaybackOutcome.Completed, await VoiceTestTools.OutcomeOf(halfPlayer.Play(VoicePromptId.Idle)));

                var fullDb = VoiceTestTools.RmsDb(fullOut.PathOf(1));
                var halfDb = VoiceTestTools.RmsDb(halfOut.PathOf(1));
                Assert.InRange(fullDb, VoiceTestTools.RmsDb(rendered) - 0.3, VoiceTestTools.RmsDb(rendered) + 0.3);
                Assert.InRange(halfDb - fullDb, -6.5, -5.5);
                Assert.InRange(VoiceTestTools.Seconds(fullOut.PathOf(1)), VoiceTestTools.Seconds(rendered) - 0.2, VoiceTestTools.Seconds(rendered) + 0.2);
            }
        }
    }

    [Fact]
    public async Task A_new_prompt_interrupts_the_one_playing_which_stops_short()
    {
        VoiceTestTools.RequireAll();
        var options = VoiceTestTools.Options(_dir);
        var (player, output, renderer) = Create(options, "interrupt");
        await using (player)
        {
            using (renderer)
            {
                var longWav = await renderer.RenderAsync(VoicePromptId.RatingButtons, options.CacheDirectory);
                var shortWav = await renderer.RenderAsync(VoicePromptId.RatingThanks, options.CacheDirectory);
                var speaking = new List<bool>();
                player.SpeakingChanged += (_, s) => { lock (speaking) { speaking.Add(s); } };

                var first = player.Play(VoicePromptId.RatingButtons);
                await WaitUntil(() => player.IsSpeaking && File.Exists(output.PathOf(1)) && new FileInfo(output.PathOf(1)).Length > 44);
                await Task.Delay(1000);
                var second = player.Play(VoicePromptId.RatingThanks);

                Assert.Equal(VoicePlaybackOutcome.Interrupted, await VoiceTestTools.OutcomeOf(first));
                Assert.Equal(VoicePlaybackOutcome.Completed, await VoiceTestTools.OutcomeOf(second));
                var cut = VoiceTestTools.Seconds(output.PathOf(1));
                Assert.InRange(cut, 0.3, VoiceTestTools.Seconds(longWav) - 2);
                Assert.InRange(VoiceTestTools.Seconds(output.PathOf(2)), VoiceTestTools.Seconds(shortWav) - 0.2, VoiceTestTools.Seconds(shortWav) + 0.2);
                lock (speaking)
                {
                    Assert.Equal([true, false, true, false], speaking);
                }

                Assert.False(player.IsSpeaking);
            }
        }
    }

    [Fact]
    public async Task Play_returns_at_once_and_repeat_last_says_the_last_prompt_again()
    {
        VoiceTestTools.RequireAll();
        var options = VoiceTestTools.Options(_dir);
        var (player, output, renderer) = Create(options, "repeat");
        await using (player)
        {
            using (renderer)
            {
                await renderer.RenderAsync(VoicePromptId.CardReadFailed, options.CacheDirectory);
                var played = player.PlayForState(ReceptionState.Error);
                Assert.False(played.Completion.IsCompleted, "Play waited for the prompt to finish");
                _ = player.Play(VoicePromptId.CardReadFailed);
                Assert.Equal(VoicePromptId.CardReadFailed, player.LastPrompt);

                var repeated = player.RepeatLast();
                Assert.Equal(VoicePromptId.CardReadFailed, repeated.Prompt);
                Assert.Equal(VoicePlaybackOutcome.Completed, await VoiceTestTools.OutcomeOf(repeated));
                Assert.Equal(3, repeated.Number);
                Assert.InRange(VoiceTestTools.Seconds(output.PathOf(3)), 1.5, 20);
            }
        }
    }

    [Fact]
    public async Task While_live_only_the_prompts_allowed_live_are_spoken_and_going_live_cuts_a_prompt()
    {
        VoiceTestTools.RequireAll();
        var options = VoiceTestTools.Options(_dir);
        var (player, output, renderer) = Create(options, "live");
        await using (player)
        {
            using (renderer)
            {
                await renderer.RenderAsync(VoicePromptId.RatingButtons, options.CacheDirectory);
                await renderer.RenderAsync(VoicePromptId.LinkLost, options.CacheDirectory);
                var before = player.Play(VoicePromptId.RatingButtons);
                await WaitUntil(() => player.IsSpeaking);

                player.SetLive(true);
                Assert.Equal(VoicePlaybackOutcome.Interrupted, await VoiceTestTools.OutcomeOf(before));
                Assert.Equal(VoicePlaybackOutcome.Suppressed, await VoiceTestTools.OutcomeOf(player.Play(VoicePromptId.Rating)));
                Assert.Equal(VoicePlaybackOutcome.Completed, await VoiceTestTools.OutcomeOf(player.Play(VoicePromptId.LinkLost)));
                Assert.False(File.Exists(output.PathOf(2)));
                Assert.True(File.Exists(output.PathOf(3)));

                player.SetLive(false);
                Assert.Equal(VoicePromptId.LinkLost, player.LastPrompt);
            }
        }
    }

    [Fact]
    public async Task The_rating_state_plays_the_question_then_the_buttons_as_one_playback()
    {
        VoiceTestTools.RequireAll();
        var options = VoiceTestTools.Options(_dir);
        var (player, output, renderer) = Create(options, "sequence");
        await using (player)
        {
            using (renderer)
            {
                var question = VoiceTestTools.Seconds(await renderer.RenderAsync(VoicePromptId.Rating, options.CacheDirectory));
                var buttons = VoiceTestTools.Seconds(await renderer.RenderAsync(VoicePromptId.RatingButtons, options.CacheDirectory));

                var playback = player.PlayForState(ReceptionState.Rating);

                Assert.Equal([VoicePromptId.Rating, VoicePromptId.RatingButtons], playback.Prompts);
                Assert.Equal(VoicePlaybackOutcome.Completed, await VoiceTestTools.OutcomeOf(playback));
                Assert.InRange(VoiceTestTools.Seconds(output.PathOf(1)), question + buttons - 0.3, question + buttons + 0.3);
                Assert.False(File.Exists(output.PathOf(2)));
                Assert.Equal([VoicePromptId.Rating, VoicePromptId.RatingButtons], player.RepeatLast().Prompts);
            }
        }
    }

    [Fact]
    public async Task Disabled_voice_or_volume_0_is_silent_without_starting_any_program()
    {
        var disabled = VoiceTestTools.Options(_dir);
        disabled.Enabled = false;
        disabled.FfmpegPath = disabled.EspeakPath = "/nonexistent/program";
        var muted = VoiceTestTools.Options(_dir, volume: 0);
        muted.FfmpegPath = muted.EspeakPath = "/nonexistent/program";
        var (a, aOut, aRenderer) = Create(disabled, "disabled");
        var (b, bOut, bRenderer) = Create(muted, "muted");
        await using (a)
        await using (b)
        {
            using (aRenderer)
            using (bRenderer)
            {
                Assert.Equal(VoicePlaybackOutcome.Suppressed, await VoiceTestTools.OutcomeOf(a.Play(VoicePromptId.Idle)));
                Assert.Equal(VoicePlaybackOutcome.Suppressed, await VoiceTestTools.OutcomeOf(b.Play(VoicePromptId.Idle)));
                Assert.Empty(Directory.GetFiles(aOut.Directory));
                Assert.Empty(Directory.GetFiles(bOut.Directory));
            }
        }
    }

    [Fact]
    public async Task A_missing_ffmpeg_fails_the_playback_without_throwing_at_the_caller()
    {
        VoiceTestTools.Require(VoiceTool.EspeakNg);
        VoiceTestTools.Require(VoiceTool.Sox);
        var options = VoiceTestTools.Options(_dir);
        options.FfmpegPath = "/nonexistent/ffmpeg";
        var (player, _, renderer) = Create(options, "noffmpeg");
        await using (player)
        {
            using (renderer)
            {
                Assert.Equal(VoicePlaybackOutcome.Failed, await VoiceTestTools.OutcomeOf(player.Play(VoicePromptId.Idle)));
                Assert.False(player.IsSpeaking);
            }
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(20);
        }
    }
}
