using System.Text.Json;
using System.Text.RegularExpressions;

namespace TiepCongDan.Edge.Tests.FirmwareConfig;

/// <summary>Board profiles agree with the pin maps, and every file is installed somewhere.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class BoardProfileTests
{
    /// <summary>Raspberry Pi header functions a config.txt line switches on, and the BCM lines they take.</summary>
    private static readonly Dictionary<string, int[]> PiFunctionPins = new()
    {
        ["dtparam=i2c_arm=on"] = [2, 3],
        ["dtparam=i2c=on"] = [2, 3],
        ["dtparam=spi=on"] = [7, 8, 9, 10, 11],
        ["enable_uart=1"] = [14, 15],
        ["dtoverlay=w1-gpio"] = [4],
        ["dtparam=i2s=on"] = [18, 19, 20, 21],
        ["dtoverlay=pwm"] = [18],
        ["dtoverlay=pwm-2chan"] = [12, 13, 18, 19],
        ["dtoverlay=hifiberry-dac"] = [18, 19, 20, 21],
    };

    [Theory]
    [InlineData("raspberry-pi-4", "pi4", "pinctrl-bcm2711")]
    [InlineData("raspberry-pi-5", "pi5", "pinctrl-rp1")]
    public void Pi_boot_config_has_a_section_for_the_board_and_enables_nothing_on_its_button_lines(string board, string filter, string chipLabel)
    {
        var config = FirmwareFiles.Read("boot/raspberry-pi/config.txt");
        Assert.Contains($"[{filter}]", config, StringComparison.Ordinal);
        Assert.Matches("(?m)^dtparam=watchdog=on$", config);
        Assert.Matches("(?m)^camera_auto_detect=1$", config);
        Assert.Matches("(?m)^dtoverlay=vc4-kms-v3d", config);

        using var map = JsonDocument.Parse(FirmwareFiles.Read($"boards/{board}.json"));
        Assert.Equal(chipLabel, map.RootElement.GetProperty("chipLabel").GetString());
        var lines = map.RootElement.GetProperty("buttons").EnumerateObject().Concat(map.RootElement.GetProperty("leds").EnumerateObject())
            .Select(p => p.Value.GetInt32()).ToList();
        Assert.Equal(lines.Count, lines.Distinct().Count());

        var enabled = config.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var (setting, pins) in PiFunctionPins)
        {
            if (enabled.Any(l => l.StartsWith(setting, StringComparison.Ordinal)))
            {
                var clash = pins.Intersect(lines).ToList();
                Assert.True(clash.Count == 0, $"config.txt '{setting}' takes GPIO {string.Join(",", clash)}, which {board}.json wires to a button or light");
            }
        }
    }

    [Fact]
    public void X86_profile_has_a_grub_fragment_with_the_watchdog_note_and_a_cp2112_pin_map()
    {
        var grub = FirmwareFiles.Read("boot/x86-64/grub-tcd-edge.cfg");
        Assert.Matches("(?m)^GRUB_CMDLINE_LINUX_DEFAULT=\".*panic=10.*\"$", grub);
        Assert.Contains("iTCO_wdt", grub, StringComparison.Ordinal);
        using var map = JsonDocument.Parse(FirmwareFiles.Read("boards/x86-cp2112.json"));
        Assert.Equal("cp2112_gpio", map.RootElement.GetProperty("chipLabel").GetString());
        Assert.Contains("10c4", FirmwareFiles.Read("udev/70-tcd-edge-devices.rules"), StringComparison.Ordinal);
    }

    [Fact]
    public void Example_settings_name_an_existing_board_and_the_unit_data_directory()
    {
        using var example = JsonDocument.Parse(FirmwareFiles.Read("edge.json.example"));
        var edge = example.RootElement.GetProperty("Edge");
        var board = edge.GetProperty("Buttons").GetProperty("Board").GetString();
        Assert.True(File.Exists(FirmwareFiles.PathOf($"boards/{board}.json")), $"edge.json.example names board {board}");
        var unit = UnitFile.Load("systemd/tcd-edge.service");
        Assert.Equal("/var/lib/" + unit.Last("Service", "StateDirectory"), edge.GetProperty("DataDirectory").GetString());
        Assert.StartsWith(edge.GetProperty("DataDirectory").GetString() + "/", edge.GetProperty("Voice").GetProperty("CacheDirectory").GetString(), StringComparison.Ordinal);
        Assert.Equal(8787, edge.GetProperty("Screen").GetProperty("Port").GetInt32());
        Assert.Contains("--app=http://127.0.0.1:8787/", FirmwareFiles.Read("systemd/tcd-kiosk-browser.service"), StringComparison.Ordinal);
        Assert.Contains("--autoplay-policy=no-user-gesture-required", FirmwareFiles.Read("systemd/tcd-kiosk-browser.service"), StringComparison.Ordinal);
    }

    [Fact]
    public void Install_map_covers_every_shipped_file_and_names_existing_sources_with_absolute_targets()
    {
        var map = FirmwareFiles.InstallMap();
        var notInstalled = new HashSet<string>(StringComparer.Ordinal) { "README.md", "packages.txt", "install-map.txt", "enable-units.txt" };
        foreach (var (source, target, mode) in map)
        {
            Assert.True(File.Exists(FirmwareFiles.PathOf(source)), $"install-map.txt: {source} does not exist");
            Assert.StartsWith("/", target);
            Assert.Matches(OctalMode(), mode);
        }

        Assert.Equal(map.Count, map.Select(r => r.Target).Distinct().Count());
        var shipped = Directory.EnumerateFiles(FirmwareFiles.Directory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(FirmwareFiles.Directory, p).Replace('\\', '/'))
            .Where(p => !notInstalled.Contains(p));
        var missing = shipped.Except(map.Select(r => r.Source)).ToList();
        Assert.True(missing.Count == 0, "not in install-map.txt: " + string.Join(", ", missing));
        Assert.True(FirmwareFiles.Read("README.md").Split('\n').Count(l => l.StartsWith("| `", StringComparison.Ordinal)) >= map.Count,
            "README.md's file table lists fewer files than install-map.txt");
        foreach (var (source, _, _) in map)
        {
            Assert.Contains($"`{source}`", FirmwareFiles.Read("README.md"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_package_in_packages_txt_exists_in_this_machines_Debian_archive()
    {
        var packages = FirmwareFiles.ContentLines("packages.txt");
        Assert.Contains("chromium", packages);
        Assert.Contains("pcscd", packages);
        Assert.Contains("fake-hwclock", packages);
        var (exit, output, error) = HostTool.Run("apt-cache", "apt", ["policy", .. packages]);
        Assert.True(exit == 0, error);
        var missing = packages.Where(p => !Regex.IsMatch(output, $"(?m)^{Regex.Escape(p)}:\\n\\s+Installed: .*\\n\\s+Candidate: (?!\\(none\\))")).ToList();
        Assert.True(missing.Count == 0, "not in the Debian archive apt knows here (apt-get update?): " + string.Join(", ", missing));
        foreach (var unit in FirmwareFiles.ContentLines("enable-units.txt"))
        {
            Assert.Matches(@"^[a-z0-9@._-]+\.(service|socket|timer|target)$", unit);
        }
    }

    [GeneratedRegex("^0[0-7]{3}$")]
    private static partial Regex OctalMode();
}
