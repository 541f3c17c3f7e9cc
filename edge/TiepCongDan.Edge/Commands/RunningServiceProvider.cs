using TiepCongDan.Edge.Screen;
using TiepCongDan.Edge.Simulation;

namespace TiepCongDan.Edge.Commands;

/// <summary>
/// The running service's services as the remote self-test sees them: without the kiosk page and the
/// simulation console, which the service already runs (the self-test must not start or stop them).
/// </summary>
internal sealed class RunningServiceProvider(IServiceProvider inner) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(KioskScreenServer) || serviceType == typeof(SimulationConsoleServer) ? null : inner.GetService(serviceType);
}
