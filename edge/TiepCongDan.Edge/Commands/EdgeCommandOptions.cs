namespace TiepCongDan.Edge.Commands;

/// <summary>"Edge:Commands": the programs the remote commands run (split on spaces; no shell, no quoting).</summary>
public sealed class EdgeCommandOptions
{
    public const string SectionName = "Edge:Commands";

    /// <summary>
    /// Writes a PNG of the kiosk's screen to standard output. On a kiosk under cage (wlroots): grim,
    /// run with the session's WAYLAND_DISPLAY and XDG_RUNTIME_DIR. A simulation can use e.g.
    /// "ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=640x360 -frames:v 1 -c:v png -f image2 pipe:1".
    /// </summary>
    public string ScreenshotCommand { get; set; } = "grim -t png -";

    /// <summary>The service's recent journal on standard output; when it fails, the bundle takes the log files instead.</summary>
    public string JournalCommand { get; set; } = "journalctl -u tcd-edge --since -24h --no-pager -o short-iso";

    /// <summary>How long one program (screenshot, journal, camera still) may run.</summary>
    public int ProgramTimeoutSeconds { get; set; } = 30;

    /// <summary>Largest journal or log text put in a bundle (the newest part is kept).</summary>
    public int MaxLogBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Problems, each a sentence; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ScreenshotCommand))
        {
            errors.Add("Edge:Commands:ScreenshotCommand is empty: give the program that writes a PNG of the screen to standard output (default \"grim -t png -\").");
        }

        if (ProgramTimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"Edge:Commands:ProgramTimeoutSeconds is {ProgramTimeoutSeconds}: use 1 to 600 (default 30).");
        }

        if (MaxLogBytes is < 4096 or > 30 * 1024 * 1024)
        {
            errors.Add($"Edge:Commands:MaxLogBytes is {MaxLogBytes}: use 4096 to 31457280 (default 8388608).");
        }

        return errors;
    }

    public static string[] Split(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
