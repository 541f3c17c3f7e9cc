using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>
/// EF.CardAccess (FID 011C, ICAO 9303-11 §9.2.11): a DER SET of SecurityInfos, each a SEQUENCE of
/// a protocol OID and its data. Only PACEInfos are returned; other infos (Chip Authentication,
/// PACE domain parameters, Terminal Authentication) are skipped. Anything malformed is a
/// <see cref="CardDataException"/>.
/// </summary>
public static class CardAccessFile
{
    private const int TagSet = 0x31;
    private const int TagSequence = 0x30;
    private const int TagOid = 0x06;
    private const int TagInteger = 0x02;

    public static IReadOnlyList<PaceInfo> Parse(ReadOnlyMemory<byte> efCardAccess)
    {
        var root = BerTlv.ParseSingle(efCardAccess);
        if (root.Tag != TagSet)
        {
            throw new CardDataException($"EF.CardAccess starts with tag {root.Tag:X2}, not a SET (31)", root.Offset);
        }

        var infos = new List<PaceInfo>();
        foreach (var info in root.Children)
        {
            if (info.Tag != TagSequence || info.Children.Count == 0 || info.Children[0].Tag != TagOid)
            {
                throw new CardDataException("a SecurityInfo in EF.CardAccess is not a SEQUENCE starting with an OID", info.Offset);
            }

            var oid = ObjectIdentifier.Decode(info.Children[0].Value.Span);
            if (PaceAlgorithm.Find(oid) is null)
            {
                continue;
            }

            if (info.Children.Count < 2 || info.Children[1].Tag != TagInteger)
            {
                throw new CardDataException($"the PACEInfo {oid} has no version", info.Offset);
            }

            int? parameterId = null;
            if (info.Children.Count > 2)
            {
                if (info.Children[2].Tag != TagInteger)
                {
                    throw new CardDataException($"the PACEInfo {oid} has a parameter id that is not an INTEGER", info.Children[2].Offset);
                }

                parameterId = ReadInteger(info.Children[2]);
            }

            infos.Add(new PaceInfo(oid, ReadInteger(info.Children[1]), parameterId));
        }

        return infos;
    }

    private static int ReadInteger(TlvNode node)
    {
        var value = node.Value.Span;
        if (value.IsEmpty || value.Length > 4 || (value[0] & 0x80) != 0 || (value.Length == 4 && value[0] > 0x7F))
        {
            throw new CardDataException("an INTEGER in EF.CardAccess is empty, negative or too large", node.Offset);
        }

        var result = 0;
        foreach (var b in value)
        {
            result = (result << 8) | b;
        }

        return result;
    }
}
