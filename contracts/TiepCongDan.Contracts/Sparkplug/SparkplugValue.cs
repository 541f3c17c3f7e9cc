using System.Globalization;
using TiepCongDan.Contracts.Sparkplug.Protobuf;

namespace TiepCongDan.Contracts.Sparkplug;

/// <summary>
/// One metric value with its Sparkplug data type. Immutable; compares by value, so a publisher
/// can tell "changed" from "same" for report-by-exception.
/// </summary>
public readonly record struct SparkplugValue
{
    private SparkplugValue(SparkplugDataType dataType, object? value)
    {
        DataType = dataType;
        Value = value;
    }

    public SparkplugDataType DataType { get; }

    /// <summary>bool, long, ulong, double or string; null means the Sparkplug <c>is_null</c> value.</summary>
    public object? Value { get; }

    public static SparkplugValue Of(bool value) => new(SparkplugDataType.Boolean, value);
    public static SparkplugValue Of(double value) => new(SparkplugDataType.Double, value);
    public static SparkplugValue Of(string value) => new(SparkplugDataType.String, value);
    public static SparkplugValue OfInt64(long value) => new(SparkplugDataType.Int64, value);
    public static SparkplugValue OfUInt32(uint value) => new(SparkplugDataType.UInt32, (ulong)value);
    public static SparkplugValue OfUInt64(ulong value) => new(SparkplugDataType.UInt64, value);
    public static SparkplugValue Null(SparkplugDataType type) => new(type, null);

    public void WriteTo(Payload.Types.Metric metric)
    {
        switch (Value)
        {
            case null:
                metric.IsNull = true;
                break;
            case bool b:
                metric.BooleanValue = b;
                break;
            case double d:
                metric.DoubleValue = d;
                break;
            case string s:
                metric.StringValue = s;
                break;
            case long l:
                metric.LongValue = unchecked((ulong)l);
                break;
            case ulong u when DataType is SparkplugDataType.UInt32:
                metric.IntValue = (uint)u;
                break;
            case ulong u:
                metric.LongValue = u;
                break;
            default:
                throw new InvalidOperationException($"Unsupported value type {Value.GetType()}.");
        }
    }

    /// <summary>Reads a received metric's value, or null when its type or value field is unusable.</summary>
    public static SparkplugValue? ReadFrom(Payload.Types.Metric metric, SparkplugDataType knownType = SparkplugDataType.Unknown)
    {
        var type = metric.HasDatatype ? (SparkplugDataType)metric.Datatype : knownType;
        if (metric.HasIsNull && metric.IsNull)
        {
            return Null(type);
        }

        return type switch
        {
            SparkplugDataType.Boolean when metric.ValueCase == Payload.Types.Metric.ValueOneofCase.BooleanValue => Of(metric.BooleanValue),
            SparkplugDataType.Double when metric.ValueCase == Payload.Types.Metric.ValueOneofCase.DoubleValue => Of(metric.DoubleValue),
            SparkplugDataType.Float when metric.ValueCase == Payload.Types.Metric.ValueOneofCase.FloatValue => Of(metric.FloatValue),
            SparkplugDataType.String or SparkplugDataType.Text when metric.ValueCase == Payload.Types.Metric.ValueOneofCase.StringValue => Of(metric.StringValue),
            SparkplugDataType.Int8 or SparkplugDataType.Int16 or SparkplugDataType.Int32 when metric.ValueCase == Payload.Types.Metric.ValueOneofCase.IntValue => OfInt64(unchecked((int)metric.IntValue)),
            SparkplugDataType.UInt8 or SparkplugDataType.UInt16 or SparkplugDataType.UInt32 when metric.ValueCase == Payload.Types.Metric.ValueOneofCase.IntValue => OfUInt32(metric.IntValue),
            SparkplugDataType.Int64 when metric.ValueCase == Payload.Types.Metric.ValueOneofCase.LongValue => OfInt64(unchecked((long)metric.LongValue)),
            SparkplugDataType.UInt64 or SparkplugDataType.DateTime when metric.ValueCase == Payload.Types.Metric.ValueOneofCase.LongValue => OfUInt64(metric.LongValue),
            _ => null,
        };
    }

    public override string ToString() => Value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
