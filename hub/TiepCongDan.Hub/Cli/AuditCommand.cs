using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Cli;

/// <summary>tcd-hub audit verify [--data DIR]: checks the audit log's hash chain in DIR/hub.db (the hub may be running); exit 0 only when it holds.</summary>
public static class AuditCommand
{
    public const int ExitBroken = 1;

    public const string Usage = """
          tcd-hub audit verify [--data DIR]           check the audit log's hash chain in DIR/hub.db; exit 0 only when it holds
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, positional) = CliRunner.Parse(args);
        if (positional is not ["verify"])
        {
            stderr.WriteLine("usage:\n" + Usage);
            return CliRunner.ExitUsage;
        }

        if (options.TryGetValue("data", out var data))
        {
            options["data-dir"] = data;
        }

        var directory = CliRunner.DataDirectory(options);
        if (!File.Exists(Path.Combine(directory, "hub.db")))
        {
            stderr.WriteLine($"tcd-hub audit verify: no hub.db in {directory}.");
            return CliRunner.ExitUsage;
        }

        using var database = new HubDatabase(directory);
        var (count, broken) = new AuditLog(database, TimeProvider.System).Check();
        if (broken is { } seq)
        {
            stdout.WriteLine($"audit log BROKEN at entry {seq} of {count}");
            stdout.WriteLine($"Nhật ký kiểm tra bị sửa hoặc thiếu từ mục {seq}.");
            return ExitBroken;
        }

        stdout.WriteLine($"audit log intact: {count} entries");
        stdout.WriteLine($"Nhật ký kiểm tra nguyên vẹn: {count} mục.");
        return 0;
    }
}
