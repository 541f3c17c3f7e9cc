using System.Diagnostics;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Voice;

/// <summary>Real espeak-ng, sox and ffmpeg for the voice tests; a missing one fails the test naming its Debian package.</summary>
internal static class VoiceTestTools
{
    public static void Require(VoiceTool tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool.Name)));
        if (!found)
        {
            Assert.Fail($"{tool.Name} is not installed: apt-get install {tool.DebianPackage}");
        }
    }

    public static void RequireAll()
    {
        Require(VoiceTool.EspeakNg);
        Require(VoiceTool.Sox);
        Require(VoiceTool.Ffmpeg);
    }

    public static EdgeVoiceOptions Options(string directory, int volume = 100) => new()
    {
        CacheDirectory = Path.Combine(directory, "cache"),
        Volume = volume,
    };

    /// <summary>`sox FILE -n stats` output (stderr).</summary>
    public static string Stats(string wav)
    {
        var start = new ProcessStartInfo("sox") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(wav);
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add("stats");
        using var sox = Process.Start(start)!;
        var stderr = sox.StandardError.ReadToEnd();
        _ = sox.StandardOutput.ReadToEnd();
        if (!sox.WaitForExit(30_000))
        {
            sox.Kill();
            Assert.Fail("sox stats did not finish in 30 s");
        }

        Assert.True(sox.ExitCode == 0, $"sox stats {wav} failed: {stderr}");
        return stderr;
    }

    public static double Seconds(string wav) => SoxStats.LengthSeconds(Stats(wav));

    public static double RmsDb(string wav) => SoxStats.RmsDb(Stats(wav));

    /// <summary>Waits (generously: the machine is shared) for a playback to end.</summary>
    public static async Task<VoicePlaybackOutcome> OutcomeOf(VoicePlayback playback) =>
        await playback.Completion.WaitAsync(TimeSpan.FromSeconds(60));
}
