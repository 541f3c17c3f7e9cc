using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>Stands in for systemctl (the layer below ours): counts restarts and remembers what `current` pointed at.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class FakeRestarter(UpdateLayout layout) : IServiceRestarter
{
    private readonly List<string?> _restartedInto = [];

    public IReadOnlyList<string?> RestartedInto => _restartedInto;

    /// <summary>When set, the next restart throws (a crash after the symlink moved, before the restart).</summary>
    public bool FailNext { get; set; }

    public Task RestartAsync(CancellationToken cancellationToken)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new IOException("simulated crash before the restart");
        }

        _restartedInto.Add(UpdateLayout.LinkVersion(layout.Current));
        return Task.CompletedTask;
    }
}
