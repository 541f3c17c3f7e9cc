namespace TiepCongDan.Contracts.Reception;

/// <summary>The kiosk-to-hub reception API (HTTP Basic with the kiosk id and its MQTT password, like segment upload).</summary>
public static class ReceptionProtocol
{
    /// <summary>POST a <see cref="ReceptionEventBatch"/>; 200 with a <see cref="ReceptionEventReceipt"/>.</summary>
    public const string EventsPath = "/api/kiosk/reception/events";

    /// <summary>Events per request at most.</summary>
    public const int MaxBatch = 100;
}
