using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Reception.Presenters;

/// <summary>
/// Speaks each step: the view's own prompt when it has one (card read failed, link lost, thanks),
/// otherwise what its state says. Tells the player when the citizen is live, so nothing else is
/// spoken into the officials' microphone (half duplex, docs/decisions/0017). The Idle screen the
/// flow shows when the edge starts is not spoken: a kiosk booting in an empty room stays quiet
/// (and a test machine starting many edges spawns no synthesiser).
/// </summary>
public sealed class VoiceReceptionPresenter(VoicePlayer player) : IReceptionPresenter
{
    private int _presented;

    public void Present(ReceptionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var first = Interlocked.Exchange(ref _presented, 1) == 0;
        player.SetLive(view.State == ReceptionState.Live);
        if (first && view.State == ReceptionState.Idle && view.Prompt is null)
        {
            return;
        }

        _ = view.Prompt is { } prompt ? player.Play(prompt) : player.PlayForState(view.State);
    }
}
