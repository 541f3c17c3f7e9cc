using System.Text;

namespace TiepCongDan.Pcsc.Interop;

/// <summary>The context-level calls shared by <see cref="PcscContext"/>, <see cref="PcscCard"/> and <see cref="PcscReaderMonitor"/>.</summary>
internal static unsafe class NativeContext
{
    public static nint Establish()
    {
        PcscException.ThrowIfFailed(PcscLite.SCardEstablishContext((nuint)PcscScope.System, 0, 0, out var context), "SCardEstablishContext");
        return context;
    }

    public static void Release(nint context) => _ = PcscLite.SCardReleaseContext(context);

    /// <summary>The connected readers; empty (not an exception) when there are none.</summary>
    public static IReadOnlyList<string> ListReaders(nint context)
    {
        // Two calls (length, then names): a reader plugged in between makes the second call report a short buffer, so try again.
        for (var attempt = 0; ; attempt++)
        {
            nuint length = 0;
            var code = PcscErrors.Normalize(PcscLite.SCardListReaders(context, null, null, ref length));
            if (code == PcscErrors.NoReadersAvailable)
            {
                return [];
            }

            PcscException.ThrowIfFailed((nint)code, "SCardListReaders");
            var buffer = new byte[(int)length];
            fixed (byte* names = buffer)
            {
                code = PcscErrors.Normalize(PcscLite.SCardListReaders(context, null, names, ref length));
            }

            if (code == PcscErrors.NoReadersAvailable)
            {
                return [];
            }

            if (code == PcscErrors.InsufficientBuffer && attempt < 3)
            {
                continue;
            }

            PcscException.ThrowIfFailed((nint)code, "SCardListReaders");
            return SplitMultiString(buffer.AsSpan(0, (int)length));
        }
    }

    public static List<string> SplitMultiString(ReadOnlySpan<byte> multiString)
    {
        var names = new List<string>();
        while (multiString.Length > 0)
        {
            var end = multiString.IndexOf((byte)0);
            if (end <= 0)
            {
                break;
            }

            names.Add(Encoding.UTF8.GetString(multiString[..end]));
            multiString = multiString[(end + 1)..];
        }

        return names;
    }
}
