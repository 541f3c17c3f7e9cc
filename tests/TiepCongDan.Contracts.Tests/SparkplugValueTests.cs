using Google.Protobuf;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;

namespace TiepCongDan.Contracts.Tests;

public sealed class SparkplugValueTests
{
    public static TheoryData<SparkplugValue> Values() => new()
    {
        SparkplugValue.Of(true),
        SparkplugValue.Of(42.5),
        SparkplugValue.Of("Trạm Tiếp công dân xã Nà Nghịu"),
        SparkplugValue.OfInt64(-7),
        SparkplugValue.OfUInt32(0x50005),
        SparkplugValue.OfUInt64(ulong.MaxValue),
        SparkplugValue.Null(SparkplugDataType.Double),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_value_survives_the_wire(SparkplugValue value)
    {
        var payload = new Payload { Timestamp = 1_700_000_000_000, Seq = 3 };
        payload.Metrics.Add(MetricFactory.Create("System/Test", 7, value, 1_700_000_000_000, historical: true));

        var received = Payload.Parser.ParseFrom(payload.ToByteArray());
        var metric = Assert.Single(received.Metrics);

        Assert.Equal(value, SparkplugValue.ReadFrom(metric));
        Assert.Equal(7ul, metric.Alias);
        Assert.True(metric.IsHistorical);
        Assert.Equal("System/Test", metric.Name);
    }

    [Fact]
    public void A_metric_whose_value_field_disagrees_with_its_datatype_is_unreadable()
    {
        var metric = new Payload.Types.Metric { Name = "x", Datatype = (uint)SparkplugDataType.Double, StringValue = "not a number" };
        Assert.Null(SparkplugValue.ReadFrom(metric));
    }

    [Fact]
    public void A_data_message_without_datatype_is_read_with_the_type_from_its_birth()
    {
        var metric = new Payload.Types.Metric { Alias = 4, DoubleValue = 51.5 };
        Assert.Equal(SparkplugValue.Of(51.5), SparkplugValue.ReadFrom(metric, SparkplugDataType.Double));
    }

    [Fact]
    public void Garbage_bytes_do_not_parse_as_a_payload()
    {
        var garbage = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01 };
        Assert.ThrowsAny<InvalidProtocolBufferException>(() => Payload.Parser.ParseFrom(garbage));
    }
}
