using TiepCongDan.Edge.Media.Upload;

namespace TiepCongDan.Edge.Tests.Media.Upload;

public sealed class SegmentUploaderSettingsTests
{
    private static SegmentUploaderSettings Valid() => new()
    {
        HubBaseUri = new Uri("https://hub.example.vn/"),
        KioskId = "14-04171",
        Password = "secret",
    };

    [Fact]
    public void Defaults_with_hub_kiosk_and_password_are_valid()
    {
        var settings = Valid();

        settings.Validate();

        Assert.Equal(256 * 1024, settings.ChunkBytes);
        Assert.Null(settings.MaxBytesPerSecond);
    }

    [Fact]
    public void Every_wrong_setting_is_named_in_one_message()
    {
        var settings = new SegmentUploaderSettings
        {
            HubBaseUri = new Uri("ftp://hub/"),
            KioskId = "kiosk",
            Password = string.Empty,
            CaCertificatePath = "/nonexistent/ca.pem",
            RetryMinDelay = TimeSpan.FromSeconds(10),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            RequestTimeout = TimeSpan.Zero,
            IdlePollInterval = TimeSpan.Zero,
            ChunkBytes = 10,
            MaxBytesPerSecond = 5,
        };

        var error = Assert.Throws<ArgumentException>(settings.Validate).Message;

        foreach (var name in new[] { "HubBaseUri", "KioskId", "Password", "CaCertificatePath", "RetryMaxDelay", "RequestTimeout", "IdlePollInterval", "ChunkBytes", "MaxBytesPerSecond" })
        {
            Assert.Contains(name, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_hub_address_is_refused()
    {
        var settings = Valid();
        settings.HubBaseUri = null;

        Assert.Contains("HubBaseUri", Assert.Throws<ArgumentException>(settings.Validate).Message, StringComparison.Ordinal);
    }
}
