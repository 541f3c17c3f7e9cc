using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Card.Service;

/// <summary>The card-reader device as the fleet sees it: the real reader's health.</summary>
internal sealed class CardReaderDevicePort(CardReaderHealth health) : IDevicePort
{
    public string Kind => DeviceKinds.CardReader;

    public DeviceReading Current => health.Reading;

    public IReadOnlyDictionary<string, SparkplugValue> Metrics => health.Metrics;
}
