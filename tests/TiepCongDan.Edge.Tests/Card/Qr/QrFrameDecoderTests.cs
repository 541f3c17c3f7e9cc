using System.Diagnostics;
using TiepCongDan.Edge.Card.Parsing;
using TiepCongDan.Edge.Card.Qr;

namespace TiepCongDan.Edge.Tests.Card.Qr;

/// <summary>
/// libzbar in process on frames like the kiosk camera gives: a QR made by qrencode, turned a
/// little and pasted into a busy ffmpeg test picture, converted to grey pixels.
/// </summary>
public sealed class QrFrameDecoderTests : IDisposable
{
    private const int Width = 640;
    private const int Height = 480;
    private const string FrontQr = "001099012345|012345678|Nguyễn Thị Ánh Tuyết|15031988|Nữ|Số 12, ngõ 34, phường Điện Biên, quận Ba Đình, Hà Nội|20052021||";

    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-qr-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void QrHeldUpToTheCameraDecodesWithItsDiacritics()
    {
        var frame = CameraFrameWithQr(FrontQr, angleDegrees: 8);
        using var decoder = new QrFrameDecoder();

        var text = Assert.Single(decoder.Decode(frame, Width, Height));
        var qr = CccdQr.Parse(text);

        Assert.Equal(FrontQr, text);
        Assert.Equal("Nguyễn Thị Ánh Tuyết", qr.FullName);
        Assert.Equal("001099012345", qr.IdNumber);
    }

    [Fact]
    public void FramesWithoutACodeGiveNothing()
    {
        using var decoder = new QrFrameDecoder();
        var random = new Random(3);
        var noise = new byte[Width * Height];

        for (var i = 0; i < 20; i++)
        {
            random.NextBytes(noise);
            Assert.Empty(decoder.Decode(noise, Width, Height));
        }

        Assert.Empty(decoder.Decode(new byte[Width * Height], Width, Height));
    }

    [Fact]
    public void AWrongSizedBufferIsRefused()
    {
        using var decoder = new QrFrameDecoder();

        Assert.Throws<ArgumentException>(() => decoder.Decode(new byte[100], Width, Height));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode([], 0, Height));
    }

    [Fact]
    public void ADisposedDecoderSaysSo()
    {
        var decoder = new QrFrameDecoder();
        decoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => decoder.Decode(new byte[4], 2, 2));
    }

    private byte[] CameraFrameWithQr(string text, int angleDegrees)
    {
        var png = Path.Combine(_dir, "qr.png");
        Run("qrencode", ["-o", png, "-s", "4", "-m", "4", text], "qrencode");
        var raw = Path.Combine(_dir, "frame.gray");
        Run("ffmpeg",
        [
            "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=size={Width}x{Height}:rate=1", "-i", png,
            "-filter_complex", $"[1]scale=260:-1,format=rgba,rotate={angleDegrees}*PI/180:c=white:ow=rotw({angleDegrees}*PI/180):oh=roth({angleDegrees}*PI/180)[q];[0][q]overlay=180:90,format=gray",
            "-frames:v", "1", "-f", "rawvideo", raw,
        ], "ffmpeg");
        return File.ReadAllBytes(raw);
    }

    private static void Run(string program, string[] arguments, string package)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{program} is missing: apt-get install {package}", ex);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
        }
    }
}
