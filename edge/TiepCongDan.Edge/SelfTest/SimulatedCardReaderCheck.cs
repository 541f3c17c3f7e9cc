using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Simulation;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// The simulated card reader (Edge:Card:Enabled false, simulation console on): present by
/// construction; a made-up card on its slot is read with the card's own CAN through the same reader
/// the session flow uses. No card is a warning, as on a real reader.
/// </summary>
public sealed class SimulatedCardReaderCheck(SimulatedCardSlot slot, SimulatedCitizenCard reader) : ISelfTestCheck
{
    public string Id => SelfTestCheckIds.CardReader;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public (string Vietnamese, string English) Advice =>
        ("Đặt lại thẻ mô phỏng (tcd-edge sim card --citizen an) rồi chạy lại tự kiểm tra.",
         "Put the simulated card on again (tcd-edge sim card --citizen an) and rerun the self-test.");

    public async Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        if (slot.Current is not { } card)
        {
            return SelfTestOutcome.Warn("Đầu đọc thẻ mô phỏng sẵn sàng nhưng không có thẻ: chưa đọc thử.",
                    "The simulated card reader is ready but holds no card: no test read.",
                    "Muốn đọc thử: tcd-edge sim card --citizen an, rồi chạy lại tự kiểm tra.",
                    "For a test read: tcd-edge sim card --citizen an, then rerun the self-test.")
                .With("reader", "simulated");
        }

        var (adviceVi, adviceEn) = Advice;
        try
        {
            using var identity = await reader.ReadAsync(CardAccessKey.FromCan(card.Can), cancellationToken);
            return SelfTestOutcome.Pass("Đầu đọc thẻ mô phỏng: đọc thử thẻ thành công.", "Simulated card reader: the test read succeeded.")
                .With("reader", "simulated").With("accessProtocol", identity.AccessProtocol.ToString());
        }
        catch (CardReadException ex)
        {
            return SelfTestOutcome.Fail("Đọc thử thẻ mô phỏng lỗi: " + ex.StaffMessage, "The simulated card's test read failed: " + ex.Message, adviceVi, adviceEn)
                .With("reader", "simulated");
        }
    }
}
