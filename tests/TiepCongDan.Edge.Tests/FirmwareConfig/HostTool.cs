using System.Diagnostics;

namespace TiepCongDan.Edge.Tests.FirmwareConfig;

/// <summary>Runs a system tool; a missing tool fails the test with the Debian package to install (no silent skip).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class HostTool
{
    public static (int ExitCode, string Output, string Error) Run(string tool, string package, IEnumerable<string> args, TimeSpan? timeout = null, IDictionary<string, string>? environment = null)
    {
        var path = Require(tool, package);
        var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', psi.ArgumentList)} did not finish in time");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    public static string Require(string tool, string package)
    {
        foreach (var dir in new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin" })
        {
            var path = Path.Combine(dir, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.Fail($"{tool} is missing on this machine: install the Debian package '{package}' (apt-get install {package}).");
        return tool;
    }
}
