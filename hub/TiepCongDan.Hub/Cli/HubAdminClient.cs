using System.Net.Http.Headers;
using System.Text;

namespace TiepCongDan.Hub.Cli;

/// <summary>The admin's HTTP client for the CLI commands that call the hub's API (--api-url, --admin-user, password from TCD_ADMIN_PASSWORD or --admin-password-file).</summary>
internal static class HubAdminClient
{
    public static HttpClient? Create(Dictionary<string, string> options, string? defaultUrl, TextWriter stderr, string command)
    {
        var url = options.GetValueOrDefault("api-url") ?? defaultUrl;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseAddress))
        {
            stderr.WriteLine($"tcd-hub {command}: --api-url URL (the hub's HTTP address, e.g. https://hub.tinh14.example) is required.");
            return null;
        }

        var password = options.TryGetValue("admin-password-file", out var file)
            ? File.ReadAllText(file).Trim()
            : Environment.GetEnvironmentVariable("TCD_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            stderr.WriteLine($"tcd-hub {command}: the admin's password is needed: set TCD_ADMIN_PASSWORD or give --admin-password-file FILE.");
            return null;
        }

        var user = options.GetValueOrDefault("admin-user", "admin");
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }
}
