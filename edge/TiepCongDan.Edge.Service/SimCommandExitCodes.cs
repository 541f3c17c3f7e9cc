namespace TiepCongDan.Edge.Service;

/// <summary>Exit codes of `tcd-edge sim`, one per thing the trainer or test does next.</summary>
public static class SimCommandExitCodes
{
    /// <summary>The kiosk did it.</summary>
    public const int Ok = 0;

    /// <summary>Wrong command or options: the usage is printed.</summary>
    public const int Usage = 2;

    /// <summary>The kiosk refused (bad input, or the device is real there): its error is printed.</summary>
    public const int Refused = 3;

    /// <summary>Nothing answers on 127.0.0.1:port: tcd-edge is not running, or runs without Edge:Simulation:Enabled=true.</summary>
    public const int Unreachable = 4;
}
