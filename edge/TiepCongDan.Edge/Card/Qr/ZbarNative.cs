using System.Runtime.InteropServices;

namespace TiepCongDan.Edge.Card.Qr;

/// <summary>The libzbar 0.23 entry points the frame decoder needs (Debian libzbar0).</summary>
internal static unsafe partial class ZbarNative
{
    public const string Library = "libzbar.so.0";

    /// <summary>ZBAR_NONE: "every symbology" in set_config.</summary>
    public const int SymbologyAll = 0;

    /// <summary>ZBAR_QRCODE.</summary>
    public const int SymbologyQrCode = 64;

    /// <summary>ZBAR_CFG_ENABLE.</summary>
    public const int ConfigEnable = 0;

    /// <summary>fourcc('Y','8','0','0'): 8-bit grey, one byte a pixel.</summary>
    public const uint FormatY800 = 0x30303859;

    [LibraryImport(Library, EntryPoint = "zbar_image_scanner_create")]
    public static partial nint ScannerCreate();

    [LibraryImport(Library, EntryPoint = "zbar_image_scanner_destroy")]
    public static partial void ScannerDestroy(nint scanner);

    [LibraryImport(Library, EntryPoint = "zbar_image_scanner_set_config")]
    public static partial int ScannerSetConfig(nint scanner, int symbology, int config, int value);

    [LibraryImport(Library, EntryPoint = "zbar_image_create")]
    public static partial nint ImageCreate();

    [LibraryImport(Library, EntryPoint = "zbar_image_destroy")]
    public static partial void ImageDestroy(nint image);

    [LibraryImport(Library, EntryPoint = "zbar_image_set_format")]
    public static partial void ImageSetFormat(nint image, nuint format);

    [LibraryImport(Library, EntryPoint = "zbar_image_set_size")]
    public static partial void ImageSetSize(nint image, uint width, uint height);

    /// <summary>No cleanup handler: the caller keeps the pixels pinned until the image is destroyed.</summary>
    [LibraryImport(Library, EntryPoint = "zbar_image_set_data")]
    public static partial void ImageSetData(nint image, byte* data, nuint length, nint cleanup);

    [LibraryImport(Library, EntryPoint = "zbar_scan_image")]
    public static partial int ScanImage(nint scanner, nint image);

    [LibraryImport(Library, EntryPoint = "zbar_image_first_symbol")]
    public static partial nint ImageFirstSymbol(nint image);

    [LibraryImport(Library, EntryPoint = "zbar_symbol_next")]
    public static partial nint SymbolNext(nint symbol);

    [LibraryImport(Library, EntryPoint = "zbar_symbol_get_type")]
    public static partial int SymbolGetType(nint symbol);

    [LibraryImport(Library, EntryPoint = "zbar_symbol_get_data")]
    public static partial byte* SymbolGetData(nint symbol);

    [LibraryImport(Library, EntryPoint = "zbar_symbol_get_data_length")]
    public static partial uint SymbolGetDataLength(nint symbol);
}
