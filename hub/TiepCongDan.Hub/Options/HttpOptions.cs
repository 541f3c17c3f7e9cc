namespace TiepCongDan.Hub.Options;

public sealed class HttpOptions
{
    /// <summary>Semicolon-separated http:// addresses for the API and the fleet page.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Must be true to serve plain HTTP on a non-loopback address (normally behind a TLS reverse proxy).</summary>
    public bool AllowNonLoopback { get; set; }
}
