using System.Globalization;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>
/// One PACEInfo from EF.CardAccess (ICAO 9303-11 §9.2.1): the protocol OID (mapping, cipher), its
/// version (2) and the standardized domain parameter id. <see cref="IsSupported"/> says whether
/// <see cref="PaceAuthenticator"/> can run it: generic mapping with 3DES or AES, ECDH on a
/// standardized curve (ids 8-18) or DH in a standardized MODP group (ids 0-2).
/// </summary>
public sealed record PaceInfo(string ProtocolOid, int Version, int? ParameterId)
{
    /// <summary>The only PACEInfo version ICAO 9303 defines.</summary>
    public const int SupportedVersion = 2;

    public bool IsSupported =>
        Version == SupportedVersion
        && PaceAlgorithm.Find(ProtocolOid) is { IsImplemented: true } algorithm
        && PaceDomainParameters.Group(algorithm, ParameterId) is not null;

    /// <summary>For technicians' output and logs, e.g. "PACE ECDH-GM AES-128 on brainpoolP256r1 (id 13)".</summary>
    public string Description
    {
        get
        {
            var parameters = string.Create(CultureInfo.InvariantCulture, $"{PaceDomainParameters.Describe(ParameterId)}{(ParameterId is { } id ? $" (id {id})" : string.Empty)}");
            var text = PaceAlgorithm.Find(ProtocolOid) is { } algorithm
                ? $"PACE {algorithm.Mapping} {algorithm.CipherName} on {parameters}"
                : $"PACE {ProtocolOid} on {parameters}";
            return IsSupported ? text : $"{text}, v{Version.ToString(CultureInfo.InvariantCulture)}: not supported here";
        }
    }
}
