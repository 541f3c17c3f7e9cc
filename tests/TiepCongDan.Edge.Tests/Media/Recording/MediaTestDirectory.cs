using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Edge.Tests.Media.Recording;

/// <summary>A per-test directory under /tmp with a media store and its key, deleted at the end.</summary>
internal sealed class MediaTestDirectory : IDisposable
{
    public MediaTestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "tcd-rec-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Settings = new MediaRecorderSettings
        {
            Directory = Path.Combine(Root, "media"),
            KeyPath = Path.Combine(Root, "keys", "media.key"),
            LowDiskBytes = 0,
            ReserveBytes = 0,
        };
    }

    public string Root { get; }

    public MediaRecorderSettings Settings { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-23T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public MediaRecorder Open(Microsoft.Extensions.Logging.ILogger? logger = null) =>
        MediaRecorder.Open(Settings, Time, logger ?? NullLogger.Instance);

    public string NewSessionId() => TiepCongDan.Contracts.Media.MediaSessionId.New("14-04171", Time.GetUtcNow());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A mount still busy: the test's finally reports that separately.
        }
    }
}
