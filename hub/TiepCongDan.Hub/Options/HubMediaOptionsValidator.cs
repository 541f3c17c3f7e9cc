using System.Net;

namespace TiepCongDan.Hub.Options;

/// <summary>The "Hub:Media" part of <see cref="HubOptionsValidator"/>: one sentence per mistake, naming the key.</summary>
internal static class HubMediaOptionsValidator
{
    public static void Validate(HubMediaOptions media, List<string> errors)
    {
        var ingest = media.Ingest;
        if (ingest.Port is < 0 or > 65535)
        {
            errors.Add($"Hub:Media:Ingest:Port is {ingest.Port}: use 1 to 65535, or 0 to turn the SRT ingest off.");
        }

        if (!IPAddress.TryParse(ingest.BindAddress, out _))
        {
            errors.Add($"Hub:Media:Ingest:BindAddress '{ingest.BindAddress}' is not an IP address (0.0.0.0 for every interface).");
        }

        if (ingest.LatencyMs is < 20 or > 10000)
        {
            errors.Add($"Hub:Media:Ingest:LatencyMs is {ingest.LatencyMs}: use 20 to 10000.");
        }

        if (ingest.MaxSessions is < 1 or > 10000)
        {
            errors.Add($"Hub:Media:Ingest:MaxSessions is {ingest.MaxSessions}: use 1 to 10000.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < media.Points.Count; i++)
        {
            ValidatePoint(media.Points[i], $"Hub:Media:Points:{i}", ids, errors);
        }

        if (media.Archive.RetentionDays < 0)
        {
            errors.Add($"Hub:Media:Archive:RetentionDays is {media.Archive.RetentionDays}: use 0 (keep for ever) or a number of days.");
        }
    }

    private static void ValidatePoint(ReceptionPointOptions point, string key, HashSet<string> ids, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(point.Id) || point.Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            errors.Add($"{key}:Id '{point.Id}' must be a short id of letters, digits, '-' or '_', e.g. tinh-14.");
        }
        else if (!ids.Add(point.Id))
        {
            errors.Add($"{key}:Id '{point.Id}' is used by another point.");
        }

        if (point.Provinces.Count == 0)
        {
            errors.Add($"{key}:Provinces is empty: list the province codes it receives (e.g. [\"14\"]) or [\"*\"] for all.");
        }

        if (point.Mode is not ("caller" or "listener"))
        {
            errors.Add($"{key}:Mode '{point.Mode}' must be caller (the hub pushes to the point) or listener (the point pulls).");
        }
        else if (point.Mode == "caller" && (string.IsNullOrWhiteSpace(point.Host) || point.Port is < 1 or > 65535))
        {
            errors.Add($"{key}: a caller point needs Host and Port of the point's SRT listener.");
        }

        var passphrase = point.Passphrase;
        if (string.IsNullOrEmpty(passphrase) && !string.IsNullOrWhiteSpace(point.PassphraseFile))
        {
            passphrase = File.Exists(point.PassphraseFile) ? File.ReadLines(point.PassphraseFile).FirstOrDefault()?.Trim() : null;
            if (passphrase is null)
            {
                errors.Add($"{key}:PassphraseFile '{point.PassphraseFile}' does not exist or is empty.");
                return;
            }
        }

        if (string.IsNullOrEmpty(passphrase))
        {
            errors.Add($"{key}: set Passphrase or PassphraseFile (10-79 characters): sessions are never bridged unencrypted.");
        }
        else if (passphrase.Length is < 10 or > 79)
        {
            errors.Add($"{key}: the passphrase has {passphrase.Length} characters; SRT needs 10 to 79.");
        }
    }
}
