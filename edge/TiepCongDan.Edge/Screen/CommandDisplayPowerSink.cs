using System.ComponentModel;
using System.Diagnostics;

namespace TiepCongDan.Edge.Screen;

/// <summary>
/// Switches the display by running a program (wlr-randr, xset or vcgencmd; see
/// <see cref="DisplayPowerSinks"/>). The program inherits the service's environment: WAYLAND_DISPLAY
/// and XDG_RUNTIME_DIR (wlr-randr) or DISPLAY (xset) must name the kiosk's display session.
/// </summary>
internal sealed class CommandDisplayPowerSink : IDisplayPowerSink
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(5);

    private readonly string _program;
    private readonly string _debianPackage;
    private readonly IReadOnlyList<string> _onArguments;
    private readonly IReadOnlyList<string> _offArguments;

    public CommandDisplayPowerSink(string program, string debianPackage, IReadOnlyList<string> onArguments, IReadOnlyList<string> offArguments)
    {
        _program = program;
        _debianPackage = debianPackage;
        _onArguments = onArguments;
        _offArguments = offArguments;
    }

    public string Describe(bool on) => string.Join(' ', [_program, .. on ? _onArguments : _offArguments]);

    public void SetPower(bool on)
    {
        var start = new ProcessStartInfo(_program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in on ? _onArguments : _offArguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new DisplayPowerException($"`{Describe(on)}` did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new DisplayPowerException($"`{_program}` cannot be run ({ex.Message}): install it (apt-get install {_debianPackage}) or set Edge:Screen:DisplayPower to another method.", ex);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(ExitTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new DisplayPowerException($"`{Describe(on)}` did not finish within {ExitTimeout.TotalSeconds:0} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new DisplayPowerException($"`{Describe(on)}` failed with exit code {process.ExitCode}: {stderr.GetAwaiter().GetResult().Trim()}");
            }
        }
    }
}
