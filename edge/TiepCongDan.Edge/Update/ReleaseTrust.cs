using System.Security.Cryptography.X509Certificates;

namespace TiepCongDan.Edge.Update;

/// <summary>
/// Whose signature a release package must carry: the fleet CA installed at first boot
/// (/etc/tcd-edge/secrets/fleet-ca.pem) or a release certificate it issued.
/// <see cref="Unsigned"/> accepts packages without a signature: only for a bench kiosk, asked for
/// explicitly; <see cref="None"/> refuses every package (a manager that only confirms or rolls back).
/// </summary>
public sealed record ReleaseTrust(X509Certificate2? Anchor, bool AllowsUnsigned = false)
{
    public const string DefaultAnchorPath = "/etc/tcd-edge/secrets/fleet-ca.pem";

    public static ReleaseTrust Unsigned { get; } = new(null, AllowsUnsigned: true);

    public static ReleaseTrust None { get; } = new(null, AllowsUnsigned: false);

    /// <summary>The trust anchor from a PEM file; a clear refusal when it is missing or unreadable.</summary>
    public static ReleaseTrust FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new UpdatePackageException($"no trusted release signer at {path} (a provisioned kiosk has its fleet CA there; on a bench kiosk pass --allow-unsigned)");
        }

        try
        {
            return new ReleaseTrust(X509Certificate2.CreateFromPem(File.ReadAllText(path)));
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new UpdatePackageException($"the trusted release signer {path} is not a PEM certificate ({ex.Message})");
        }
    }
}
