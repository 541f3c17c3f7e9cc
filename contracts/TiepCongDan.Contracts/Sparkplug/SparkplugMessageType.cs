namespace TiepCongDan.Contracts.Sparkplug;

/// <summary>The Sparkplug B 3.0 message types that appear in a topic's third level.</summary>
public enum SparkplugMessageType
{
    NBIRTH,
    NDEATH,
    NDATA,
    NCMD,
    DBIRTH,
    DDEATH,
    DDATA,
    DCMD,
}
