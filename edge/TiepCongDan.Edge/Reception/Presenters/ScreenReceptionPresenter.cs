using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Screen;

namespace TiepCongDan.Edge.Reception.Presenters;

/// <summary>
/// The kiosk page: the state's instruction with the citizen's name, the error sentence or the
/// countdown; in Live the officials' video and the citizen's self-view of the session.
/// <see cref="KioskScreenServer.Show"/> also wakes the display (its <see cref="DisplayPower"/>).
/// </summary>
public sealed class ScreenReceptionPresenter(KioskScreenServer screen) : IReceptionPresenter
{
    public void Present(ReceptionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var language = screen.Current.Language;
        var live = view is { State: ReceptionState.Live, SessionId: { } session } && screen.ServesLiveVideo ? session : null;
        screen.Show(KioskScreenState.For(view.State, language) with
        {
            CitizenName = view.CitizenName,
            ErrorMessage = view.Message,
            CountdownSeconds = view.CountdownSeconds,
            OfficialsVideoUrl = live is null ? null : LiveVideoEndpoint.OfficialsUrl(live),
            SelfViewUrl = live is null ? null : LiveVideoEndpoint.SelfViewUrl(live),
        });
    }
}
