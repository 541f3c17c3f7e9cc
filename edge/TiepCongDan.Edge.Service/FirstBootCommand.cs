using TiepCongDan.Contracts.Provisioning;
using TiepCongDan.Edge.Provisioning;

namespace TiepCongDan.Edge.Service;

/// <summary>
/// tcd-edge firstboot [--bundle PATH] [--etc DIR] [--data DIR] [--code CODE | --code-file FILE] [--ca PEM] [--no-enroll]:
/// installs the kiosk's provisioning bundle (decision 0023) and enrols it with the hub. Without
/// --code it asks for the code on the console. Exit codes: 0 installed (or already installed),
/// 2 usage, 65 bundle or code refused (nothing installed), 66 no bundle and not installed, 74 I/O error.
/// </summary>
public static class FirstBootCommand
{
    public const int ExitUsage = 2;
    public const int ExitRejected = 65;
    public const int ExitNoBundle = 66;
    public const int ExitIo = 74;

    public static bool IsFirstBootCommand(string[] args) => args.Length > 0 && args[0] == "firstboot";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.In, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--no-enroll")
            {
                options["no-enroll"] = "true";
            }
            else if (name is "--bundle" or "--etc" or "--data" or "--code" or "--code-file" or "--ca" && i + 1 < args.Length)
            {
                options[name[2..]] = args[++i];
            }
            else
            {
                await stderr.WriteLineAsync($"tcd-edge firstboot: unknown option '{name}'. Usage: tcd-edge firstboot [--bundle PATH] [--etc DIR] [--data DIR] [--code CODE | --code-file FILE] [--ca PEM] [--no-enroll]");
                return ExitUsage;
            }
        }

        var etc = options.GetValueOrDefault("etc", FirstBootSettings.DefaultEtcDirectory);
        var settings = new FirstBootSettings
        {
            BundlePath = options.GetValueOrDefault("bundle", FirstBootSettings.DefaultBundlePath),
            EtcDirectory = etc,
            DataDirectory = options.GetValueOrDefault("data", FirstBootSettings.DefaultDataDirectory),
            PinnedFleetCaPath = options.GetValueOrDefault("ca", Path.Combine(etc, "fleet-ca.pem")),
            Enroll = !options.ContainsKey("no-enroll"),
        };

        try
        {
            if (File.Exists(settings.BundlePath))
            {
                var code = options.TryGetValue("code-file", out var codeFile)
                    ? (await File.ReadAllTextAsync(codeFile)).Trim()
                    : options.GetValueOrDefault("code");
                if (code is null)
                {
                    await stdout.WriteAsync("Nhập mã kích hoạt / Enter the activation code: ");
                    code = (await stdin.ReadLineAsync())?.Trim();
                }

                settings = settings with { Code = code };
            }

            var result = await FirstBoot.RunAsync(settings);
            await stdout.WriteLineAsync(result.Installed
                ? $"Đã cài đặt ki-ốt {result.KioskId}; gói cấu hình đã được xoá khỏi phân vùng khởi động. / Kiosk {result.KioskId} installed; the bundle was removed from the boot partition."
                : $"Ki-ốt {result.KioskId} đã được cài đặt từ trước. / Kiosk {result.KioskId} was already installed.");
            await stdout.WriteLineAsync(result.Enrolled
                ? "Đã đăng ký với máy chủ. / Enrolled with the hub."
                : $"Chưa đăng ký được với máy chủ ({result.EnrollProblem ?? "tắt"}); chạy lại lệnh này khi có mạng. / Not enrolled with the hub yet ({result.EnrollProblem ?? "off"}); run this command again once the network is up.");
            return 0;
        }
        catch (KioskBundleRejectedException ex)
        {
            await stderr.WriteLineAsync("tcd-edge firstboot: " + ex.Vietnamese);
            await stderr.WriteLineAsync("tcd-edge firstboot: " + ex.English);
            return ExitRejected;
        }
        catch (FileNotFoundException ex)
        {
            await stderr.WriteLineAsync("tcd-edge firstboot: " + ex.Message);
            return ExitNoBundle;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"tcd-edge firstboot: không ghi được tệp / cannot write a file: {ex.Message}");
            return ExitIo;
        }
    }
}
