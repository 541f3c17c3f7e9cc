using System.Text;

namespace TiepCongDan.Edge.Card.Qr;

/// <summary>
/// Finds QR codes in a camera frame with libzbar, in process: the frame (a citizen holding a card
/// up to the camera) never leaves memory, which running <c>zbarimg</c> on a temp file would break.
/// Takes 8-bit grey pixels (what <c>ffmpeg -pix_fmt gray</c> gives, or the Y plane of any YUV
/// frame). One scanner per instance; calls are serialized, so an instance may be shared.
/// </summary>
public sealed class QrFrameDecoder : IDisposable
{
    private readonly Lock _gate = new();
    private nint _scanner;

    public QrFrameDecoder()
    {
        try
        {
            _scanner = ZbarNative.ScannerCreate();
        }
        catch (DllNotFoundException ex)
        {
            throw new InvalidOperationException("libzbar.so.0 is missing: apt-get install libzbar0", ex);
        }

        if (_scanner == 0)
        {
            throw new InvalidOperationException("zbar could not create an image scanner.");
        }

        // Only QR: the other symbologies cost time and can misread a card's printed patterns.
        if (ZbarNative.ScannerSetConfig(_scanner, ZbarNative.SymbologyAll, ZbarNative.ConfigEnable, 0) != 0
            || ZbarNative.ScannerSetConfig(_scanner, ZbarNative.SymbologyQrCode, ZbarNative.ConfigEnable, 1) != 0)
        {
            ZbarNative.ScannerDestroy(_scanner);
            throw new InvalidOperationException("zbar refused to limit its scanner to QR codes.");
        }
    }

    /// <summary>
    /// The text of every QR code in the frame (UTF-8 as zbar decoded it), empty when there is none.
    /// </summary>
    /// <exception cref="ArgumentException">The pixel buffer does not hold width x height bytes.</exception>
    public IReadOnlyList<string> Decode(ReadOnlySpan<byte> greyPixels, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (greyPixels.Length != (long)width * height)
        {
            throw new ArgumentException($"A {width}x{height} grey frame is {(long)width * height} bytes, not {greyPixels.Length}.", nameof(greyPixels));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_scanner == 0, this);
            return Scan(greyPixels, width, height);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_scanner != 0)
            {
                ZbarNative.ScannerDestroy(_scanner);
                _scanner = 0;
            }
        }
    }

    private unsafe List<string> Scan(ReadOnlySpan<byte> pixels, int width, int height)
    {
        var found = new List<string>();
        var image = ZbarNative.ImageCreate();
        try
        {
            fixed (byte* data = pixels)
            {
                ZbarNative.ImageSetFormat(image, ZbarNative.FormatY800);
                ZbarNative.ImageSetSize(image, (uint)width, (uint)height);
                ZbarNative.ImageSetData(image, data, (nuint)pixels.Length, 0);
                var count = ZbarNative.ScanImage(_scanner, image);
                if (count < 0)
                {
                    throw new InvalidOperationException("zbar failed to scan the frame.");
                }

                for (var symbol = ZbarNative.ImageFirstSymbol(image); symbol != 0; symbol = ZbarNative.SymbolNext(symbol))
                {
                    if (ZbarNative.SymbolGetType(symbol) != ZbarNative.SymbologyQrCode)
                    {
                        continue;
                    }

                    var length = (int)ZbarNative.SymbolGetDataLength(symbol);
                    var text = ZbarNative.SymbolGetData(symbol);
                    found.Add(Encoding.UTF8.GetString(text, length));
                }

                // The image must not outlive the pinned pixels.
                ZbarNative.ImageSetData(image, null, 0, 0);
            }
        }
        finally
        {
            ZbarNative.ImageDestroy(image);
        }

        return found;
    }
}
