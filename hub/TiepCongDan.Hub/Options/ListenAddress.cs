using System.Net;

namespace TiepCongDan.Hub.Options;

/// <summary>An address and port to listen on, parsed from configuration.</summary>
public sealed record ListenAddress(IPAddress Address, int Port)
{
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    public override string ToString() => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? $"[{Address}]:{Port}"
        : $"{Address}:{Port}";

    /// <summary>Parses a host as written by a technician: an IP, "localhost", or "*", "+", "0.0.0.0" for every interface.</summary>
    public static bool TryParseHost(string? host, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        host = host.Trim().Trim('[', ']');
        if (host is "*" or "+")
        {
            address = IPAddress.Any;
            return true;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
            return true;
        }

        return IPAddress.TryParse(host, out address!);
    }

    /// <summary>Parses "http://host:port"; only plain http is served (TLS belongs to a reverse proxy).</summary>
    public static bool TryParseHttpUrl(string url, out ListenAddress? listen, out string error)
    {
        listen = null;
        error = string.Empty;
        var trimmed = url.Trim();
        const string prefix = "http://";
        if (!trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            error = $"Hub:Http:Urls entry '{url}' must start with http:// (put a TLS reverse proxy in front for https).";
            return false;
        }

        var hostPort = trimmed[prefix.Length..].TrimEnd('/');
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort[(colon + 1)..], out var port) || port is < 0 or > 65535)
        {
            error = $"Hub:Http:Urls entry '{url}' needs a host and a port, e.g. http://127.0.0.1:8080.";
            return false;
        }

        if (!TryParseHost(hostPort[..colon], out var address))
        {
            error = $"Hub:Http:Urls entry '{url}': '{hostPort[..colon]}' is not an IP address, localhost or *.";
            return false;
        }

        listen = new ListenAddress(address, port);
        return true;
    }
}
