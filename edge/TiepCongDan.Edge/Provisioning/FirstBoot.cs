using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using TiepCongDan.Contracts.Provisioning;

namespace TiepCongDan.Edge.Provisioning;

/// <summary>
/// A kiosk's first boot (decision 0023): opens the bundle from the boot partition (signature,
/// certificate and code checked before anything is written), installs the secrets (0600) and keys,
/// merges edge.json, writes provisioned.json, and only then deletes the bundle. Every step is a
/// rename of a complete file, so a power cut anywhere leaves either the bundle (and a run again
/// installs the same files) or a complete installation. Then it enrols with the hub; a run without
/// a bundle on an installed kiosk only retries that.
/// </summary>
public static class FirstBoot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <exception cref="KioskBundleRejectedException">The bundle or the code is not right; nothing was installed.</exception>
    /// <exception cref="FileNotFoundException">No bundle and no installation.</exception>
    public static async Task<FirstBootResult> RunAsync(FirstBootSettings settings, HttpMessageHandler? hubHandler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(settings.BundlePath))
        {
            var marker = ReadMarker(settings) ?? throw new FileNotFoundException(
                $"Không có gói cấu hình {settings.BundlePath} và ki-ốt chưa được cài đặt. / No bundle at {settings.BundlePath} and the kiosk is not provisioned yet.",
                settings.BundlePath);
            return await EnrollAgainAsync(settings, marker, hubHandler, cancellationToken);
        }

        var bytes = await File.ReadAllBytesAsync(settings.BundlePath, cancellationToken);
        using var pinned = LoadPinned(settings.PinnedFleetCaPath);
        var contents = KioskBundle.Open(bytes, settings.Code ?? string.Empty, pinned);
        var paths = Install(settings, contents);

        var installed = new ProvisionedMarker(contents.Public.BundleId, contents.Public.KioskId, contents.Public.HubUrl, DateTimeOffset.UtcNow, null);
        SecretFiles.WriteText(settings.MarkerPath, JsonSerializer.Serialize(installed, Json));
        SecretFiles.GiveToServiceUser([settings.SecretsDirectory, settings.ConfigPath, settings.MarkerPath, paths.MediaKey, paths.ReceptionKey], FirstBootSettings.ServiceUser);

        // Only now is everything in place: the secrets leave the boot partition.
        File.Delete(settings.BundlePath);

        return await EnrollAgainAsync(settings, installed, hubHandler, cancellationToken) with { Installed = true };
    }

    private static InstalledPaths Install(FirstBootSettings settings, KioskBundleContents contents)
    {
        var paths = new InstalledPaths(settings.SecretsDirectory, settings.DataDirectory);
        var secrets = contents.Secrets;
        var mediaKey = Convert.FromBase64String(secrets.MediaKey);
        var receptionKey = Convert.FromBase64String(secrets.ReceptionKey);
        if (mediaKey.Length != 32 || receptionKey.Length != 32)
        {
            throw new KioskBundleRejectedException(
                "Khoá mã hoá trong gói không đúng độ dài. Không cài đặt gì.",
                "An encryption key in the bundle has the wrong length. Nothing installed.");
        }

        SecretFiles.EnsureDirectory(settings.SecretsDirectory);
        SecretFiles.WriteText(paths.MqttPassword, secrets.MqttPassword + "\n");
        SecretFiles.WriteText(paths.SrtPassphrase, secrets.SrtPassphrase + "\n");
        SecretFiles.WriteText(paths.ClientKey, secrets.ClientKeyPem);
        SecretFiles.WriteText(paths.ClientCertificate, contents.Public.ClientCertificatePem);
        SecretFiles.WriteText(paths.FleetCa, contents.Public.FleetCaCertificatePem);
        InstallKey(paths.MediaKey, mediaKey, contents.Public.BundleId);
        InstallKey(paths.ReceptionKey, receptionKey, contents.Public.BundleId);

        if (contents.Public.NtpServers.Count > 0)
        {
            // Not secret, and systemd-timesyncd (its own user) must read it: 0644. "NTP=" first
            // empties the list the image's drop-in set, then the province's servers.
            SecretFiles.WriteText(settings.TimesyncDropInPath,
                $"# Written by tcd-edge firstboot from bundle {contents.Public.BundleId}.\n[Time]\nNTP=\nNTP={string.Join(' ', contents.Public.NtpServers)}\n",
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var existing = File.Exists(settings.ConfigPath) ? File.ReadAllText(settings.ConfigPath) : null;
        SecretFiles.WriteText(settings.ConfigPath, EdgeConfigWriter.Merge(existing, contents.Public, paths, settings.DataDirectory));
        return paths;
    }

    /// <summary>A different key already there (a re-provisioned kiosk) is kept beside, never destroyed: it still opens older recordings.</summary>
    private static void InstallKey(string path, byte[] key, string bundleId)
    {
        if (File.Exists(path))
        {
            if (File.ReadAllBytes(path).AsSpan().SequenceEqual(key))
            {
                return;
            }

            File.Move(path, $"{path}.before-{bundleId}", overwrite: true);
        }

        SecretFiles.Write(path, key);
    }

    private static async Task<FirstBootResult> EnrollAgainAsync(FirstBootSettings settings, ProvisionedMarker marker, HttpMessageHandler? hubHandler, CancellationToken cancellationToken)
    {
        if (marker.EnrolledAt is not null || !settings.Enroll)
        {
            return new FirstBootResult(marker.KioskId, false, marker.EnrolledAt is not null, null);
        }

        var password = (await File.ReadAllTextAsync(new InstalledPaths(settings.SecretsDirectory, settings.DataDirectory).MqttPassword, cancellationToken)).Trim();
        var problem = await KioskEnroller.EnrollAsync(marker.HubUrl, marker.KioskId, password, hubHandler, cancellationToken);
        if (problem is null)
        {
            SecretFiles.WriteText(settings.MarkerPath, JsonSerializer.Serialize(marker with { EnrolledAt = DateTimeOffset.UtcNow }, Json));
        }

        return new FirstBootResult(marker.KioskId, false, problem is null, problem);
    }

    private static ProvisionedMarker? ReadMarker(FirstBootSettings settings) =>
        File.Exists(settings.MarkerPath) && File.Exists(settings.ConfigPath)
            ? JsonSerializer.Deserialize<ProvisionedMarker>(File.ReadAllText(settings.MarkerPath), Json)
            : null;

    private static X509Certificate2? LoadPinned(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(path));
        }
        catch (CryptographicException ex)
        {
            throw new KioskBundleRejectedException(
                $"Không đọc được chứng thư CA của hệ thống {path} trong ảnh hệ điều hành. Không cài đặt gì.",
                $"The image's fleet CA certificate {path} cannot be read. Nothing installed.", ex);
        }
    }
}
