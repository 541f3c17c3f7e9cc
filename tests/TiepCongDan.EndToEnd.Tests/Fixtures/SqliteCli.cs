using System.Globalization;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// Reads a SQLite file with Debian's sqlite3 CLI, from outside the program that owns it: what a
/// technician would see on the kiosk, and proof of what was really committed to disk.
/// </summary>
public static class SqliteCli
{
    public const string Executable = "/usr/bin/sqlite3";

    public static async Task<long> ScalarAsync(string databasePath, string sql, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException("install sqlite3: apt-get install sqlite3");
        }

        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"The database {databasePath} does not exist.");
        }

        await using var cli = ChildProcess.Start("sqlite3", Executable, ["-batch", "-cmd", ".timeout 5000", databasePath, sql]);
        if (!await cli.WaitForExitAsync(TimeSpan.FromSeconds(20), cancellationToken) || cli.ExitCode != 0)
        {
            throw new IOException($"sqlite3 failed on {databasePath}: {sql}\n{cli.Describe()}");
        }

        var line = cli.Output.Lines.FirstOrDefault(l => !l.StartsWith("[stderr]", StringComparison.Ordinal) && l.Trim().Length > 0);
        return long.Parse(line?.Trim() ?? throw new IOException($"sqlite3 printed nothing for {sql}\n{cli.Describe()}"), CultureInfo.InvariantCulture);
    }
}
