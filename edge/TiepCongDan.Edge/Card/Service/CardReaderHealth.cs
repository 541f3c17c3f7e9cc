using System.Globalization;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Card.Service;

/// <summary>
/// What the kiosk knows of its card reader: pcscd up, which reader, card on it, and how reads went.
/// Fed by reader events and read outcomes through its methods (tests drive them directly, the
/// service from <see cref="TiepCongDan.Pcsc.PcscReaderMonitor"/>); read by the card-reader device
/// port. Thread-safe: events, reads and the node's sampling come from different threads.
/// </summary>
public sealed class CardReaderHealth
{
    private readonly Lock _gate = new();
    private readonly string? _readerFilter;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, bool> _readers = new(StringComparer.Ordinal);
    private bool _serviceLost;
    private DateTimeOffset? _lastReadOk;
    private ulong _readsOk;
    private ulong _readErrors;
    private ulong _wrongKey;
    private ulong _cardRemoved;
    private ulong _authenticityFailures;

    /// <param name="readerFilter">Part of the reader name to watch (Edge:Card:ReaderName); null or empty: every reader.</param>
    public CardReaderHealth(string? readerFilter, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _readerFilter = string.IsNullOrWhiteSpace(readerFilter) ? null : readerFilter;
        _time = timeProvider;
    }

    /// <summary>Whether <paramref name="readerName"/> is one this kiosk uses.</summary>
    public bool Matches(string readerName) =>
        _readerFilter is null || readerName.Contains(_readerFilter, StringComparison.OrdinalIgnoreCase);

    public void ReaderAdded(string readerName) => Update(readerName, had => had);

    public void ReaderRemoved(string readerName)
    {
        lock (_gate)
        {
            _readers.Remove(readerName);
        }
    }

    public void CardInserted(string readerName) => Update(readerName, _ => true);

    public void CardRemoved(string readerName) => Update(readerName, _ => false);

    public void ServiceLost()
    {
        lock (_gate)
        {
            _serviceLost = true;
            _readers.Clear();
        }
    }

    public void ServiceRestored()
    {
        lock (_gate)
        {
            _serviceLost = false;
        }
    }

    public void ReadSucceeded(CitizenIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        lock (_gate)
        {
            _readsOk++;
            _lastReadOk = _time.GetUtcNow();
            if (identity.Authenticity.Status == CardAuthenticityStatus.Invalid)
            {
                _authenticityFailures++;
            }
        }
    }

    public void ReadFailed(CardReadFailure failure)
    {
        lock (_gate)
        {
            _readErrors++;
            if (failure == CardReadFailure.WrongKey)
            {
                _wrongKey++;
            }
            else if (failure == CardReadFailure.CardRemoved)
            {
                _cardRemoved++;
            }
        }
    }

    /// <summary>The first matching reader (by name order), or null when none is connected.</summary>
    public string? ReaderName
    {
        get
        {
            lock (_gate)
            {
                return _readers.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
            }
        }
    }

    /// <summary>The first matching reader with a card on it, or null.</summary>
    public string? ReaderWithCard
    {
        get
        {
            lock (_gate)
            {
                return _readers.Where(r => r.Value).Select(r => r.Key).Order(StringComparer.Ordinal).FirstOrDefault();
            }
        }
    }

    public DeviceReading Reading
    {
        get
        {
            lock (_gate)
            {
                if (_serviceLost)
                {
                    return new DeviceReading(DeviceStatus.Faulty, "Dịch vụ thẻ thông minh (pcscd) không chạy");
                }

                return _readers.Count == 0
                    ? new DeviceReading(DeviceStatus.Faulty, "Không tìm thấy đầu đọc thẻ")
                    : DeviceReading.Present;
            }
        }
    }

    public IReadOnlyDictionary<string, SparkplugValue> Metrics
    {
        get
        {
            lock (_gate)
            {
                var name = _readers.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
                return new Dictionary<string, SparkplugValue>(StringComparer.Ordinal)
                {
                    [CardMetrics.ReaderPresent] = SparkplugValue.Of(name is not null),
                    [CardMetrics.ReaderName] = SparkplugValue.Of(name ?? string.Empty),
                    [CardMetrics.CardPresent] = SparkplugValue.Of(_readers.Values.Any(c => c)),
                    [CardMetrics.LastReadOkAt] = SparkplugValue.Of(_lastReadOk is { } at ? at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : string.Empty),
                    [CardMetrics.ReadsOk] = SparkplugValue.OfUInt64(_readsOk),
                    [CardMetrics.ReadErrors] = SparkplugValue.OfUInt64(_readErrors),
                    [CardMetrics.WrongKeyErrors] = SparkplugValue.OfUInt64(_wrongKey),
                    [CardMetrics.CardRemovedErrors] = SparkplugValue.OfUInt64(_cardRemoved),
                    [CardMetrics.AuthenticityFailures] = SparkplugValue.OfUInt64(_authenticityFailures),
                };
            }
        }
    }

    private void Update(string readerName, Func<bool, bool> cardPresent)
    {
        if (!Matches(readerName))
        {
            return;
        }

        lock (_gate)
        {
            _serviceLost = false;
            _readers[readerName] = cardPresent(_readers.TryGetValue(readerName, out var had) && had);
        }
    }
}
