namespace TiepCongDan.Edge.Provisioning;

/// <summary>Where first boot puts each secret (all 0600, owner tcd-edge when that user exists).</summary>
internal sealed record InstalledPaths(string SecretsDirectory, string DataDirectory)
{
    public string MqttPassword => Path.Combine(SecretsDirectory, "mqtt-password");

    public string SrtPassphrase => Path.Combine(SecretsDirectory, "srt-passphrase");

    public string ClientCertificate => Path.Combine(SecretsDirectory, "client.pem");

    public string ClientKey => Path.Combine(SecretsDirectory, "client.key");

    public string FleetCa => Path.Combine(SecretsDirectory, "fleet-ca.pem");

    /// <summary>The media-at-rest key, where the edge looks by default ({DataDirectory}/keys/media.key).</summary>
    public string MediaKey => Path.Combine(DataDirectory, "keys", "media.key");

    /// <summary>The reception journal's key ({DataDirectory}/reception.key, as SqliteReceptionJournal reads it).</summary>
    public string ReceptionKey => Path.Combine(DataDirectory, "reception.key");
}
