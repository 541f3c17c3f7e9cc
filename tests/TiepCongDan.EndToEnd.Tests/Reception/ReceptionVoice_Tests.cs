using System.Diagnostics;
using System.Globalization;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Controls;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// A citizen who cannot read: the whole visit with buttons and the kiosk's voice only. The kiosk
/// speaks through its real voice path (espeak-ng's Vietnamese voice rendered and normalised by sox,
/// played by ffmpeg at a sound card's pace) into WAV files instead of a speaker
/// (Edge:Voice:Device=file:...); the test waits for each step's sentence to be spoken, as the
/// citizen would listen, before pressing the next button, then measures every playback with sox.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class ReceptionVoice_Tests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_step_of_a_visit_is_spoken_in_vietnamese_and_the_visit_is_finished_with_buttons_only()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        var ct = cts.Token;
        using var voice = new TempDirectory("voice");
        var speaker = voice.Combine("speaker");
        var index = Path.Combine(speaker, "playbacks.txt");
        await using var rig = await ReceptionRig.StartAsync("14-06108", withCardReader: false, ct,
        [
            "--Edge:Voice:Enabled=true",
            $"--Edge:Voice:Device=file:{speaker}",
            $"--Edge:Voice:CacheDirectory={voice.Combine("cache")}",
            "--Edge:Screen:Enabled=false",
        ]);
        var sim = rig.Sim;

        // Staff starts; the citizen hears what to do at each step and answers with the buttons.
        await sim.ClickAsync(ButtonRole.Staff, ct);
        var session = (await sim.WaitForStateAsync("CitizenPresent", TimeSpan.FromSeconds(20), ct)).SessionId!;
        await WaitSpokenAsync(index, "CitizenPresent", ct);
        await sim.ClickAsync(ButtonRole.Staff, ct);
        await sim.WaitForStateAsync("Identified", TimeSpan.FromSeconds(20), ct);
        await WaitSpokenAsync(index, "Identified", ct);
        await sim.ClickAsync(ButtonRole.VerySatisfied, ct);
        await sim.WaitForStateAsync("Live", TimeSpan.FromSeconds(45), ct);
        await WaitSpokenAsync(index, "Live", ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await sim.HoldAsync(ButtonRole.Staff, 3500, ct);
        await sim.WaitForStateAsync("Rating", TimeSpan.FromSeconds(40), ct);
        await WaitSpokenAsync(index, "Rating", ct);
        await sim.ClickAsync(ButtonRole.Satisfied, ct);
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);
        await WaitSpokenAsync(index, "RatingThanks", ct);

        // Each spoken step is a real sentence at speech level, not silence or a click.
        var lines = await File.ReadAllLinesAsync(index, ct);
        output.WriteLine(string.Join(" | ", lines));
        foreach (var line in lines)
        {
            var parts = line.Split(' ');
            var file = Path.Combine(speaker, $"playback-{parts[0]}.wav");
            var (seconds, rms) = await MeasureAsync(file, ct);
            output.WriteLine($"{parts[1]}: {seconds:0.00} s, RMS {rms:0.000}");
            Assert.True(seconds > 0.8, $"{parts[1]} lasted only {seconds:0.00} s");
            Assert.True(rms > 0.02, $"{parts[1]} is too quiet to be speech (RMS amplitude {rms:0.000})");
        }

        var record = await rig.Register.WaitAsync(session, r => r.Outcome is not null, TimeSpan.FromSeconds(60), "closed", rig.Describe, ct);
        Assert.Equal(SessionRatings.Satisfied, record.Rating);
    }

    private static async Task WaitSpokenAsync(string index, string prompt, CancellationToken ct)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (File.Exists(index) && (await File.ReadAllLinesAsync(index, ct)).Any(l => l.EndsWith(" " + prompt, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        var spoken = File.Exists(index) ? string.Join(" | ", await File.ReadAllLinesAsync(index, ct)) : "(nothing spoken)";
        Assert.Fail($"the kiosk never finished speaking {prompt} within 60 s; spoken: {spoken}");
    }

    /// <summary>Duration and RMS amplitude (0-1) by `sox FILE -n stat` (Debian package sox).</summary>
    private static async Task<(double Seconds, double Rms)> MeasureAsync(string file, CancellationToken ct)
    {
        var info = new ProcessStartInfo("sox") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { file, "-n", "stat" })
        {
            info.ArgumentList.Add(a);
        }

        using var sox = Process.Start(info) ?? throw new InvalidOperationException("install sox: apt-get install sox");
        var text = await sox.StandardError.ReadToEndAsync(ct);
        await sox.WaitForExitAsync(ct);
        double Value(string name) => double.Parse(text.Split('\n').First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim(), CultureInfo.InvariantCulture);
        return (Value("Length (seconds)"), Value("RMS     amplitude"));
    }
}
