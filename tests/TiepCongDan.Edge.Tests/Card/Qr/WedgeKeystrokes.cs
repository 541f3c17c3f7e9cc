namespace TiepCongDan.Edge.Tests.Card.Qr;

/// <summary>
/// What a keyboard-wedge scanner writes to its evdev node when it "types" a text: press and
/// release records with shift around capitals and symbols, SYN reports between, Enter at the end.
/// Characters a US layout cannot type become a key with no character (as a scanner's would).
/// </summary>
internal static class WedgeKeystrokes
{
    private const ushort LeftShift = 42;
    private const ushort Enter = 28;
    private const ushort UnmappedKey = 240; // KEY_UNKNOWN

    private static readonly Dictionary<char, (ushort Code, bool Shift)> Keys = Build();

    public static byte[] Type(string text, bool enter = true)
    {
        var events = new List<byte>();
        foreach (var c in text)
        {
            var (code, shift) = Keys.TryGetValue(c, out var k) ? k : (UnmappedKey, false);
            if (shift)
            {
                events.AddRange(Event(1, LeftShift, 1));
            }

            events.AddRange(Event(1, code, 1));
            events.AddRange(Event(0, 0, 0));
            events.AddRange(Event(1, code, 0));
            if (shift)
            {
                events.AddRange(Event(1, LeftShift, 0));
            }

            events.AddRange(Event(0, 0, 0));
        }

        if (enter)
        {
            events.AddRange(Event(1, Enter, 1));
            events.AddRange(Event(1, Enter, 0));
            events.AddRange(Event(0, 0, 0));
        }

        return [.. events];
    }

    private static byte[] Event(ushort type, ushort code, int value)
    {
        var e = new byte[24];
        BitConverter.TryWriteBytes(e.AsSpan(0, 8), 1_700_000_000L);
        BitConverter.TryWriteBytes(e.AsSpan(16, 2), type);
        BitConverter.TryWriteBytes(e.AsSpan(18, 2), code);
        BitConverter.TryWriteBytes(e.AsSpan(20, 4), value);
        return e;
    }

    private static Dictionary<char, (ushort, bool)> Build()
    {
        var map = new Dictionary<char, (ushort, bool)>();
        void Row(ushort first, string plain, string shifted)
        {
            for (var i = 0; i < plain.Length; i++)
            {
                map.TryAdd(plain[i], ((ushort)(first + i), false));
                map.TryAdd(shifted[i], ((ushort)(first + i), true));
            }
        }

        Row(2, "1234567890-=", "!@#$%^&*()_+");
        Row(16, "qwertyuiop[]", "QWERTYUIOP{}");
        Row(30, "asdfghjkl;'`", "ASDFGHJKL:\"~");
        Row(43, "\\zxcvbnm,./", "|ZXCVBNM<>?");
        map[' '] = (57, false);
        return map;
    }
}
