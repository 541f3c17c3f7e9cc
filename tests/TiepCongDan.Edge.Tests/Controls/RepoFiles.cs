using System.Runtime.CompilerServices;

namespace TiepCongDan.Edge.Tests.Controls;

/// <summary>Files of the repository (the board pin maps), found from this source file's path since the tests build into an artifacts folder elsewhere.</summary>
internal static class RepoFiles
{
    public static string BoardsDirectory => Path.Combine(Root(), "firmware-config", "boards");

    private static string Root([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "firmware-config", "boards")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"firmware-config/boards not found above {sourceFile} or {Directory.GetCurrentDirectory()}.");
    }
}
