using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>
/// Accepts the hub's server certificate only when it chains to the province CA given in
/// Edge:Mqtt:CaCertificatePath (the system trust store is ignored: a public CA must not be able
/// to impersonate the hub) and names the host the kiosk dialled.
/// </summary>
public static class ServerCertificateCheck
{
    /// <summary>Null when trusted, otherwise the reason in words a technician can act on.</summary>
    public static string? Problem(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2 trustedCa)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the hub presented no certificate";
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return "the hub's certificate does not name the host in Edge:Mqtt:Host";
        }

        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustedCa);
        // Province CAs publish no CRL the kiosk could reach; expiry and signatures are still checked.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain.Build(certificate))
        {
            return null;
        }

        var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        return $"the hub's certificate (issuer '{certificate.Issuer}') does not chain to Edge:Mqtt:CaCertificatePath ({status})";
    }
}
