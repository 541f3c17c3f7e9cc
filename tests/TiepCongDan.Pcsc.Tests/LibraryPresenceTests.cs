namespace TiepCongDan.Pcsc.Tests;

public sealed class LibraryPresenceTests
{
    [Fact]
    public void PcscLiteClientLibraryIsInstalled() =>
        Assert.True(File.Exists("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1") || File.Exists("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1"),
            "libpcsclite.so.1 is missing: apt-get install libpcsclite1 pcscd");
}
