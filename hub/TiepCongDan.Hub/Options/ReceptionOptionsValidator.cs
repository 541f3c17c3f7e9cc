namespace TiepCongDan.Hub.Options;

/// <summary>Checks "Hub:Reception" with the rest of the configuration at start.</summary>
public static class ReceptionOptionsValidator
{
    public static void Validate(ReceptionOptions reception, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(reception);
        ArgumentNullException.ThrowIfNull(errors);
        if (reception.ArchiveLinkIntervalSeconds is < 1 or > 3600)
        {
            errors.Add($"Hub:Reception:ArchiveLinkIntervalSeconds {reception.ArchiveLinkIntervalSeconds} must be between 1 and 3600.");
        }

        if (!string.IsNullOrWhiteSpace(reception.KeyPath) && Directory.Exists(reception.KeyPath))
        {
            errors.Add($"Hub:Reception:KeyPath '{reception.KeyPath}' is a folder; give the key file's path (it is created when missing).");
        }
    }
}
