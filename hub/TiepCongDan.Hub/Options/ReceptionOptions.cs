namespace TiepCongDan.Hub.Options;

/// <summary>Section "Hub:Reception": the reception register kiosks send their session events to.</summary>
public sealed class ReceptionOptions
{
    /// <summary>
    /// 32 random bytes that encrypt the register's citizen data and key its citizen references;
    /// empty = {DataDirectory}/keys/reception-citizen.key, created 0600 when missing. Losing it makes the
    /// stored citizens unreadable, so it is backed up with the hub's other keys.
    /// </summary>
    public string KeyPath { get; set; } = string.Empty;

    /// <summary>How often case kinds and citizen references waiting for their archive session are retried (seconds, 1-3600).</summary>
    public int ArchiveLinkIntervalSeconds { get; set; } = 2;
}
