using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Tests.Reception;

/// <summary>Keeps every view the flow presented, in order.</summary>
internal sealed class RecordingPresenter : IReceptionPresenter
{
    private readonly Lock _gate = new();
    private readonly List<ReceptionView> _views = [];

    public IReadOnlyList<ReceptionView> Views
    {
        get
        {
            lock (_gate)
            {
                return [.. _views];
            }
        }
    }

    public void Present(ReceptionView view)
    {
        lock (_gate)
        {
            _views.Add(view);
        }
    }
}
