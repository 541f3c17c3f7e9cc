using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;

namespace TiepCongDan.Edge.Hosting;

/// <summary>
/// Serilog for the kiosk: console for journald (priority prefix "&lt;N&gt;", no timestamp: journald
/// stamps lines itself) when systemd runs us, timestamps otherwise; plus a size-capped rolling file
/// so a kiosk without network still has its history on site.
/// </summary>
internal static class EdgeLogging
{
    private const string JournaldTemplate = "{SyslogPriority}[{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
    private const string TerminalTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static bool UnderJournald =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INVOCATION_ID"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM"));

    public static void Configure(IHostApplicationBuilder builder)
    {
        // Read raw configuration (not the validated options): logging must work even when the
        // options are wrong, to report exactly that.
        var config = builder.Configuration;
        var dataDirectory = config["Edge:DataDirectory"] is { Length: > 0 } d ? d : "/var/lib/tcd-edge";
        var filePath = config["Edge:Logging:FilePath"] is { Length: > 0 } f ? f : Path.Combine(dataDirectory, "logs", "edge-.log");
        var sizeLimit = config.GetValue<long?>("Edge:Logging:FileSizeLimitBytes") ?? 10L * 1024 * 1024;
        var retained = config.GetValue<int?>("Edge:Logging:RetainedFileCount") ?? 5;

        builder.Services.AddSerilog(lc =>
        {
            lc.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .ReadFrom.Configuration(config)
                .Enrich.With<SyslogPriorityEnricher>()
                .WriteTo.Console(outputTemplate: UnderJournald ? JournaldTemplate : TerminalTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                .WriteTo.File(
                    filePath,
                    outputTemplate: FileTemplate,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    rollingInterval: RollingInterval.Day,
                    fileSizeLimitBytes: Math.Max(64 * 1024, sizeLimit),
                    rollOnFileSizeLimit: true,
                    retainedFileCountLimit: Math.Max(1, retained));
        });
    }
}
