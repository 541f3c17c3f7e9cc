using System.Diagnostics;

namespace TiepCongDan.Edge.Update;

/// <summary>`systemctl restart --no-block tcd-edge.service`: --no-block because the guard and the
/// install command must not wait on a service that may be the one that hangs.</summary>
public sealed class SystemctlServiceRestarter(string unit = "tcd-edge.service") : IServiceRestarter
{
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("systemctl") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("restart");
        psi.ArgumentList.Add("--no-block");
        psi.ArgumentList.Add(unit);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("systemctl could not be started");
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"systemctl restart {unit} failed ({process.ExitCode}): {error.Trim()}");
        }
    }
}
