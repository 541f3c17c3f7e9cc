using TiepCongDan.Hub.Cli;

namespace TiepCongDan.Hub;

public static class Program
{
    public static Task<int> Main(string[] args) => CliRunner.RunAsync(args, Console.Out, Console.Error);
}
