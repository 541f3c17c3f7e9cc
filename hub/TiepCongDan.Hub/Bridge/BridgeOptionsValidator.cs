using System.Net;
using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Bridge;

/// <summary>One sentence per wrong "Hub:Media:Bridge" key, checked at start.</summary>
public sealed class BridgeOptionsValidator : IValidateOptions<BridgeOptions>
{
    public ValidateOptionsResult Validate(string? name, BridgeOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> Check(BridgeOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var errors = new List<string>();
        const string key = BridgeOptions.SectionName;
        if (o.Port is < 0 or > 65535)
        {
            errors.Add($"{key}:Port is {o.Port}: use 1 to 65535, or 0 to turn the bridge listener off.");
        }

        if (!IPAddress.TryParse(o.BindAddress, out _))
        {
            errors.Add($"{key}:BindAddress '{o.BindAddress}' is not an IP address (0.0.0.0 for every interface).");
        }

        if (o.LatencyMs is < 20 or > 10000)
        {
            errors.Add($"{key}:LatencyMs is {o.LatencyMs}: use 20 to 10000.");
        }

        if (o.QueueMessages is < 16 or > 1_000_000)
        {
            errors.Add($"{key}:QueueMessages is {o.QueueMessages}: use 16 to 1000000 (2048 holds about 10 s at 2 Mbit/s).");
        }

        if (o.ReconnectMinMs < 10 || o.ReconnectMaxMs < o.ReconnectMinMs || o.ReconnectMaxMs > 600_000)
        {
            errors.Add($"{key}:ReconnectMinMs/ReconnectMaxMs are {o.ReconnectMinMs}/{o.ReconnectMaxMs}: use at least 10 ms, max not below min, at most 600000.");
        }

        if (o.ComposeLayout is not ("grid" or "pip"))
        {
            errors.Add($"{key}:ComposeLayout '{o.ComposeLayout}' must be grid or pip.");
        }

        if (o.ComposeWidth is < 64 or > 3840 || o.ComposeHeight is < 64 or > 2160 || o.ComposeWidth % 4 != 0 || o.ComposeHeight % 4 != 0)
        {
            errors.Add($"{key}:ComposeWidth x ComposeHeight is {o.ComposeWidth}x{o.ComposeHeight}: use multiples of 4 from 64x64 to 3840x2160.");
        }

        if (o.ComposeVideoKbps is < 100 or > 20000)
        {
            errors.Add($"{key}:ComposeVideoKbps is {o.ComposeVideoKbps}: use 100 to 20000.");
        }

        if (string.IsNullOrWhiteSpace(o.FfmpegPath))
        {
            errors.Add($"{key}:FfmpegPath is empty: set the ffmpeg program (Debian package ffmpeg).");
        }

        return errors;
    }
}
