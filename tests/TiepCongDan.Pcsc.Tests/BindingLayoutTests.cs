using System.Runtime.CompilerServices;
using TiepCongDan.Pcsc.Interop;

namespace TiepCongDan.Pcsc.Tests;

public sealed class BindingLayoutTests
{
    [Fact]
    public unsafe void ReaderStateMatchesPcscLiteOn64BitLinux()
    {
        // sizeof/offsetof from a C program against /usr/include/PCSC/pcsclite.h (pcsc-lite 1.9.9, x86_64).
        Assert.Equal(80, sizeof(ScardReaderState));
        var state = default(ScardReaderState);
        var start = (byte*)&state;
        Assert.Equal(16, (byte*)&state.CurrentState - start);
        Assert.Equal(24, (byte*)&state.EventState - start);
        Assert.Equal(32, (byte*)&state.AtrLength - start);
        Assert.Equal(40, state.Atr - start);
    }

    [Fact]
    public unsafe void IoRequestIsTwoUnsignedLongs() => Assert.Equal(16, sizeof(ScardIoRequest));

    [Fact]
    public void ErrorCodesHaveTheirPcscLiteNamesAndKinds()
    {
        var removed = new PcscException("SCardTransmit", 0x80100069);
        Assert.Equal("SCARD_W_REMOVED_CARD", removed.ErrorName);
        Assert.Equal(PcscErrorKind.CardRemoved, removed.Kind);
        Assert.Contains("taken off the reader", removed.Message, StringComparison.Ordinal);
        Assert.Equal(PcscErrorKind.NoService, new PcscException("x", 0x8010001D).Kind);
        Assert.Equal(PcscErrorKind.SharingViolation, new PcscException("x", 0x8010000B).Kind);
        Assert.Equal("0x80100099", new PcscException("x", 0x80100099).ErrorName);
        // A sign-extended LONG reads the same as the 32-bit code.
        Assert.Equal(0x80100069L, PcscErrors.Normalize(unchecked((nint)(int)0x80100069)));
    }

    [Fact]
    public void MultiStringSplitsReaderNames() =>
        Assert.Equal(["A 00 00", "B 00 01"], NativeContext.SplitMultiString("A 00 00\0B 00 01\0\0"u8));

    [Fact]
    public void StructsAreBlittable()
    {
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<ScardReaderState>());
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<ScardIoRequest>());
    }
}
