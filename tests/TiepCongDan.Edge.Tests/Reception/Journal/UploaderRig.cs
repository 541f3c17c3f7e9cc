using TiepCongDan.Edge.Media.Upload;
using TiepCongDan.Edge.Reception.Journal;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Reception.Journal;

/// <summary>A journal in a temp directory, a <see cref="FakeReceptionHub"/> and the uploader between them; short retry delays.</summary>
internal sealed class UploaderRig : IAsyncDisposable
{
    public const string Password = "mat-khau-kiosk";

    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-journal-up-").FullName;

    public UploaderRig(bool hubUp = true, TimeSpan? idlePoll = null)
    {
        Hub = new FakeReceptionHub(hubUp);
        Journal = new SqliteReceptionJournal(_dir, TimeSpan.FromDays(7), TimeProvider.System, Log);
        Uploader = new ReceptionEventUploader(Journal, new SegmentUploaderSettings
        {
            HubBaseUri = Hub.BaseUri,
            KioskId = ReceptionEvents.KioskId,
            Password = Password,
            RetryMinDelay = TimeSpan.FromMilliseconds(50),
            RetryMaxDelay = TimeSpan.FromMilliseconds(400),
            RequestTimeout = TimeSpan.FromSeconds(10),
            // Long: a test that sees an event arrive quickly proves the append woke the uploader.
            IdlePollInterval = idlePoll ?? TimeSpan.FromHours(1),
        }, TimeProvider.System, Log);
    }

    public RecordingLogger Log { get; } = new();

    public FakeReceptionHub Hub { get; }

    public SqliteReceptionJournal Journal { get; }

    public ReceptionEventUploader Uploader { get; }

    public Task StartAsync() => Uploader.StartAsync(CancellationToken.None);

    public static Task WaitUntil(Func<bool> condition, string what) => WaitUntil(condition, TimeSpan.FromSeconds(30), what);

    public static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (cts.IsCancellationRequested)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(25, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Uploader.StopAsync(CancellationToken.None);
        }
        finally
        {
            Uploader.Dispose();
            Hub.Dispose();
            Journal.Dispose();
            Directory.Delete(_dir, recursive: true);
        }
    }
}
