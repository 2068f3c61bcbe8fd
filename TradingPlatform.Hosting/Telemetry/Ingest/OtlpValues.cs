using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Collections;
using TradingPlatform.Hosting.Telemetry.Otlp.Common.V1;
using TradingPlatform.Hosting.Telemetry.Otlp.Resource.V1;

namespace TradingPlatform.Hosting.Telemetry.Ingest;

/// <summary>Turns OTLP wire values into the dashboard's text forms: ids, times, attribute values, resource identity.</summary>
internal static class OtlpValues
{
    /// <summary>What the SDKs themselves report when no service name was configured.</summary>
    public const string UnknownService = "unknown_service";

    public static string Id(ByteString bytes) =>
        bytes.IsEmpty || IsAllZero(bytes.Span) ? string.Empty : Convert.ToHexStringLower(bytes.Span);

    /// <summary>OTLP times are Unix nanoseconds; 0 means unknown.</summary>
    public static DateTime Time(ulong unixNanos) =>
        DateTime.UnixEpoch.AddTicks((long)Math.Min(unixNanos / 100, (ulong)(DateTime.MaxValue - DateTime.UnixEpoch).Ticks));

    public static (string Name, string InstanceId) Identity(Resource? resource)
    {
        string? name = null;
        string? instance = null;
        if (resource is not null)
        {
            foreach (var attribute in resource.Attributes)
            {
                if (attribute.Key == "service.name")
                {
                    name = Text(attribute.Value);
                }
                else if (attribute.Key == "service.instance.id")
                {
                    instance = Text(attribute.Value);
                }
            }
        }

        return (string.IsNullOrEmpty(name) ? UnknownService : name, instance ?? string.Empty);
    }

    public static TelemetryAttribute[] Attributes(RepeatedField<KeyValue> attributes)
    {
        if (attributes.Count == 0)
        {
            return [];
        }

        var result = new TelemetryAttribute[attributes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new TelemetryAttribute(attributes[i].Key, Text(attributes[i].Value));
        }

        return result;
    }

    public static string Text(AnyValue? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        return value.ValueCase switch
        {
            AnyValue.ValueOneofCase.StringValue => value.StringValue,
            AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
            AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
            AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToBase64(),
            AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Text)) + "]",
            AnyValue.ValueOneofCase.KvlistValue => KeyValueListText(value.KvlistValue),
            _ => string.Empty,
        };
    }

    private static string KeyValueListText(KeyValueList list)
    {
        var text = new StringBuilder("{");
        foreach (var pair in list.Values)
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            text.Append(pair.Key).Append(": ").Append(Text(pair.Value));
        }

        return text.Append('}').ToString();
    }

    private static bool IsAllZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);
}
