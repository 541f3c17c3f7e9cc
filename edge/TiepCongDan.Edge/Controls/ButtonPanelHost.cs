using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Controls.Simulation;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Controls;

/// <summary>
/// The service's one panel, built from validated "Edge:Buttons" options and disposed with the
/// container (lights dark, lines released). Shows Idle from the start: a kiosk that is up and
/// waiting says so before the session flow first speaks.
/// </summary>
public sealed class ButtonPanelHost : IDisposable
{
    public ButtonPanelHost(IOptions<EdgeButtonsOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        (Panel, Simulator) = ButtonPanelFactory.Create(options.Value, time, loggerFactory);
        Panel.ShowStatus(StatusLedMode.Idle);
    }

    public ButtonPanel Panel { get; }

    /// <summary>Drives the buttons when the board is simulated; null on real hardware.</summary>
    public ButtonPanelSimulator? Simulator { get; }

    public void Dispose() => Panel.Dispose();
}
