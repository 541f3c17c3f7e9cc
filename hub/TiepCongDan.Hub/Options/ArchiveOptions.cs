namespace TiepCongDan.Hub.Options;

/// <summary>Section "Hub:Media:Archive".</summary>
public sealed class ArchiveOptions
{
    /// <summary>Days a closed session is kept; 0 = for ever. Legal holds are not deleted.</summary>
    public int RetentionDays { get; set; } = 3650;

    /// <summary>PEM of the hub's manifest signing key (ECDSA P-256); empty = {DataDirectory}/keys/archive-signing.pem, created when missing.</summary>
    public string SigningKeyPath { get; set; } = string.Empty;
}
