using System.Runtime.InteropServices;
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

    /// <summary>Every reader's card state now: one SCardGetStatusChange with timeout 0 and UNAWARE states (at most 16 per call).</summary>
    public static IReadOnlyList<PcscReaderStatus> GetStatuses(nint context)
    {
        const int MaxStatesPerCall = 16;
        var statuses = new List<PcscReaderStatus>();
        foreach (var chunk in ListReaders(context).Chunk(MaxStatesPerCall))
        {
            var names = chunk.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
            try
            {
                var states = new ScardReaderState[chunk.Length];
                for (var i = 0; i < states.Length; i++)
                {
                    states[i].Reader = (byte*)names[i];
                    states[i].CurrentState = ScardConstants.StateUnaware;
                }

                long code;
                fixed (ScardReaderState* first = states)
                {
                    code = PcscErrors.Normalize(PcscLite.SCardGetStatusChange(context, 0, first, (nuint)states.Length));
                }

                // UNAWARE always differs from the current state, so the call returns at once; TIMEOUT would mean no answer.
                PcscException.ThrowIfFailed((nint)code, "SCardGetStatusChange");
                for (var i = 0; i < states.Length; i++)
                {
                    statuses.Add(ToStatus(chunk[i], ref states[i]));
                }
            }
            finally
            {
                foreach (var name in names)
                {
                    Marshal.FreeCoTaskMem(name);
                }
            }
        }

        return statuses;
    }

    public static PcscReaderStatus ToStatus(string reader, ref ScardReaderState state)
    {
        var present = (state.EventState & ScardConstants.StatePresent) != 0;
        if (!present)
        {
            return new PcscReaderStatus(reader, false, null);
        }

        fixed (byte* atr = state.Atr)
        {
            return new PcscReaderStatus(reader, true, new ReadOnlySpan<byte>(atr, (int)Math.Min(state.AtrLength, ScardReaderState.MaxAtrSize)).ToArray());
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
