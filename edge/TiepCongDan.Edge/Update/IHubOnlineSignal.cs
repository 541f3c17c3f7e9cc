namespace TiepCongDan.Edge.Update;

/// <summary>Whether the hub sees this kiosk online right now (the update confirmer's definition of healthy).</summary>
public interface IHubOnlineSignal
{
    bool IsOnline { get; }
}
