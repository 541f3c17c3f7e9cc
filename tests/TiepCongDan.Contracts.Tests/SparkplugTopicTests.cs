using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Contracts.Tests;

public sealed class SparkplugTopicTests
{
    [Theory]
    [InlineData("spBv1.0/14/NBIRTH/14-04171", SparkplugMessageType.NBIRTH, null)]
    [InlineData("spBv1.0/14/NDATA/14-04171", SparkplugMessageType.NDATA, null)]
    [InlineData("spBv1.0/14/DDATA/14-04171/camera", SparkplugMessageType.DDATA, "camera")]
    [InlineData("spBv1.0/14/DCMD/14-04171/card-reader", SparkplugMessageType.DCMD, "card-reader")]
    public void Parses_well_formed_topics_and_formats_them_back(string topic, SparkplugMessageType type, string? device)
    {
        Assert.True(SparkplugTopic.TryParse(topic, out var parsed));
        Assert.Equal("14", parsed.GroupId);
        Assert.Equal("14-04171", parsed.EdgeNodeId);
        Assert.Equal(type, parsed.MessageType);
        Assert.Equal(device, parsed.DeviceId);
        Assert.Equal(topic, parsed.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("spBv1.0/14/NBIRTH")]
    [InlineData("spBv2.0/14/NBIRTH/14-04171")]
    [InlineData("spBv1.0/14/nbirth/14-04171")]
    [InlineData("spBv1.0/14/NFOO/14-04171")]
    [InlineData("spBv1.0/14/7/14-04171")]
    [InlineData("spBv1.0/14/NDATA/14-04171/camera")]
    [InlineData("spBv1.0/14/DDATA/14-04171")]
    [InlineData("spBv1.0//NDATA/14-04171")]
    [InlineData("spBv1.0/14/DDATA/14-04171/camera/extra")]
    [InlineData("spBv1.0/STATE/tcd-hub")]
    public void Rejects_malformed_topics(string? topic)
    {
        Assert.False(SparkplugTopic.TryParse(topic, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void Builds_node_device_and_state_topics()
    {
        Assert.Equal("spBv1.0/01/NCMD/01-00001", SparkplugTopic.Node("01", SparkplugMessageType.NCMD, "01-00001"));
        Assert.Equal("spBv1.0/01/DBIRTH/01-00001/display", SparkplugTopic.Device("01", SparkplugMessageType.DBIRTH, "01-00001", "display"));
        Assert.Equal("spBv1.0/STATE/tcd-hub", SparkplugTopic.StateTopic("tcd-hub"));
    }
}
