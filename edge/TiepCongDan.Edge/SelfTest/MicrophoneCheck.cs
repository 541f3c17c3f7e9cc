using System.Globalization;
using System.Runtime.InteropServices;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// The microphone hears the speaker: a 1000 Hz tone is played through the voice output (the ALSA
/// device the prompts use) while the microphone is captured through ffmpeg, and the tone is looked
/// for in what came back (<see cref="ToneDetector"/>). With the simulated source the speaker is a WAV
/// file (<see cref="WavFileVoiceOutput"/>) and the microphone plays that file back, or digital
/// silence while the simulated microphone is silenced: the same code decides.
/// </summary>
public sealed class MicrophoneCheck(CaptureSettings capture, VoiceOutput speaker, AlsaCardLocator locator, double gain) : ISelfTestCheck
{
    public const double ToneHz = 1000;
    private const int AnalysisRate = 16000;
    private static readonly TimeSpan ToneLength = TimeSpan.FromSeconds(2.5);

    public string Id => SelfTestCheckIds.Microphone;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public (string Vietnamese, string English) Advice =>
        ("Kiểm tra dây micro và loa, bật loa và tăng âm lượng (Edge:Voice:Volume), rồi chạy lại tự kiểm tra.",
         "Check the microphone and speaker cables, switch the speaker on and turn it up (Edge:Voice:Volume), then rerun the self-test.");

    public async Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var (adviceVi, adviceEn) = Advice;
        var ffmpeg = capture.FfmpegPath;
        var played = 0L;
        FfmpegResult recorded;
        string source;
        if (capture.Source == CaptureSource.Simulated)
        {
            // The loop: the speaker's file is what the simulated microphone hears.
            var speakerFile = speaker as WavFileVoiceOutput
                ?? throw new InvalidOperationException("The simulated microphone needs the speaker written to a WAV file.");
            Directory.CreateDirectory(speakerFile.Directory);
            var play = await PlayAsync(ffmpeg, ++played, cancellationToken);
            if (play.ExitCode != 0)
            {
                return SpeakerFailed(play, adviceVi, adviceEn);
            }

            List<string> input = capture.SimulatedMicrophoneSilent
                ? ["-f", "lavfi", "-i", $"anullsrc=channel_layout=mono:sample_rate={I(capture.AudioSampleRate)}", "-t", "3"]
                : ["-i", speakerFile.PathOf(played)];
            recorded = await CaptureAsync(ffmpeg, input, cancellationToken);
            source = capture.SimulatedMicrophoneSilent ? "simulated-silent" : "simulated-loop";
        }
        else
        {
            var microphone = locator.Locate(capture.MicrophoneCard);
            if (microphone.Reading.Status != DeviceStatus.Present)
            {
                return SelfTestOutcome.Fail("Không thấy micro: " + microphone.Reading.Reason, "No microphone: " + microphone.Reading.Reason,
                    adviceVi, adviceEn).With("card", capture.MicrophoneCard);
            }

            List<string> input = ["-f", "alsa", "-sample_rate", I(capture.AudioSampleRate), "-channels", I(capture.AudioChannels),
                "-i", microphone.FfmpegDevice, "-t", "4"];
            var listening = CaptureAsync(ffmpeg, input, cancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(700), cancellationToken);
            var play = await PlayAsync(ffmpeg, ++played, cancellationToken);
            recorded = await listening;
            if (play.ExitCode != 0)
            {
                return SpeakerFailed(play, adviceVi, adviceEn);
            }

            source = microphone.FfmpegDevice;
        }

        if (recorded.ExitCode != 0 || recorded.Output.Length < AnalysisRate * 2)
        {
            return SelfTestOutcome.Fail($"Không thu được âm thanh từ micro (ffmpeg exit {recorded.ExitCode}: {recorded.LogTail}).",
                $"Nothing could be recorded from the microphone (ffmpeg exit {recorded.ExitCode}: {recorded.LogTail}).", adviceVi, adviceEn)
                .With("source", source);
        }

        var samples = MemoryMarshal.Cast<byte, short>(recorded.Output.AsSpan(0, recorded.Output.Length & ~1));
        var analysis = ToneDetector.Analyze(samples, AnalysisRate, ToneHz);
        var outcome = analysis switch
        {
            { LoudestLevelDb: < ToneDetector.SilenceDb } => SelfTestOutcome.Fail(
                "Micro không thu được âm thanh nào (chỉ có im lặng).",
                "The microphone records nothing but silence.",
                "Kiểm tra dây micro và công tắc tắt tiếng của micro; kiểm tra loa có phát ra tiếng; rồi chạy lại tự kiểm tra.",
                "Check the microphone cable and its mute switch; check that the speaker makes a sound; then rerun the self-test."),
            { ToneSeconds: < 0.5 } => SelfTestOutcome.Fail(
                $"Micro thu được tiếng ({F(analysis.LoudestLevelDb)} dBFS) nhưng không nghe thấy âm thử {F(ToneHz)} Hz từ loa.",
                $"The microphone hears sound ({F(analysis.LoudestLevelDb)} dBFS) but not the speaker's {F(ToneHz)} Hz test tone.",
                "Bật loa, tăng âm lượng, đặt loa gần micro hơn, rồi chạy lại tự kiểm tra.",
                "Switch the speaker on, turn it up, move it closer to the microphone and rerun the self-test."),
            _ => SelfTestOutcome.Pass(
                $"Micro nghe thấy âm thử của loa ({F(analysis.DominantHz)} Hz, {F(analysis.ToneLevelDb)} dBFS).",
                $"The microphone hears the speaker's test tone ({F(analysis.DominantHz)} Hz, {F(analysis.ToneLevelDb)} dBFS)."),
        };
        return outcome.With("toneHz", ToneHz).With("dominantHz", analysis.DominantHz).With("toneLevelDb", analysis.ToneLevelDb)
            .With("loudestLevelDb", analysis.LoudestLevelDb).With("toneSeconds", analysis.ToneSeconds).With("source", source);
    }

    private Task<FfmpegResult> PlayAsync(string ffmpeg, long playback, CancellationToken cancellationToken)
    {
        var volume = "volume=" + Math.Clamp(gain, 0, 1).ToString("0.000", CultureInfo.InvariantCulture);
        List<string> args = ["-hide_banner", "-nostats", "-loglevel", "error", "-f", "lavfi",
            "-i", $"sine=frequency={F(ToneHz)}:sample_rate=48000:duration={ToneLength.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}",
            "-af", volume, .. speaker.OutputArguments(playback)];
        return FfmpegRun.RunAsync(ffmpeg, args, TimeSpan.FromSeconds(10), cancellationToken);
    }

    private static Task<FfmpegResult> CaptureAsync(string ffmpeg, IReadOnlyList<string> input, CancellationToken cancellationToken) =>
        FfmpegRun.RunAsync(ffmpeg, ["-hide_banner", "-nostats", "-loglevel", "error", .. input,
            "-ac", "1", "-ar", I(AnalysisRate), "-f", "s16le", "pipe:1"], TimeSpan.FromSeconds(12), cancellationToken);

    private static SelfTestOutcome SpeakerFailed(FfmpegResult play, string adviceVi, string adviceEn) =>
        SelfTestOutcome.Fail($"Không phát được âm thử ra loa (ffmpeg exit {play.ExitCode}: {play.LogTail}).",
            $"The test tone could not be played to the speaker (ffmpeg exit {play.ExitCode}: {play.LogTail}).", adviceVi, adviceEn);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
