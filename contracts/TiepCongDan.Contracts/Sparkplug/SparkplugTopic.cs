using System.Diagnostics.CodeAnalysis;

namespace TiepCongDan.Contracts.Sparkplug;

/// <summary>
/// A parsed Sparkplug B topic: <c>spBv1.0/{group}/{type}/{edgeNode}[/{device}]</c>.
/// Group is the province code, edge node the kiosk id, device one of <see cref="Fleet.DeviceKinds"/>.
/// </summary>
public sealed record SparkplugTopic(string GroupId, SparkplugMessageType MessageType, string EdgeNodeId, string? DeviceId = null)
{
    public const string Namespace = "spBv1.0";

    /// <summary>The retained topic where a primary host announces whether it is online.</summary>
    public static string StateTopic(string hostId) => $"{Namespace}/STATE/{hostId}";

    public static string Node(string groupId, SparkplugMessageType type, string edgeNodeId) =>
        new SparkplugTopic(groupId, type, edgeNodeId).ToString();

    public static string Device(string groupId, SparkplugMessageType type, string edgeNodeId, string deviceId) =>
        new SparkplugTopic(groupId, type, edgeNodeId, deviceId).ToString();

    public bool IsDeviceMessage => DeviceId is not null;

    public override string ToString() => DeviceId is null
        ? $"{Namespace}/{GroupId}/{MessageType}/{EdgeNodeId}"
        : $"{Namespace}/{GroupId}/{MessageType}/{EdgeNodeId}/{DeviceId}";

    /// <summary>Parses a topic; false for anything that is not a well-formed Sparkplug B node or device topic.</summary>
    public static bool TryParse(string? topic, [NotNullWhen(true)] out SparkplugTopic? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(topic))
        {
            return false;
        }

        var parts = topic.Split('/');
        if (parts.Length is < 4 or > 5 || parts[0] != Namespace)
        {
            return false;
        }

        if (!Enum.TryParse<SparkplugMessageType>(parts[2], ignoreCase: false, out var type) || !Enum.IsDefined(type)
            || parts[2] != type.ToString())
        {
            return false;
        }

        var isDeviceType = type is SparkplugMessageType.DBIRTH or SparkplugMessageType.DDEATH
            or SparkplugMessageType.DDATA or SparkplugMessageType.DCMD;
        if (isDeviceType != (parts.Length == 5))
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                return false;
            }
        }

        parsed = new SparkplugTopic(parts[1], type, parts[3], parts.Length == 5 ? parts[4] : null);
        return true;
    }
}
