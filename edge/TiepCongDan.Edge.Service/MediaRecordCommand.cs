using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TiepCongDan.Edge.Media.Session;

/// <summary>
/// <c>tcd-edge media record [--seconds N]</c>: start the service, record and stream one session for
/// N seconds (default 10), stop it cleanly and exit. Prints the session id and what was recorded.
/// </summary>
internal sealed class MediaRecordCommand(TimeSpan duration)
{
    /// <summary>Removes the command words from <paramref name="args"/>; null when the command is not given.</summary>
    public static MediaRecordCommand? TryParse(ref string[] args)
    {
        if (args.Length < 2 || args[0] != "media" || args[1] != "record")
        {
            return null;
        }

        var rest = new List<string>();
        var seconds = 10.0;
        for (var i = 2; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length)
            {
                seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        args = [.. rest];
        return new MediaRecordCommand(TimeSpan.FromSeconds(seconds));
    }

    public async Task<int> RunAsync(IHost host)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await host.StartAsync();
        var media = host.Services.GetRequiredService<MediaService>();
        var id = await media.StartSessionAsync(null, CancellationToken.None);
        await Console.Out.WriteLineAsync("session " + id);
        try
        {
            await Task.Delay(duration, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C ends the recording early; it is still closed cleanly.
        }

        await media.StopSessionAsync(CancellationToken.None);
        var status = media.Status;
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"recorded; {status.PendingSegments} segment(s) wait for the hub{(media.LastFailure.Length > 0 ? "; " + media.LastFailure : string.Empty)}"));
        await host.StopAsync();
        return media.LastFailure.Length == 0 ? 0 : 1;
    }
}
