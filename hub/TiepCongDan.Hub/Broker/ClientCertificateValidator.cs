using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Hub.Broker;

/// <summary>Accepts a kiosk client certificate only when it chains to the fleet CA (not to the system's CAs).</summary>
public sealed class ClientCertificateValidator
{
    private readonly X509Certificate2Collection _fleetCa;

    public ClientCertificateValidator(string clientCaPemPath)
    {
        _fleetCa = [];
        _fleetCa.ImportFromPemFile(clientCaPemPath);
    }

    public bool Validate(X509Certificate2 certificate, out string reason)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_fleetCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2"));
        if (chain.Build(certificate))
        {
            reason = string.Empty;
            return true;
        }

        reason = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
        return false;
    }

    public static bool IgnorePolicyErrors(SslPolicyErrors errors) =>
        (errors & ~(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0;
}
