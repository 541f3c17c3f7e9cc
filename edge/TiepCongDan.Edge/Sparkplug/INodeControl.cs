namespace TiepCongDan.Edge.Sparkplug;

/// <summary>
/// What the node does when the hub writes Node Control/Reboot or Node Control/Restart Service.
/// The service stops itself or reboots the board; tests record the call.
/// </summary>
public interface INodeControl
{
    Task RebootAsync(CancellationToken cancellationToken);

    Task RestartServiceAsync(CancellationToken cancellationToken);
}
