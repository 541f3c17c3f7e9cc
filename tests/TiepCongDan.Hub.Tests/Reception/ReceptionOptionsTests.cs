using TiepCongDan.Hub.Options;
using TiepCongDan.Hub.Reception;

namespace TiepCongDan.Hub.Tests.Reception;

/// <summary>Hub:Reception is checked at start with the rest; the key file is kept across restarts and refused when damaged.</summary>
public sealed class ReceptionOptionsTests
{
    [Fact]
    public void A_wrong_link_interval_or_a_folder_as_key_stops_the_hub_with_the_key_named()
    {
        var options = new HubOptions();
        Assert.Empty(HubOptionsValidator.Check(options));
        options.Reception.ArchiveLinkIntervalSeconds = 0;
        Assert.StartsWith("Hub:Reception:ArchiveLinkIntervalSeconds 0 must be between 1 and 3600", Assert.Single(HubOptionsValidator.Check(options)), StringComparison.Ordinal);

        options.Reception.ArchiveLinkIntervalSeconds = 2;
        options.Reception.KeyPath = Path.GetTempPath();
        Assert.StartsWith("Hub:Reception:KeyPath", Assert.Single(HubOptionsValidator.Check(options)), StringComparison.Ordinal);

        var thrown = Assert.Throws<HubConfigurationException>(() => HubApp.CreateBuilder(["--Hub:Reception:ArchiveLinkIntervalSeconds=0"]));
        Assert.Contains("Hub:Reception:ArchiveLinkIntervalSeconds", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_is_created_once_reused_and_a_damaged_key_is_refused()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tcd-reception-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = CitizenProtector.PathFor(dir, null);
            var first = CitizenProtector.LoadOrCreate(path);
            var sealedCitizen = first.Seal("20261123T025100Z-14-04171-9f3a", ReceptionKiosk.Citizen);
            var again = CitizenProtector.LoadOrCreate(path);
            Assert.Equal(ReceptionKiosk.Citizen, again.Open("20261123T025100Z-14-04171-9f3a", sealedCitizen));
            Assert.Equal(first.Reference("001099012345"), again.Reference("001099012345"));

            // Moved to another session, or altered: refused, never a wrong citizen.
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => again.Open("20261123T025100Z-14-04171-0000", sealedCitizen));
            sealedCitizen[^1] ^= 1;
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => again.Open("20261123T025100Z-14-04171-9f3a", sealedCitizen));

            File.WriteAllBytes(path, new byte[5]);
            Assert.Contains("not 32", Assert.Throws<InvalidOperationException>(() => CitizenProtector.LoadOrCreate(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
