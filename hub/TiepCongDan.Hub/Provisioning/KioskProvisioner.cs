using System.Security.Cryptography;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Provisioning;
using TiepCongDan.Hub.Broker;

namespace TiepCongDan.Hub.Provisioning;

/// <summary>
/// Makes one kiosk's identity and its sealed bundle: the client certificate from the fleet CA, the
/// MQTT password and SRT passphrase derived from the fleet secret (decision 0003, unchanged), fresh
/// media and reception keys, the hub's endpoints; sealed under a new one-time code (decision 0023).
/// </summary>
public static class KioskProvisioner
{
    public static ProvisionedKiosk Create(ProvisioningRequest request, FleetSecret secret, FleetCertificateAuthority ca, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kioskId = KioskId.Create(request.Province, request.Commune, request.Number);
        var (certificate, certificatePem, keyPem) = ca.IssueClient(kioskId, time);
        using (certificate)
        {
            var publicPart = new KioskBundlePublic
            {
                BundleId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
                KioskId = kioskId,
                Province = request.Province,
                Commune = request.Commune,
                HubUrl = request.HubUrl,
                MqttHost = request.MqttHost,
                MqttPort = request.MqttPort,
                MqttUseTls = request.MqttUseTls,
                SrtHost = string.IsNullOrWhiteSpace(request.SrtHost) ? request.MqttHost : request.SrtHost,
                SrtPort = request.SrtPort,
                NtpServers = request.NtpServers.Count > 0 ? request.NtpServers : [new Uri(request.HubUrl).Host],
                ClientCertificatePem = certificatePem,
                CertificateFingerprint = KioskBundle.Fingerprint(certificate),
                FleetCaCertificatePem = ca.CertificatePem,
                CreatedAt = time.GetUtcNow(),
            };
            var secrets = new KioskBundleSecrets
            {
                MqttPassword = DeviceCredentials.DerivePassword(secret.Bytes, kioskId),
                SrtPassphrase = MediaCredentials.DeriveSrtPassphrase(secret.Bytes, kioskId),
                ClientKeyPem = keyPem,
                MediaKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ReceptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            };
            var code = OneTimeCode.Create();
            var bundle = KioskBundle.Seal(publicPart, secrets, code, ca.Certificate);
            return new ProvisionedKiosk(publicPart, bundle, code);
        }
    }
}
