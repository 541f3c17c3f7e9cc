namespace TiepCongDan.Edge.Reception.Ports;

/// <summary>One output of the session flow: the kiosk page, the voice, the status LED, the display power. Must not throw or block.</summary>
public interface IReceptionPresenter
{
    void Present(ReceptionView view);
}
