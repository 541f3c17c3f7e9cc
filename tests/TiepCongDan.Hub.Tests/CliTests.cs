using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Cli;

namespace TiepCongDan.Hub.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Kiosk_password_is_derived_from_a_fleet_secret_created_once_with_0600()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = new StringWriter();
            Assert.Equal(0, await CliRunner.RunAsync(["kiosk", "password", "14-04171", "--data-dir", dir], stdout, new StringWriter()));
            var secretPath = Path.Combine(dir, "fleet-device-secret");
            var secret = FleetSecret.LoadOrCreate(secretPath);
            Assert.Equal(32, secret.Bytes.Length);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretPath));
            }

            Assert.Equal(DeviceCredentials.DerivePassword(secret.Bytes, "14-04171"), stdout.ToString().Trim());

            var again = new StringWriter();
            await CliRunner.RunAsync(["kiosk", "password", "14-04171", "--data-dir", dir], again, new StringWriter());
            Assert.Equal(stdout.ToString(), again.ToString());

            var stderr = new StringWriter();
            Assert.Equal(2, await CliRunner.RunAsync(["kiosk", "password", "kiosk-1", "--data-dir", dir], new StringWriter(), stderr));
            Assert.Contains("14-04171", stderr.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Kiosk_SRT_passphrase_is_derived_from_the_same_secret_and_differs_per_kiosk_and_from_the_MQTT_password()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = new StringWriter();
            var second = new StringWriter();
            var mqtt = new StringWriter();
            Assert.Equal(0, await CliRunner.RunAsync(["kiosk", "srt-passphrase", "14-04171", "--data-dir", dir], first, new StringWriter()));
            Assert.Equal(0, await CliRunner.RunAsync(["kiosk", "srt-passphrase", "14-04174", "--data-dir", dir], second, new StringWriter()));
            Assert.Equal(0, await CliRunner.RunAsync(["kiosk", "password", "14-04171", "--data-dir", dir], mqtt, new StringWriter()));
            var secret = FleetSecret.LoadOrCreate(Path.Combine(dir, "fleet-device-secret"));
            var passphrase = first.ToString().Trim();
            Assert.Equal(Contracts.Media.MediaCredentials.DeriveSrtPassphrase(secret.Bytes, "14-04171"), passphrase);
            Assert.InRange(passphrase.Length, 10, 79);
            Assert.NotEqual(passphrase, second.ToString().Trim());
            Assert.NotEqual(passphrase, mqtt.ToString().Trim());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
