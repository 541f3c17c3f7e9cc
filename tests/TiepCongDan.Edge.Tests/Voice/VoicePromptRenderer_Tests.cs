using System.Diagnostics;
using System.Runtime.Versioning;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Voice;

public sealed class VoicePromptRenderer_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-voice-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(VoicePromptId.Idle)]
    [InlineData(VoicePromptId.RatingButtons)]
    [InlineData(VoicePromptId.SessionEnding)]
    public async Task A_rendered_prompt_is_speech_of_plausible_length_at_the_target_loudness(VoicePromptId prompt)
    {
        VoiceTestTools.RequireAll();
        var options = VoiceTestTools.Options(_dir);
        using var renderer = new VoicePromptRenderer(options);

        var wav = await renderer.RenderAsync(prompt, options.CacheDirectory);

        // At 130 words per minute a Vietnamese syllable (one "word" to espeak-ng) takes about 0.3-0.6 s.
        var syllables = VoicePromptCatalog.Text(prompt).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var seconds = VoiceTestTools.Seconds(wav);
        Assert.InRange(seconds, Math.Max(0.5, syllables * 0.2), syllables * 1.0 + 1);
        Assert.InRange(VoiceTestTools.RmsDb(wav), options.TargetRmsDb - 1.5, options.TargetRmsDb + 1.5);
        Assert.Equal(renderer.PathFor(prompt, options.CacheDirectory), wav);
        Assert.Empty(Directory.GetFiles(options.CacheDirectory, ".render-*"));
    }

    [Fact]
    public async Task A_slower_rate_gives_a_longer_prompt_and_another_cache_file()
    {
        VoiceTestTools.RequireAll();
        var slow = VoiceTestTools.Options(_dir);
        slow.Rate = 110;
        var fast = VoiceTestTools.Options(_dir);
        fast.Rate = 200;
        using var slowRenderer = new VoicePromptRenderer(slow);
        using var fastRenderer = new VoicePromptRenderer(fast);

        var slowWav = await slowRenderer.RenderAsync(VoicePromptId.Connecting, slow.CacheDirectory);
        var fastWav = await fastRenderer.RenderAsync(VoicePromptId.Connecting, fast.CacheDirectory);

        Assert.NotEqual(slowWav, fastWav);
        Assert.True(VoiceTestTools.Seconds(slowWav) > VoiceTestTools.Seconds(fastWav) * 1.3,
            $"110 wpm: {VoiceTestTools.Seconds(slowWav)} s, 200 wpm: {VoiceTestTools.Seconds(fastWav)} s");
    }

    [Fact]
    public async Task The_second_render_is_a_cache_hit_and_a_fresh_render_is_byte_identical()
    {
        VoiceTestTools.RequireAll();
        var options = VoiceTestTools.Options(_dir);
        using var renderer = new VoicePromptRenderer(options);
        var first = await renderer.RenderAllAsync(options.CacheDirectory);
        Assert.Equal(VoicePromptCatalog.All.Count, first.Count);
        var writes = first.Values.Distinct().ToDictionary(p => p, File.GetLastWriteTimeUtc);
        var bytes = File.ReadAllBytes(first[VoicePromptId.Rating]);

        // A cache hit starts no process at all: espeak-ng and sox pointed nowhere would fail if it did.
        options.EspeakPath = "/nonexistent/espeak-ng";
        options.SoxPath = "/nonexistent/sox";
        var second = await renderer.RenderAllAsync(options.CacheDirectory);

        Assert.Equal(first, second);
        Assert.All(writes, w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(w.Key)));

        // Synthesis is deterministic: another kiosk renders the same bytes for the same sentence.
        var elsewhere = VoiceTestTools.Options(Path.Combine(_dir, "other"));
        using var other = new VoicePromptRenderer(elsewhere);
        var again = await other.RenderAsync(VoicePromptId.Rating, elsewhere.CacheDirectory);
        Assert.Equal(Path.GetFileName(first[VoicePromptId.Rating]), Path.GetFileName(again));
        Assert.Equal(bytes, File.ReadAllBytes(again));
    }

    [Fact]
    public async Task English_prompts_use_the_English_voice_and_another_cache_key()
    {
        VoiceTestTools.RequireAll();
        var vi = VoiceTestTools.Options(_dir);
        var en = VoiceTestTools.Options(_dir);
        en.Language = VoiceLanguage.English;
        using var viRenderer = new VoicePromptRenderer(vi);
        using var enRenderer = new VoicePromptRenderer(en);

        Assert.NotEqual(viRenderer.CacheKey(VoicePromptId.Idle), enRenderer.CacheKey(VoicePromptId.Idle));
        var wav = await enRenderer.RenderAsync(VoicePromptId.Idle, en.CacheDirectory);
        Assert.InRange(VoiceTestTools.Seconds(wav), 1.5, 15);
    }

    [Fact]
    public async Task A_missing_espeak_ng_is_reported_with_its_Debian_package()
    {
        var options = VoiceTestTools.Options(_dir);
        options.EspeakPath = "/nonexistent/espeak-ng";
        using var renderer = new VoicePromptRenderer(options);

        var e = await Assert.ThrowsAsync<VoiceToolMissingException>(() => renderer.RenderAsync(VoicePromptId.Idle, options.CacheDirectory));

        Assert.Equal("espeak-ng", e.DebianPackage);
        Assert.Contains("apt-get install espeak-ng", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(renderer.PathFor(VoicePromptId.Idle, options.CacheDirectory)));
    }

    [Fact]
    public async Task A_missing_sox_is_reported_with_its_Debian_package_and_nothing_is_cached()
    {
        VoiceTestTools.Require(VoiceTool.EspeakNg);
        var options = VoiceTestTools.Options(_dir);
        options.SoxPath = "/nonexistent/sox";
        using var renderer = new VoicePromptRenderer(options);

        var e = await Assert.ThrowsAsync<VoiceToolMissingException>(() => renderer.RenderAsync(VoicePromptId.Idle, options.CacheDirectory));

        Assert.Equal("sox", e.DebianPackage);
        Assert.Contains("apt-get install sox", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(options.CacheDirectory));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task A_hung_synthesiser_is_killed_at_its_time_limit()
    {
        // A stand-in "espeak-ng" that never finishes: the renderer must not wait for it.
        var script = Path.Combine(_dir, "hang.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho $$ > \"$0.pid\"\nexec sleep 600\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = VoiceTestTools.Options(_dir);
        options.EspeakPath = script;
        options.ToolTimeoutSeconds = 1;
        using var renderer = new VoicePromptRenderer(options);

        var e = await Assert.ThrowsAsync<VoiceToolFailedException>(() => renderer.RenderAsync(VoicePromptId.Idle, options.CacheDirectory));

        Assert.Contains("did not finish within 1 s", e.Message, StringComparison.Ordinal);
        var pid = int.Parse(await File.ReadAllTextAsync(script + ".pid"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
    }
}
