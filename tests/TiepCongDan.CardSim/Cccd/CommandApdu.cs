namespace TiepCongDan.CardSim.Cccd;

/// <summary>An ISO/IEC 7816-3 command APDU, short or extended, decoded into its parts.</summary>
/// <param name="Ne">Bytes the terminal expects: null when there is no Le field; 256 for a short Le of 00, 65536 for an extended 0000.</param>
internal sealed record CommandApdu(byte Cla, byte Ins, byte P1, byte P2, byte[] Data, int? Ne, bool Extended)
{
    /// <summary>Whether the class byte announces secure messaging (bits 4 and 3, ISO/IEC 7816-4 §5.4.1).</summary>
    public bool SecureMessaging => (Cla & 0x0C) == 0x0C;

    public bool Chained => (Cla & 0x10) != 0;

    /// <exception cref="FormatException">The bytes are not a well-formed APDU.</exception>
    public static CommandApdu Parse(ReadOnlySpan<byte> apdu)
    {
        if (apdu.Length < 4)
        {
            throw new FormatException("A command APDU has at least 4 bytes.");
        }

        var body = apdu[4..];
        byte[] data = [];
        int? ne = null;
        var extended = false;
        if (body.Length == 1)
        {
            ne = body[0] == 0 ? 256 : body[0];
        }
        else if (body.Length > 1 && body[0] != 0)
        {
            var lc = body[0];
            if (body.Length == 1 + lc)
            {
                data = body[1..].ToArray();
            }
            else if (body.Length == 2 + lc)
            {
                data = body.Slice(1, lc).ToArray();
                ne = body[^1] == 0 ? 256 : body[^1];
            }
            else
            {
                throw new FormatException($"Lc {lc} does not match the APDU's {body.Length} body bytes.");
            }
        }
        else if (body.Length > 1)
        {
            extended = true;
            if (body.Length == 3)
            {
                var le = (body[1] << 8) | body[2];
                ne = le == 0 ? 65536 : le;
            }
            else
            {
                if (body.Length < 3)
                {
                    throw new FormatException("Truncated extended APDU.");
                }

                var lc = (body[1] << 8) | body[2];
                if (lc == 0 || body.Length < 3 + lc)
                {
                    throw new FormatException("Extended Lc does not match the APDU.");
                }

                data = body.Slice(3, lc).ToArray();
                var rest = body[(3 + lc)..];
                if (rest.Length == 2)
                {
                    var le = (rest[0] << 8) | rest[1];
                    ne = le == 0 ? 65536 : le;
                }
                else if (rest.Length != 0)
                {
                    throw new FormatException("Extended APDU with a malformed Le.");
                }
            }
        }

        return new CommandApdu(apdu[0], apdu[1], apdu[2], apdu[3], data, ne, extended);
    }
}
