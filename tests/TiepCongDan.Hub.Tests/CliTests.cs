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
}
