namespace TiepCongDan.Edge.Commands;

/// <summary>The screenshot command: runs Edge:Commands:ScreenshotCommand and checks it wrote a PNG.</summary>
public sealed class ScreenCapture(EdgeCommandOptions options)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public async Task<CommandResult> CaptureAsync(string kioskId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (output, problem) = await ProgramCapture.RunAsync(options.ScreenshotCommand, TimeSpan.FromSeconds(options.ProgramTimeoutSeconds), cancellationToken);
        if (output is null)
        {
            return CommandResult.Failed("Không chụp được màn hình: " + problem + ".");
        }

        if (!output.AsSpan().StartsWith(PngSignature))
        {
            return CommandResult.Failed($"Chương trình chụp màn hình không trả về ảnh PNG ({output.Length} byte).");
        }

        return CommandResult.Done($"Đã chụp màn hình ({output.Length / 1024} KB).",
            new CommandArtifact($"screen-{kioskId}-{now:yyyyMMdd-HHmmss}.png", "image/png", output));
    }
}
