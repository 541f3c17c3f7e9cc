namespace TiepCongDan.Hub.Alerts;

/// <summary>One receiver of alert notifications (Hub:Alerts:Webhooks:{n}): a URL, optionally only some provinces.</summary>
public sealed class AlertWebhookOptions
{
    /// <summary>http(s) URL the hub POSTs a JSON notification to on open, acknowledge and close.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Province codes this receiver wants; empty = every province.</summary>
    public List<string> Provinces { get; set; } = [];

    public bool Wants(string province) => Provinces.Count == 0 || Provinces.Contains(province, StringComparer.Ordinal);
}
