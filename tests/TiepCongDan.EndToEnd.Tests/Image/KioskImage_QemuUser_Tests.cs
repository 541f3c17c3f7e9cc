using System.Diagnostics;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Image;

/// <summary>
/// The kiosk image's own arm64 root file system (images/build-image.sh --rootfs-only: Debian bookworm
/// packages from firmware-config/packages.txt, firmware-config files, the self-contained linux-arm64
/// edge in /opt/tcd-edge/current) with the arm64 tcd-edge started inside it under qemu-user, as the
/// kiosk's own user, and seen online by a hub on this machine. It builds the root once per input
/// change (minutes), so it carries Category=Full: `./build.sh test --full` runs it; a plain run
/// filters it out. When it does run without its tools it fails, saying what to install.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
[Trait("Category", "Full")]
public sealed class KioskImage_QemuUser_Tests(ITestOutputHelper output)
{
    private const string Kiosk = "27-09001";
    private const ushort ElfMachineAarch64 = 183;

    [Fact]
    public async Task The_images_arm64_edge_under_qemu_user_comes_online_on_a_hub_on_the_host()
    {
        ImageHost.RequireTools();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(40));
        var ct = cts.Token;

        var (root, buildTime) = await ImageRootFs.GetAsync(ct);
        output.WriteLine(buildTime == TimeSpan.Zero
            ? $"arm64 root file system from the cache: {root}"
            : $"arm64 root file system built in {buildTime.TotalSeconds:0} s: {root}");

        var edgePath = Path.Combine(root, "opt/tcd-edge/current/tcd-edge");
        Assert.True(File.Exists(edgePath), $"the root has no /opt/tcd-edge/current/tcd-edge: {root}");
        Assert.Equal(ElfMachineAarch64, ElfMachine(edgePath));
        var release = new DirectoryInfo(Path.Combine(root, "opt/tcd-edge/current")).LinkTarget;
        Assert.StartsWith("releases/", release ?? string.Empty, StringComparison.Ordinal);
        var (uid, gid) = UserIn(root, "tcd-edge");

        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        // The kiosk's MQTT password as a technician gets it: `tcd-hub kiosk password ID`.
        var password = await HubKioskPasswordAsync(hub, ct);
        Assert.Equal(hub.Secret.PasswordFor(Kiosk), password);

        using var data = new TempDirectory("image-data");
        var passwordFile = Path.Combine(data.Path, "mqtt-password");
        await File.WriteAllTextAsync(passwordFile, password, ct);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        ImageHost.RunChecked("chown", "-R", $"{uid}:{gid}", data.Path);
        File.SetUnixFileMode(data.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var mounts = ChrootMounts.Mount(root, data.Path);
        var stopwatch = Stopwatch.StartNew();
        await using var edge = ChildProcess.Start($"tcd-edge {Kiosk} (arm64, qemu-user)", "chroot",
        [
            "--userspec=tcd-edge:tcd-edge", root, "/opt/tcd-edge/current/tcd-edge",
            $"--Edge:KioskId={Kiosk}",
            "--Edge:DataDirectory=/var/lib/tcd-edge",
            "--Edge:Mqtt:Host=127.0.0.1",
            $"--Edge:Mqtt:Port={hub.MqttPort}",
            "--Edge:Mqtt:PasswordFile=/var/lib/tcd-edge/mqtt-password",
            "--Edge:Health:SampleIntervalSeconds=2",
            "--Edge:Media:Enabled=false",
        ], new Dictionary<string, string> { ["HOME"] = "/var/lib/tcd-edge", ["TMPDIR"] = "/tmp" }, workingDirectory: "/");

        var device = await Poll.UntilAsync(
            async token =>
            {
                if (edge.HasExited)
                {
                    throw new InvalidOperationException($"the arm64 tcd-edge exited with code {edge.ExitCode} before coming online.\n{edge.Describe()}");
                }

                return await hub.GetDeviceAsync(Kiosk, token);
            },
            d => d is { Online: true },
            TimeSpan.FromMinutes(10),
            $"kiosk {Kiosk} (arm64 under qemu-user) online on the hub",
            () => edge.Describe() + "\n" + hub.Describe(),
            TimeSpan.FromMilliseconds(250),
            ct);
        stopwatch.Stop();

        Assert.NotNull(device);
        Assert.True(device.Online);
        // Emulated: the kernel runs it through qemu-aarch64 (binfmt_misc), so the host sees qemu as its
        // program. Read once it is online: right after the start the pid is still chroot, before its exec.
        var interpreter = new FileInfo($"/proc/{edge.Pid}/exe").LinkTarget ?? string.Empty;
        output.WriteLine($"tcd-edge pid {edge.Pid} runs through {interpreter}");
        Assert.Contains("qemu", interpreter, StringComparison.Ordinal);
        output.WriteLine($"online on the hub {stopwatch.Elapsed.TotalSeconds:0.0} s after starting the arm64 edge under qemu-user");
        Assert.False(edge.HasExited, "the edge must still be running once online");
        Assert.True(Directory.EnumerateFileSystemEntries(data.Path).Count() > 1,
            "the edge wrote nothing into its data directory (/var/lib/tcd-edge, the data partition's place)");
    }

    private static async Task<string> HubKioskPasswordAsync(HubProcess hub, CancellationToken ct)
    {
        await using var cli = ChildProcess.StartDotnet("tcd-hub kiosk password", BuiltPrograms.Hub,
            ["kiosk", "password", Kiosk, "--data-dir", hub.DataDirectory]);
        await Poll.UntilAsync(_ => Task.FromResult(cli.HasExited), exited => exited, TimeSpan.FromMinutes(1),
            "tcd-hub kiosk password to finish", cli.Describe, TimeSpan.FromMilliseconds(100), ct);
        Assert.True(cli.ExitCode == 0, $"tcd-hub kiosk password failed:\n{cli.Describe()}");
        var line = cli.Output.Lines.Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
        return line ?? throw new InvalidOperationException($"tcd-hub kiosk password printed nothing:\n{cli.Describe()}");
    }

    private static ushort ElfMachine(string path)
    {
        using var file = File.OpenRead(path);
        var header = new byte[20];
        file.ReadExactly(header);
        Assert.True(header[0] == 0x7f && header[1] == (byte)'E' && header[2] == (byte)'L' && header[3] == (byte)'F', $"{path} is not an ELF program");
        return BitConverter.ToUInt16(header, 18);
    }

    private static (int Uid, int Gid) UserIn(string root, string user)
    {
        var line = File.ReadLines(Path.Combine(root, "etc/passwd")).FirstOrDefault(l => l.StartsWith(user + ":", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"the image has no user {user} (firmware-config/sysusers.d should create it)");
        var fields = line.Split(':');
        return (int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
    }
}
