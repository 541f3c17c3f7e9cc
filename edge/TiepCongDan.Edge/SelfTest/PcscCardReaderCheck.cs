using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// The PC/SC card reader is listed by pcscd (its name containing Edge:Card:ReaderName), and when a
/// card lies on it, a test read: the chip is asked to select the ICAO travel-document application
/// (as every CCCD read begins) and must answer 90 00. No key is needed and nothing personal is read.
/// No card on the reader is a warning: the reader itself works.
/// </summary>
public sealed class PcscCardReaderCheck(string? readerFilter, TimeSpan apduTimeout) : ISelfTestCheck
{
    // SELECT by AID A0 00 00 02 47 10 01 (ICAO eMRTD), no response data.
    private static readonly byte[] SelectEmrtd = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    public string Id => SelfTestCheckIds.CardReader;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    public (string Vietnamese, string English) Advice =>
        ("Cắm lại đầu đọc thẻ vào cổng USB, kiểm tra dịch vụ pcscd (systemctl status pcscd), rồi chạy lại tự kiểm tra.",
         "Plug the card reader into its USB port again, check the pcscd service (systemctl status pcscd), then rerun the self-test.");

    public Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken) => Task.Run(Probe, cancellationToken);

    private SelfTestOutcome Probe()
    {
        var (adviceVi, adviceEn) = Advice;
        PcscContext context;
        try
        {
            context = PcscContext.Establish();
        }
        catch (PcscException ex)
        {
            return SelfTestOutcome.Fail($"Dịch vụ đầu đọc thẻ (pcscd) không chạy ({ex.Message}).", $"The card reader service (pcscd) is not running ({ex.Message}).",
                "Khởi động dịch vụ pcscd (systemctl start pcscd), cắm lại đầu đọc thẻ, rồi chạy lại tự kiểm tra.",
                "Start the pcscd service (systemctl start pcscd), plug the card reader in again, then rerun the self-test.");
        }

        using (context)
        {
            IReadOnlyList<string> readers;
            try
            {
                readers = [.. context.ListReaders().Where(r => PcscCardWait.Matches(r, readerFilter)).Order(StringComparer.Ordinal)];
            }
            catch (PcscException)
            {
                readers = [];
            }

            if (readers.Count == 0)
            {
                var which = string.IsNullOrWhiteSpace(readerFilter) ? string.Empty : $" có tên chứa '{readerFilter}'";
                var whichEn = string.IsNullOrWhiteSpace(readerFilter) ? string.Empty : $" whose name contains '{readerFilter}'";
                return SelfTestOutcome.Fail($"Không thấy đầu đọc thẻ nào{which}.", $"No card reader{whichEn} is connected.", adviceVi, adviceEn)
                    .With("readers", 0);
            }

            foreach (var reader in readers)
            {
                PcscCard card;
                try
                {
                    card = context.Connect(reader, PcscShareMode.Shared);
                }
                catch (PcscException)
                {
                    continue;
                }

                using (card)
                {
                    var response = card.Transmit(SelectEmrtd, apduTimeout);
                    var sw = response.Length >= 2 ? (response[^2] << 8) | response[^1] : 0;
                    var status = sw.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                    if (sw == 0x9000)
                    {
                        return SelfTestOutcome.Pass("Có đầu đọc thẻ; đọc thử thẻ trên đầu đọc: chip trả lời đúng.",
                                "A card reader is connected; test read of the card on it: the chip answers.")
                            .With("reader", reader).With("readers", readers.Count).With("statusWord", status);
                    }

                    return SelfTestOutcome.Warn($"Có đầu đọc thẻ, nhưng thẻ trên đầu đọc không phải CCCD gắn chip (trả lời {status}).",
                            $"A card reader is connected, but the card on it is not a chip ID card (answered {status}).",
                            "Đặt một thẻ CCCD gắn chip lên đầu đọc rồi chạy lại để đọc thử.",
                            "Put a chip ID card on the reader and rerun for a test read.")
                        .With("reader", reader).With("readers", readers.Count).With("statusWord", status);
                }
            }

            return SelfTestOutcome.Warn("Có đầu đọc thẻ nhưng không có thẻ trên đầu đọc: chưa đọc thử.",
                    "A card reader is connected but no card is on it: no test read.",
                    "Muốn đọc thử: đặt một thẻ CCCD gắn chip lên đầu đọc rồi chạy lại tự kiểm tra.",
                    "For a test read: put a chip ID card on the reader and rerun the self-test.")
                .With("reader", readers[0]).With("readers", readers.Count);
        }
    }
}
