using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Service;

/// <summary>
/// <c>tcd-edge update install PACKAGE [--deadline SECONDS] [--force] | confirm | guard | status</c>, each with
/// <c>[--root DIR] [--data-dir DIR]</c>: installs a release beside the running one and switches to it,
/// confirms the running release healthy, or rolls back one that was not confirmed in time
/// (docs/decisions/0026). Needs no hub, MQTT or configuration, so it works when the edge does not.
/// Exit codes: 0 done, 2 usage, 65 package refused (nothing changed), 70 cannot roll back, 1 other failure.
/// </summary>
public static class UpdateCommand
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;
    public const int ExitRefused = 65;
    public const int ExitCannotRollBack = 70;

    private const string Usage =
        "usage: tcd-edge update install PACKAGE(.tar.gz|DIR) [--deadline SECONDS] [--force] [--trust FLEET-CA.pem | --allow-unsigned] [--root DIR] [--data-dir DIR]\n" +
        "       tcd-edge update confirm|guard|status [--root DIR] [--data-dir DIR]\n" +
        "       tcd-edge update pack DIR VERSION   (write VERSION and SHA256SUMS into a published edge folder; then `tcd-hub release sign DIR`)";

    public static bool IsUpdateCommand(string[] args) => args.Length >= 1 && args[0] == "update";

    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, new SystemctlServiceRestarter(), TimeProvider.System, Console.Out, Console.Error, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, IServiceRestarter restarter, TimeProvider time, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            await error.WriteLineAsync("tcd-edge update: chỉ chạy trên Linux (ki-ốt).");
            return ExitFailure;
        }

        Console.OutputEncoding = Encoding.UTF8;
        if (args.Length < 2)
        {
            await error.WriteLineAsync(Usage);
            return ExitUsage;
        }

        var verb = args[1];
        if (verb == "pack")
        {
            return await PackAsync(args, time, output, error);
        }

        string? package = null;
        string root = "/";
        string dataDirectory = "/var/lib/tcd-edge";
        var deadline = TimeSpan.FromMinutes(10);
        var force = false;
        var allowUnsigned = false;
        string? trustPath = null;
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--root" when i + 1 < args.Length:
                    root = args[++i];
                    break;
                case "--data-dir" when i + 1 < args.Length:
                    dataDirectory = args[++i];
                    break;
                case "--deadline" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    deadline = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                case "--force":
                    force = true;
                    break;
                case "--allow-unsigned":
                    allowUnsigned = true;
                    break;
                case "--trust" when i + 1 < args.Length:
                    trustPath = args[++i];
                    break;
                default:
                    if (verb == "install" && package is null && !args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        package = args[i];
                        break;
                    }

                    await error.WriteLineAsync($"tcd-edge update: không hiểu tham số '{args[i]}'\n{Usage}");
                    return ExitUsage;
            }
        }

        if (allowUnsigned && trustPath is not null)
        {
            await error.WriteLineAsync($"tcd-edge update: --trust và --allow-unsigned không dùng cùng nhau\n{Usage}");
            return ExitUsage;
        }

        try
        {
            // A package must be signed by the fleet CA installed at first boot, unless a bench kiosk says otherwise.
            var trust = verb != "install" ? ReleaseTrust.None
                : allowUnsigned ? ReleaseTrust.Unsigned
                : ReleaseTrust.FromFile(trustPath ?? Path.Combine(root, ReleaseTrust.DefaultAnchorPath.TrimStart('/')));
            var manager = new UpdateManager(new UpdateLayout(root, dataDirectory), restarter, time, trust, NullLogger.Instance);
            switch (verb)
            {
                case "install" when package is not null:
                    PendingUpdate pending;
                    using (RootFileSystemWriter.Begin(root))
                    {
                        pending = await manager.InstallAsync(package, deadline, force, cancellationToken);
                    }

                    await output.WriteLineAsync(
                        $"Đã cài phiên bản {pending.Version} bên cạnh {pending.PreviousVersion ?? "(chưa có)"} và chuyển sang; " +
                        $"nếu không xác nhận hoạt động tốt trước {pending.Deadline:u} sẽ tự quay lại bản cũ.");
                    return ExitOk;
                case "confirm":
                    var running = UpdateLayout.LinkVersion(manager.Layout.Current);
                    var confirmation = manager.Confirm(running);
                    await output.WriteLineAsync(confirmation is null
                        ? "Không có bản cập nhật nào đang chờ xác nhận cho phiên bản đang chạy."
                        : $"Đã xác nhận phiên bản {confirmation.Version} hoạt động tốt.");
                    return ExitOk;
                case "guard":
                    return await GuardAsync(manager, output, error, cancellationToken);
                case "status":
                    var marker = manager.ReadMarker();
                    await output.WriteLineAsync($"Phiên bản hiện tại: {UpdateLayout.LinkVersion(manager.Layout.Current) ?? "(chưa có)"}; " +
                        $"trước đó: {UpdateLayout.LinkVersion(manager.Layout.Previous) ?? "(chưa có)"}");
                    await output.WriteLineAsync(marker is null
                        ? "Không có bản cập nhật đang chờ."
                        : $"Đang chờ xác nhận phiên bản {marker.Version} ({marker.State}) đến {marker.Deadline:u}.");
                    return ExitOk;
                default:
                    await error.WriteLineAsync(Usage);
                    return ExitUsage;
            }
        }
        catch (UpdatePackageException ex)
        {
            await error.WriteLineAsync("tcd-edge update: từ chối gói cập nhật, phiên bản đang chạy giữ nguyên: " + ex.Message);
            return ExitRefused;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.Text.Json.JsonException)
        {
            await error.WriteLineAsync("tcd-edge update: lỗi: " + ex.Message);
            return ExitFailure;
        }
    }

    [SupportedOSPlatform("linux")]
    private static async Task<int> PackAsync(string[] args, TimeProvider time, TextWriter output, TextWriter error)
    {
        if (args.Length != 4 || !Directory.Exists(args[2]) || !File.Exists(Path.Combine(args[2], ReleasePackage.Executable)))
        {
            await error.WriteLineAsync($"tcd-edge update pack: cần thư mục bản phát hành có {ReleasePackage.Executable} và số phiên bản\n{Usage}");
            return ExitUsage;
        }

        try
        {
            // A signature over an earlier manifest would not match the new one.
            File.Delete(Path.Combine(args[2], ReleasePackage.SignatureFile));
            ReleasePackage.WriteManifest(args[2], args[3]);
            ReleasePackage.Verify(args[2], ReleaseTrust.Unsigned, time.GetUtcNow());
        }
        catch (UpdatePackageException ex)
        {
            await error.WriteLineAsync("tcd-edge update pack: " + ex.Message);
            return ExitRefused;
        }

        await output.WriteLineAsync($"Đã ghi {ReleasePackage.VersionFile} và {ReleasePackage.ManifestFile} cho phiên bản {args[3]} trong {args[2]}; ký bằng `tcd-hub release sign {args[2]}`.");
        return ExitOk;
    }

    [SupportedOSPlatform("linux")]
    private static async Task<int> GuardAsync(UpdateManager manager, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var marker = manager.ReadMarker();
        var outcome = await manager.GuardAsync(cancellationToken);
        var version = marker?.Version ?? "";
        switch (outcome)
        {
            case GuardOutcome.Nothing:
                await output.WriteLineAsync("Không có bản cập nhật đang chờ.");
                return ExitOk;
            case GuardOutcome.Waiting:
                await output.WriteLineAsync($"Phiên bản {version} chưa xác nhận; còn chờ đến {marker!.Deadline:u}.");
                return ExitOk;
            case GuardOutcome.Kept:
                await output.WriteLineAsync($"Phiên bản {version} đã xác nhận hoạt động tốt và được giữ lại.");
                return ExitOk;
            case GuardOutcome.Abandoned:
                await output.WriteLineAsync($"Việc cài phiên bản {version} bị gián đoạn trước khi chuyển; giữ phiên bản {marker!.PreviousVersion ?? "cũ"}.");
                return ExitOk;
            case GuardOutcome.RolledBack:
                await error.WriteLineAsync($"Phiên bản {version} không báo hoạt động tốt đúng hạn: đã quay lại phiên bản {marker!.PreviousVersion} và đánh dấu {version} là lỗi.");
                return ExitOk;
            default:
                await error.WriteLineAsync($"Phiên bản {version} không báo hoạt động tốt đúng hạn nhưng không có phiên bản cũ để quay lại; đã đánh dấu là lỗi.");
                return ExitCannotRollBack;
        }
    }
}
