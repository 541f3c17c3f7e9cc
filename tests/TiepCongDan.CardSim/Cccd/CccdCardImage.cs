using System.Security.Cryptography;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// The files of one virtual CCCD, built from a person and a PKI: EF.COM, DG1, DG2, DG3, DG13, DG14, DG15,
/// EF.SOD (signed over every data group present) and, when PACE is configured, EF.CardAccess.
/// Also holds the chip's private active authentication key. Immutable after construction.
/// </summary>
public sealed class CccdCardImage
{
    private readonly Dictionary<int, byte[]> _dataGroups;

    private CccdCardImage(
        byte[] com,
        Dictionary<int, byte[]> dataGroups,
        byte[] sod,
        byte[]? cardAccess,
        ActiveAuthenticationKey? activeAuthentication,
        IReadOnlyList<CccdFile> files)
    {
        Com = com;
        _dataGroups = dataGroups;
        Sod = sod;
        CardAccess = cardAccess;
        ActiveAuthentication = activeAuthentication;
        Files = files;
    }

    public byte[] Com { get; }

    public byte[] Dg1 => _dataGroups[1];

    public byte[]? Dg2 => _dataGroups.GetValueOrDefault(2);

    /// <summary>Present when configured; the card never serves it (EAC-protected).</summary>
    public byte[]? Dg3 => _dataGroups.GetValueOrDefault(3);

    /// <summary>As the card serves it: altered after signing when the options asked for it.</summary>
    public byte[] Dg13 => _dataGroups[13];

    public byte[]? Dg14 => _dataGroups.GetValueOrDefault(14);

    public byte[]? Dg15 => _dataGroups.GetValueOrDefault(15);

    public byte[] Sod { get; }

    /// <summary>The PACE responder's EF.CardAccess, or null for a BAC-only card.</summary>
    public byte[]? CardAccess { get; }

    /// <summary>Data group number to the bytes the card serves (tag included), as passive authentication takes them.</summary>
    public IReadOnlyDictionary<int, byte[]> DataGroups => _dataGroups;

    /// <summary>Every file the card holds.</summary>
    public IReadOnlyList<CccdFile> Files { get; }

    internal ActiveAuthenticationKey? ActiveAuthentication { get; }

    public static CccdCardImage Create(VirtualCccdCardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var person = options.Person;

        var groups = new SortedDictionary<int, byte[]>
        {
            [1] = LdsFileBuilder.Dg1(person.Td1MrzText),
            [13] = LdsFileBuilder.Dg13(person, options.Dg13DigitsAsPrintableString),
        };
        if (options.IncludeDg2)
        {
            groups[2] = BiometricDataGroupBuilder.Dg2(options.FaceImageBytes, person.IdNumber);
        }

        if (options.IncludeDg3)
        {
            groups[3] = BiometricDataGroupBuilder.Dg3(person.IdNumber);
        }

        if (options.IncludeDg14)
        {
            using var chipAuthentication = ECDiffieHellman.Create(ECCurve.NamedCurves.brainpoolP256r1);
            groups[14] = LdsFileBuilder.Dg14(chipAuthentication.ExportSubjectPublicKeyInfo());
        }

        ActiveAuthenticationKey? activeAuthentication = null;
        if (options.IncludeDg15)
        {
            activeAuthentication = new ActiveAuthenticationKey();
            groups[15] = LdsFileBuilder.Dg15(activeAuthentication.SubjectPublicKeyInfo);
        }

        var signer = options.SignWithUnknownCsca ? options.Pki.UnknownDocumentSigner : options.Pki.DocumentSigner;
        var sod = SecurityObjectSigner.Sign(groups, signer);

        if (options.Dg13TamperOffset is { } offset)
        {
            var dg13 = groups[13].ToArray();
            if (offset >= dg13.Length)
            {
                throw new ArgumentException($"The DG13 tamper offset {offset} is beyond its {dg13.Length} bytes.", nameof(options));
            }

            dg13[offset] ^= 0x01;
            groups[13] = dg13;
        }

        var com = LdsFileBuilder.Com(groups.Keys.Select(DataGroupTag));
        var cardAccess = options.Pace?.CardAccessFile;
        var files = new List<CccdFile>
        {
            new("EF.COM", 0x011E, 0x1E, com, true, true),
            new("EF.SOD", 0x011D, 0x1D, sod, true, true),
        };
        files.AddRange(groups.Select(g => new CccdFile($"DG{g.Key}", (ushort)(0x0100 + g.Key), (byte)g.Key, g.Value, true, true)
        {
            RequiresExtendedAccessControl = g.Key == 3,
        }));
        if (cardAccess is not null)
        {
            files.Add(new CccdFile("EF.CardAccess", 0x011C, 0x1C, cardAccess, false, false));
        }

        return new CccdCardImage(com, new Dictionary<int, byte[]>(groups), sod, cardAccess, activeAuthentication, files);
    }

    /// <summary>The offset in DG13 of the first byte of <paramref name="text"/>'s UTF-8 (to aim a tamper at a field).</summary>
    public static int OffsetInDg13(CccdPerson person, string text)
    {
        ArgumentNullException.ThrowIfNull(person);
        var dg13 = LdsFileBuilder.Dg13(person);
        var index = dg13.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text));
        return index >= 0 ? index : throw new ArgumentException($"DG13 of this person does not hold '{text}'.", nameof(text));
    }

    private static byte DataGroupTag(int number) => number switch
    {
        1 => 0x61,
        2 => 0x75,
        3 => 0x63,
        13 => 0x6D,
        14 => 0x6E,
        15 => 0x6F,
        _ => throw new ArgumentOutOfRangeException(nameof(number), number, "This card holds DG1, DG2, DG3, DG13, DG14 and DG15."),
    };
}
