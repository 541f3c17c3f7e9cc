using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Health;
using TiepCongDan.Edge.Hosting;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Recording;
using TiepCongDan.Edge.Media.Session;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Screen;
using TiepCongDan.Edge.Simulation;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// `tcd-edge selftest` put together from the kiosk's own (built, not started) host: the same
/// validated options and device services the service uses. Starts only what the checks need (the
/// kiosk page server, so the prompts and the report show on the screen; the simulation console, so
/// a trainee can press simulated buttons by hand), runs the checks, saves the report (0600) and
/// sends it to the hub. Stop the tcd-edge service first on a real kiosk: it holds the GPIO lines,
/// the camera during a session and the page's port.
/// </summary>
public sealed class SelfTestSession : IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly SelfTestSettings _settings;
    private readonly EdgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly List<Func<Task>> _stops = [];
    private readonly List<ISelfTestPrompter> _prompters = [];
    private SelfTestHubClient? _hub;
    private string? _hubProblem;

    public SelfTestSession(IServiceProvider services, SelfTestSettings settings, ISelfTestPrompter? prompter = null)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _options = services.GetRequiredService<IOptions<EdgeOptions>>().Value;
        _time = services.GetRequiredService<TimeProvider>();
        _loggers = services.GetRequiredService<ILoggerFactory>();
        _logger = _loggers.CreateLogger("TiepCongDan.Edge.SelfTest");
        WorkDirectory = settings.WorkDirectory ?? Path.Combine(_options.DataDirectory, "selftest");
        if (prompter is not null)
        {
            _prompters.Add(prompter);
        }
    }

    public string WorkDirectory { get; }

    /// <summary>Runs every check (or those of <see cref="SelfTestSettings.Only"/>), saves and sends the report.</summary>
    public async Task<SelfTestRun> RunAsync(CancellationToken cancellationToken)
    {
        PrivateFiles.CreateDirectory(WorkDirectory);
        await StartHelpersAsync(cancellationToken);
        var prompter = new CompositeSelfTestPrompter(_prompters);
        var checks = Checks(prompter).Where(c => _settings.Includes(c.Id)).ToList();
        var runner = new SelfTestRunner(checks, prompter, _time, _options.KioskId, ServiceVersion.Current, _logger);
        var report = await runner.RunAsync(cancellationToken);
        var saved = Path.Combine(WorkDirectory, "last-report.json");
        await using (var file = new FileStream(saved + ".tmp", PrivateFiles.NewFile(FileMode.Create)))
        {
            await JsonSerializer.SerializeAsync(file, report, SelfTestJson.Indented, cancellationToken);
        }

        File.Move(saved + ".tmp", saved, overwrite: true);
        if (!_settings.SendToHub)
        {
            return new SelfTestRun(report, saved, false, "not sent (--no-send)");
        }

        if (_hub is null)
        {
            SelfTestLog.ReportNotSent(_logger, _hubProblem ?? "no hub client");
            return new SelfTestRun(report, saved, false, _hubProblem ?? "no hub client");
        }

        try
        {
            await _hub.PostReportAsync(report, cancellationToken);
            return new SelfTestRun(report, saved, true, string.Empty);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            SelfTestLog.ReportNotSent(_logger, ex.Message);
            return new SelfTestRun(report, saved, false, ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stop in Enumerable.Reverse(_stops))
        {
            try
            {
                await stop();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or ObjectDisposedException)
            {
                // Stopping what we started; nothing more to do.
            }
        }

        _hub?.Dispose();
    }

    private async Task StartHelpersAsync(CancellationToken cancellationToken)
    {
        if (_services.GetService<KioskScreenServer>() is { } screen)
        {
            try
            {
                await screen.StartAsync(cancellationToken);
                _stops.Add(() => screen.StopAsync(CancellationToken.None));
                // First: a prompter given by the caller then sees the page as the technician does.
                _prompters.Insert(0, new ScreenSelfTestPrompter(screen, _settings.English, _logger));
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.HttpListenerException)
            {
                // The running service serves the page: the display check asks it instead.
                SelfTestLog.ScreenFailed(_logger, ex.Message);
            }
        }

        if (_services.GetService<SimulationConsoleServer>() is { } console)
        {
            try
            {
                await console.StartAsync(cancellationToken);
                _stops.Add(() => console.StopAsync(CancellationToken.None));
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Net.HttpListenerException)
            {
                SelfTestLog.ScreenFailed(_logger, "simulation console: " + ex.Message);
            }
        }

        try
        {
            _hub = new SelfTestHubClient(MediaSettingsFactory.Uploader(_options));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            _hubProblem = "the hub's address or the kiosk's password cannot be read: " + ex.Message;
        }
    }

    private IEnumerable<ISelfTestCheck> Checks(ISelfTestPrompter prompter)
    {
        var capture = Capture();
        yield return new CameraCheck(capture, new V4l2DeviceLocator());
        yield return new MicrophoneCheck(capture, Speaker(capture), new AlsaCardLocator(), ToneGain());
        var screen = _services.GetRequiredService<IOptions<EdgeScreenOptions>>().Value;
        yield return new DisplayCheck(screen, screen.Enabled ? _services.GetService<IDisplayPowerSink>() : null);
        yield return CardReader();
        yield return Buttons(prompter);
        HubLinkCheck? link = null;
        if (_hub is { } hub)
        {
            link = new HubLinkCheck(hub, _time);
            yield return link;
        }
        else
        {
            yield return new FixedCheck(SelfTestCheckIds.HubLink, () => SelfTestOutcome.Fail(
                "Không gọi được trung tâm: " + _hubProblem, "The hub cannot be called: " + _hubProblem,
                "Kiểm tra địa chỉ trung tâm (Edge:Media:Upload:HubUrl) và tệp mật khẩu MQTT của điểm cầu (Edge:Mqtt:PasswordFile).",
                "Check the hub's address (Edge:Media:Upload:HubUrl) and the kiosk's MQTT password file (Edge:Mqtt:PasswordFile)."));
        }

        yield return new ClockCheck(_services.GetRequiredService<IClockSyncProbe>(), ct => HubOffsetAsync(link, ct));
        yield return new SrtStreamCheck(_options, _time, _loggers);
    }

    private async Task<long?> HubOffsetAsync(HubLinkCheck? link, CancellationToken cancellationToken)
    {
        if (link?.ClockOffsetMs is { } known)
        {
            return known;
        }

        if (_hub is null)
        {
            return null;
        }

        try
        {
            return (await _hub.PingAsync(_time, cancellationToken)).ClockOffsetMs;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary>The session's capture settings; a simulated source follows the simulated camera and microphone (simulated-devices.json).</summary>
    private CaptureSettings Capture()
    {
        var capture = MediaSettingsFactory.Capture(_options);
        if (capture.Source == CaptureSource.Simulated)
        {
            var faults = _services.GetService<SimulatedDeviceFaults>() ?? new SimulatedDeviceFaults(_options.SimulatedDevicesFile);
            try
            {
                capture.SimulatedCameraFrozen = faults.CameraUnplugged;
                capture.SimulatedMicrophoneSilent = faults.MicrophoneSilent;
            }
            catch (InvalidOperationException)
            {
                // A broken control file: the simulated devices stay as configured (as for a session).
            }
        }

        return capture;
    }

    private VoiceOutput Speaker(CaptureSettings capture) =>
        capture.Source == CaptureSource.Simulated
            ? new WavFileVoiceOutput(Path.Combine(WorkDirectory, "speaker"))
            : _services.GetService<VoiceOutput>() ?? new AlsaVoiceOutput(VoiceOptions().Device);

    /// <summary>The tone at half scale times the kiosk's voice volume, never below a quarter of that.</summary>
    private double ToneGain() => 0.5 * Math.Max(0.25, VoiceOptions().Gain);

    private EdgeVoiceOptions VoiceOptions()
    {
        var voice = new EdgeVoiceOptions();
        _services.GetRequiredService<IConfiguration>().GetSection(EdgeVoiceOptions.SectionName).Bind(voice);
        return voice;
    }

    private ISelfTestCheck CardReader()
    {
        var card = _services.GetRequiredService<IOptions<EdgeCardOptions>>().Value;
        if (card.Enabled)
        {
            return new PcscCardReaderCheck(card.ReaderName, TimeSpan.FromMilliseconds(card.ApduTimeoutMs));
        }

        if (_services.GetService<SimulatedCardSlot>() is { } slot && _services.GetService<SimulatedCitizenCard>() is { } reader)
        {
            return new SimulatedCardReaderCheck(slot, reader);
        }

        return FixedCheck.Skipped(SelfTestCheckIds.CardReader, "Điểm cầu không cấu hình đầu đọc thẻ (Edge:Card:Enabled=false).",
            "No card reader is configured on this kiosk (Edge:Card:Enabled=false).");
    }

    private ISelfTestCheck Buttons(ISelfTestPrompter prompter)
    {
        ButtonPanelHost? host;
        try
        {
            host = _services.GetService<ButtonPanelHost>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var why = ex.InnerException?.Message ?? ex.Message;
            return new FixedCheck(SelfTestCheckIds.Buttons, () => SelfTestOutcome.Fail(
                "Không mở được bảng nút (GPIO): " + why, "The button panel (GPIO) cannot be opened: " + why,
                "Dừng dịch vụ trước khi tự kiểm tra (systemctl stop tcd-edge) và kiểm tra sơ đồ chân (Edge:Buttons:Board), rồi chạy lại.",
                "Stop the service before the self-test (systemctl stop tcd-edge) and check the pin map (Edge:Buttons:Board), then rerun."));
        }

        if (host is null)
        {
            return FixedCheck.Skipped(SelfTestCheckIds.Buttons, "Điểm cầu không có bảng nút (Edge:Buttons:Enabled=false).",
                "This kiosk has no button panel (Edge:Buttons:Enabled=false).");
        }

        return new ButtonsCheck(host.Panel, prompter, _settings.PressSimulatedButtons ? host.Simulator : null, _time)
        {
            PerButton = _settings.ButtonTimeout,
        };
    }
}
