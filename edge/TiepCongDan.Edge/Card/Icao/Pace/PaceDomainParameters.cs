using Org.BouncyCastle.Asn1.X9;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>The standardized domain parameters PACE names by id (ICAO 9303-11 §9.5.1, table "standardized domain parameters").</summary>
internal static class PaceDomainParameters
{
    /// <summary>Elliptic curves by parameter id; ids 0-2 are the DH groups of <see cref="DhStandardGroups"/>.</summary>
    private static readonly Dictionary<int, string> Curves = new()
    {
        [8] = "secp192r1",
        [9] = "brainpoolP192r1",
        [10] = "secp224r1",
        [11] = "brainpoolP224r1",
        [12] = "secp256r1",
        [13] = "brainpoolP256r1",
        [14] = "brainpoolP320r1",
        [15] = "secp384r1",
        [16] = "brainpoolP384r1",
        [17] = "brainpoolP512r1",
        [18] = "secp521r1",
    };

    public static string? CurveName(int? parameterId) =>
        parameterId is { } id && Curves.TryGetValue(id, out var name) ? name : null;

    public static string Describe(int? parameterId) => parameterId switch
    {
        null => "no standardized parameters",
        0 => "1024-bit MODP group",
        1 => "2048-bit MODP group (224-bit subgroup)",
        2 => "2048-bit MODP group (256-bit subgroup)",
        { } id => CurveName(id) ?? $"unknown parameters {id}",
    };

    /// <summary>The group arithmetic for one run of <paramref name="algorithm"/> on these parameters, or null when this code cannot run them.</summary>
    public static IPaceGroup? Group(PaceAlgorithm algorithm, int? parameterId) => (algorithm.Mapping, parameterId) switch
    {
        (PaceAlgorithm.EcdhGenericMapping, { } id) when CurveName(id) is not null => new EcdhGroup(Curve(id)),
        (PaceAlgorithm.DhGenericMapping, { } id) => DhStandardGroups.Create(id),
        _ => null,
    };

    public static X9ECParameters Curve(int parameterId) =>
        CurveName(parameterId) is { } name
            ? ECNamedCurveTable.GetByName(name) ?? throw new InvalidOperationException($"BouncyCastle does not know the curve {name}.")
            : throw new ArgumentOutOfRangeException(nameof(parameterId), parameterId, "Not a standardized elliptic curve PACE parameter id this code supports.");
}
