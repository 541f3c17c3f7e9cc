namespace TiepCongDan.Edge.Simulation;

/// <summary>
/// The simulated reader's slot: the made-up card on it, or none. The simulation console puts cards
/// on and takes them off; <see cref="SimulatedCitizenCard"/> reads them. Thread-safe.
/// </summary>
public sealed class SimulatedCardSlot
{
    private SimulatedCard? _card;

    /// <summary>The card on the reader now, or null.</summary>
    public SimulatedCard? Current => Volatile.Read(ref _card);

    /// <summary>Puts a card on the reader (replacing any card there, as a hand swapping cards would).</summary>
    public void Insert(SimulatedCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Volatile.Write(ref _card, card);
    }

    /// <summary>Takes the card off; false when there was none.</summary>
    public bool Remove() => Interlocked.Exchange(ref _card, null) is not null;
}
