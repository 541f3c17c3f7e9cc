namespace TiepCongDan.Edge.Card.Qr;

/// <summary>
/// Turns the key events of a keyboard-wedge QR scanner (Linux evdev <c>input_event</c> records,
/// US layout, which is what scanners emulate) back into the text they type, one code per Enter.
/// A scanner cannot type letters outside ASCII: the Vietnamese name and address arrive without
/// their diacritics or not at all, which is why the chip, not the QR, supplies them. The ID and
/// the dates, all the chip key needs, are digits and survive. Not thread-safe.
/// </summary>
public sealed class EvdevKeyDecoder
{
    /// <summary>sizeof(struct input_event) on 64-bit Linux: timeval (16), type, code (2 each), value (4).</summary>
    public const int EventSize = 24;

    /// <summary>Longer than any CCCD QR; a wedge stuck in a loop must not grow a line without end.</summary>
    public const int MaxLineLength = 1024;

    private const ushort EvKey = 1;
    private const int KeyRelease = 0;
    private const int KeyPress = 1;
    private const int KeyRepeat = 2;
    private const ushort KeyEnter = 28;
    private const ushort KeyPadEnter = 96;
    private const ushort KeyLeftShift = 42;
    private const ushort KeyRightShift = 54;
    private const ushort KeyCapsLock = 58;

    private static readonly Dictionary<ushort, (char Plain, char Shifted)> UsLayout = BuildLayout();

    private readonly System.Text.StringBuilder _line = new();
    private bool _leftShift;
    private bool _rightShift;
    private bool _capsLock;

    /// <summary>Keys pressed that have no US-layout character (counted, not guessed).</summary>
    public int UnknownKeys { get; private set; }

    /// <summary>True while a code has started and its Enter has not come yet.</summary>
    public bool HasPartialLine => _line.Length > 0;

    /// <summary>Feeds one 24-byte event; returns the completed line when this event was its Enter.</summary>
    public string? Feed(ReadOnlySpan<byte> inputEvent)
    {
        if (inputEvent.Length != EventSize)
        {
            throw new ArgumentException($"An input_event is {EventSize} bytes, not {inputEvent.Length}.", nameof(inputEvent));
        }

        var type = BitConverter.ToUInt16(inputEvent[16..18]);
        var code = BitConverter.ToUInt16(inputEvent[18..20]);
        var value = BitConverter.ToInt32(inputEvent[20..24]);
        return type == EvKey ? OnKey(code, value) : null;
    }

    /// <summary>Drops a half-typed code (a key pressed by hand, or a scan cut off).</summary>
    public void DiscardPartialLine() => _line.Clear();

    private string? OnKey(ushort code, int value)
    {
        switch (code)
        {
            case KeyLeftShift:
                _leftShift = value != KeyRelease;
                return null;
            case KeyRightShift:
                _rightShift = value != KeyRelease;
                return null;
            case KeyCapsLock when value == KeyPress:
                _capsLock = !_capsLock;
                return null;
        }

        if (value is not (KeyPress or KeyRepeat))
        {
            return null;
        }

        if (code is KeyEnter or KeyPadEnter)
        {
            var line = _line.ToString();
            _line.Clear();
            return line;
        }

        if (!UsLayout.TryGetValue(code, out var key))
        {
            UnknownKeys++;
            return null;
        }

        var shifted = _leftShift || _rightShift;
        if (_capsLock && char.IsAsciiLetter(key.Plain))
        {
            shifted = !shifted;
        }

        if (_line.Length < MaxLineLength)
        {
            _line.Append(shifted ? key.Shifted : key.Plain);
        }

        return null;
    }

    private static Dictionary<ushort, (char, char)> BuildLayout()
    {
        var map = new Dictionary<ushort, (char, char)>();
        void Row(ushort first, string plain, string shifted)
        {
            for (var i = 0; i < plain.Length; i++)
            {
                map[(ushort)(first + i)] = (plain[i], shifted[i]);
            }
        }

        // linux/input-event-codes.h: KEY_1 = 2 ... KEY_EQUAL = 13, KEY_Q = 16 ..., KEY_A = 30 ..., KEY_Z = 44 ...
        Row(2, "1234567890-=", "!@#$%^&*()_+");
        Row(16, "qwertyuiop[]", "QWERTYUIOP{}");
        Row(30, "asdfghjkl;'`", "ASDFGHJKL:\"~");
        Row(43, "\\zxcvbnm,./", "|ZXCVBNM<>?");
        map[57] = (' ', ' ');

        // The keypad, which some scanners use for digits.
        Row(71, "789-456+1230.", "789-456+1230.");
        map[55] = ('*', '*');
        map[98] = ('/', '/');
        return map;
    }
}
