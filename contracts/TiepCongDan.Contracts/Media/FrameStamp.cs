using System.Globalization;

namespace TiepCongDan.Contracts.Media;

/// <summary>
/// A machine-readable stamp burned into the top of the simulated camera picture, so a receiver
/// (the hub's line test, latency measurement) can read back which frame it sees and when it was
/// captured. 96 bits as 32 columns x 3 rows of black/white blocks, each block width/32 pixels
/// wide and as tall (20 px at 640x360: big enough to survive H.264 at 300 kbit/s).
/// Row 0: frame number (32 bits, MSB first). Row 1: capture Unix ms bits 43..12.
/// Row 2: capture Unix ms bits 11..0, a 16-bit check (weighted sum of 16-bit words mod 65521),
/// and the sync pattern 1010. Only mod/floor/pow arithmetic is used in the ffmpeg expression:
/// ffmpeg's bitand goes through a C long, which is 32 bits on 32-bit ARM.
/// </summary>
public static class FrameStamp
{
    public const int Columns = 32;
    public const int Rows = 3;
    public const int Bits = Columns * Rows;
    private const int CheckModulus = 65521;
    private const long MaxMs = (1L << 44) - 1;

    /// <summary>Height in pixels of the stamp strip at the top of a picture <paramref name="width"/> wide (even, for 4:2:0).</summary>
    public static int StripHeight(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, Columns);
        return ((Rows * width / Columns) + 1) & ~1;
    }

    /// <summary>
    /// An ffmpeg filtergraph fragment that reads <paramref name="inputLabel"/> and writes it with the
    /// stamp drawn on top to <paramref name="outputLabel"/>. The frame number is N + <paramref name="frameOffset"/>,
    /// the capture time <paramref name="firstFrameUnixMs"/> + T in ms: only 96 pixels are computed with
    /// geq, then scaled up with nearest-neighbour, so the cost is one overlay.
    /// </summary>
    public static string FilterGraph(string inputLabel, string outputLabel, int width, long frameOffset, long firstFrameUnixMs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputLabel);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputLabel);
        ArgumentOutOfRangeException.ThrowIfNegative(frameOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(firstFrameUnixMs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstFrameUnixMs, MaxMs);
        var height = StripHeight(width);
        var f = frameOffset.ToString(CultureInfo.InvariantCulture);
        var e = firstFrameUnixMs.ToString(CultureInfo.InvariantCulture);
        // ld(0) frame number, ld(1) capture ms, ld(2) check; then one bit per pixel (X column, Y row).
        var expression =
            $"st(0,mod(N+{f},4294967296));" +
            $"st(1,{e}+round(T*1000));" +
            "st(2,mod(floor(ld(0)/65536)+2*mod(ld(0),65536)+3*floor(ld(1)/4294967296)+4*mod(floor(ld(1)/65536),65536)+5*mod(ld(1),65536),65521));" +
            "255*if(lt(Y,1),mod(floor(ld(0)/pow(2,31-X)),2)," +
            "if(lt(Y,2),mod(floor(ld(1)/pow(2,43-X)),2)," +
            "if(lt(X,12),mod(floor(ld(1)/pow(2,11-X)),2)," +
            "if(lt(X,28),mod(floor(ld(2)/pow(2,27-X)),2),1-mod(X,2)))))";
        // crop to 4 rows first: crop rounds heights down to the chroma subsampling of yuv420p.
        return $"[{inputLabel}]split[{outputLabel}_pic][{outputLabel}_src];" +
            $"[{outputLabel}_src]crop=32:4:0:0,format=gray,crop=32:3:0:0,geq=lum='{expression}'," +
            $"scale={width.ToString(CultureInfo.InvariantCulture)}:{height.ToString(CultureInfo.InvariantCulture)}:flags=neighbor[{outputLabel}_strip];" +
            $"[{outputLabel}_pic][{outputLabel}_strip]overlay=0:0[{outputLabel}]";
    }

    /// <summary>The 96 bits of a stamp, in the order drawn (row by row, left to right).</summary>
    public static bool[] ToBits(FrameStampValue value)
    {
        if (value.CaptureUnixMs is < 0 or > MaxMs)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Capture time must fit in 44 bits of Unix milliseconds.");
        }

        var bits = new bool[Bits];
        var ms = value.CaptureUnixMs;
        var check = Check(value.FrameNumber, ms);
        for (var x = 0; x < Columns; x++)
        {
            bits[x] = ((value.FrameNumber >> (31 - x)) & 1) == 1;
            bits[Columns + x] = ((ms >> (43 - x)) & 1) == 1;
            bits[(2 * Columns) + x] = x switch
            {
                < 12 => ((ms >> (11 - x)) & 1) == 1,
                < 28 => ((check >> (27 - x)) & 1) == 1,
                _ => x % 2 == 0,
            };
        }

        return bits;
    }

    /// <summary>
    /// Reads the stamp from a decoded 8-bit gray picture (e.g. <c>ffmpeg -f rawvideo -pix_fmt gray</c>):
    /// each block is thresholded on the mean of its inner half, then the sync pattern and the
    /// check must match. False when the picture carries no readable stamp.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> gray8, int width, int height, out FrameStampValue value)
    {
        value = default;
        if (width < Columns || height < StripHeight(width) || gray8.Length < width * height)
        {
            return false;
        }

        var bits = new bool[Bits];
        var blockWidth = (double)width / Columns;
        var blockHeight = (double)StripHeight(width) / Rows;
        for (var row = 0; row < Rows; row++)
        {
            var y0 = (int)Math.Ceiling((row + 0.25) * blockHeight);
            var y1 = Math.Max(y0 + 1, (int)Math.Floor((row + 0.75) * blockHeight));
            for (var column = 0; column < Columns; column++)
            {
                var x0 = (int)Math.Ceiling((column + 0.25) * blockWidth);
                var x1 = Math.Max(x0 + 1, (int)Math.Floor((column + 0.75) * blockWidth));
                long sum = 0;
                for (var y = y0; y < y1; y++)
                {
                    foreach (var pixel in gray8.Slice((y * width) + x0, x1 - x0))
                    {
                        sum += pixel;
                    }
                }

                bits[(row * Columns) + column] = sum > 128L * (y1 - y0) * (x1 - x0);
            }
        }

        return TryDecode(bits, out value);
    }

    /// <summary>Decodes the 96 bits of <see cref="ToBits"/>; false when the sync pattern or check does not match.</summary>
    public static bool TryDecode(ReadOnlySpan<bool> bits, out FrameStampValue value)
    {
        value = default;
        if (bits.Length != Bits)
        {
            return false;
        }

        var row2 = bits[(2 * Columns)..];
        if (!row2[28] || row2[29] || !row2[30] || row2[31])
        {
            return false;
        }

        uint frame = 0;
        long ms = 0;
        var check = 0;
        for (var x = 0; x < Columns; x++)
        {
            frame = (frame << 1) | (bits[x] ? 1u : 0u);
            ms = (ms << 1) | (bits[Columns + x] ? 1L : 0L);
        }

        for (var x = 0; x < 12; x++)
        {
            ms = (ms << 1) | (row2[x] ? 1L : 0L);
        }

        for (var x = 12; x < 28; x++)
        {
            check = (check << 1) | (row2[x] ? 1 : 0);
        }

        if (check != Check(frame, ms))
        {
            return false;
        }

        value = new FrameStampValue(frame, ms);
        return true;
    }

    private static int Check(uint frame, long ms)
    {
        var sum = (frame >> 16) + (2L * (frame & 0xFFFF)) + (3L * (ms >> 32)) + (4L * ((ms >> 16) & 0xFFFF)) + (5L * (ms & 0xFFFF));
        return (int)(sum % CheckModulus);
    }
}
