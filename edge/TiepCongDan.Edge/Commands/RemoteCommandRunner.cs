using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Commands;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Media;
using TiepCongDan.Edge.Media.Session;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.SelfTest;

namespace TiepCongDan.Edge.Commands;

/// <summary>
/// Runs restart-media, selftest, collect-logs, screenshot and camera-still one at a time in the
/// background, uploads the artifact, then reports the outcome. A screenshot or still is refused while
/// a citizen is at the kiosk (the reception flow is not idle, or a media session runs): the kiosk is
/// the authority on that, whatever the hub believed.
/// </summary>
public sealed class RemoteCommandRunner : IRemoteCommandRunner, IDisposable
{
    public const string CitizenPresent =
        "Điểm cầu đang phục vụ công dân: không chụp màn hình hay ảnh camera khi có công dân (bảo vệ dữ liệu cá nhân).";

    private static readonly int[] RetryDelaysMs = [1000, 3000, 10_000];

    private readonly EdgeOptions _edge;
    private readonly EdgeCommandOptions _options;
    private readonly IServiceProvider _services;
    private readonly IMediaNode? _media;
    private readonly IReceptionStatus? _reception;
    private readonly CommandHubClient _hub;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public RemoteCommandRunner(EdgeOptions edge, EdgeCommandOptions options, IServiceProvider services, IMediaNode? media, IReceptionStatus? reception,
        CommandHubClient hub, TimeProvider time, ILogger logger)
    {
        _edge = edge;
        _options = options;
        _services = services;
        _media = media;
        _reception = reception;
        _hub = hub;
        _time = time;
        _logger = logger;
    }

    /// <summary>Completes when the last started command has reported (tests).</summary>
    public Task Idle { get; private set; } = Task.CompletedTask;

    public bool Handles(string metricName) => metricName is NodeMetrics.RestartMedia or NodeMetrics.SelfTest or NodeMetrics.CollectLogs
        or NodeMetrics.Screenshot or NodeMetrics.CameraStill;

    public void Start(string metricName, string? commandId, CancellationToken cancellationToken) =>
        Idle = Task.Run(() => RunAsync(metricName, commandId, cancellationToken), CancellationToken.None);

    /// <summary>Runs one command now and reports it (what <see cref="Start"/> does in the background).</summary>
    public async Task<CommandResult> RunAsync(string metricName, string? commandId, CancellationToken cancellationToken)
    {
        CommandResult result;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            result = await ExecuteAsync(metricName, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            CommandsLog.Crashed(_logger, ex, metricName);
            result = CommandResult.Failed("Lỗi khi thực hiện lệnh: " + ex.GetBaseException().Message);
        }
        finally
        {
            _gate.Release();
        }

        CommandsLog.Finished(_logger, metricName, commandId ?? "-", result.State, result.Message);
        if (commandId is null)
        {
            return result;
        }

        if (result.Artifact is { } artifact)
        {
            try
            {
                await _hub.PutArtifactAsync(commandId, artifact, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                CommandsLog.ReportFailed(_logger, commandId, ex.Message);
                result = CommandResult.Failed("Không tải được tệp kết quả lên trung tâm: " + ex.Message);
            }
        }

        await ReportAsync(commandId, new CommandOutcome(result.State, result.Message), cancellationToken);
        return result;
    }

    public async Task ReportAsync(string commandId, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _hub.PostOutcomeAsync(commandId, outcome, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                CommandsLog.ReportFailed(_logger, commandId, ex.Message);
                // A refusal of the content (400, 404, 409) will not change on a retry.
                if (attempt >= RetryDelaysMs.Length || (ex is HttpRequestException { StatusCode: { } status } && (int)status is >= 400 and < 500 and not (408 or 429)))
                {
                    return;
                }

                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(RetryDelaysMs[attempt]), _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Why a screenshot or still is not allowed now, or null.</summary>
    public string? CitizenAtKiosk()
    {
        var media = _media?.Status.SessionId;
        var state = _reception?.State ?? ReceptionState.Idle;
        return !string.IsNullOrEmpty(media) || state is not (ReceptionState.Idle or ReceptionState.Error) ? CitizenPresent : null;
    }

    private async Task<CommandResult> ExecuteAsync(string metricName, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        switch (metricName)
        {
            case NodeMetrics.RestartMedia:
                if (_media is not MediaService service || string.IsNullOrEmpty(service.Status.SessionId))
                {
                    return CommandResult.Done("Không có phiên đang chạy: không có bộ mã hoá nào để khởi động lại.");
                }

                await service.RestartEncoderAsync();
                return CommandResult.Done("Đã khởi động lại bộ mã hoá của phiên " + service.Status.SessionId + ".");
            case NodeMetrics.Screenshot:
                return CitizenAtKiosk() is { } busy ? CommandResult.Refused(busy) : await new ScreenCapture(_options).CaptureAsync(_edge.KioskId, now, cancellationToken);
            case NodeMetrics.CameraStill:
                return CitizenAtKiosk() is { } busyCamera
                    ? CommandResult.Refused(busyCamera)
                    : await new CameraStill(MediaSettingsFactory.Capture(_edge), TimeSpan.FromSeconds(_options.ProgramTimeoutSeconds)).CaptureAsync(_edge.KioskId, now, cancellationToken);
            case NodeMetrics.CollectLogs:
                return await new LogBundle(_options, _edge, (IConfiguration)_services.GetService(typeof(IConfiguration))!, _time).BuildAsync(cancellationToken);
            case NodeMetrics.SelfTest:
                return await SelfTestAsync(cancellationToken);
            default:
                return CommandResult.Failed("Lệnh không được hỗ trợ: " + metricName);
        }
    }

    /// <summary>The on-site self-test without a person: every check but the buttons (they need someone to press them).</summary>
    private async Task<CommandResult> SelfTestAsync(CancellationToken cancellationToken)
    {
        if (CitizenAtKiosk() is not null)
        {
            return CommandResult.Refused("Điểm cầu đang phục vụ công dân: tự kiểm tra sẽ làm gián đoạn phiên. Hãy chạy lại sau.");
        }

        var settings = new SelfTestSettings
        {
            Only = new HashSet<string>(StringComparer.Ordinal)
            {
                SelfTestCheckIds.Camera, SelfTestCheckIds.Microphone, SelfTestCheckIds.Display, SelfTestCheckIds.CardReader,
                SelfTestCheckIds.HubLink, SelfTestCheckIds.Clock, SelfTestCheckIds.SrtStream,
            },
            PressSimulatedButtons = false,
        };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(5));
        await using var session = new SelfTestSession(new RunningServiceProvider(_services), settings);
        var run = await session.RunAsync(limit.Token);
        var failed = run.Report.FailedIds();
        var verdict = run.Report.Passed ? "đạt" : "không đạt (" + string.Join(", ", failed) + ")";
        var sent = run.SentToHub ? "báo cáo đã gửi về trung tâm" : "báo cáo chưa gửi được: " + run.SendProblem;
        return CommandResult.Done($"Tự kiểm tra {verdict}; {sent}.");
    }

    public void Dispose()
    {
        _gate.Dispose();
        _hub.Dispose();
    }
}
