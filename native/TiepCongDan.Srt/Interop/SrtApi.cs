using System.Runtime.InteropServices;
using System.Text;

namespace TiepCongDan.Srt.Interop;

/// <summary>Thin helpers over <see cref="SrtNative"/>: one-time start-up, errors, socket options.</summary>
internal static unsafe class SrtApi
{
    public const int ErrorConnectionLost = 2001;
    public const int ErrorNoConnection = 2002;
    public const int ErrorInvalidSocket = 5004;
    public const int ErrorAsyncReceive = 6002;
    public const int ErrorTimeout = 6003;
    public const int ErrorNoServer = 1001;
    public const int ErrorSocketClosed = 1005;

    private static readonly Lazy<bool> Started = new(StartUp, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>srt_startup once per process; srt_cleanup is never called (the process exits instead).</summary>
    public static void EnsureStarted() => _ = Started.Value;

    private static bool StartUp()
    {
        try
        {
            if (SrtNative.Startup() < 0)
            {
                throw new InvalidOperationException("srt_startup failed: " + LastErrorMessage());
            }
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException($"{SrtNative.Library} is missing: install the Debian package libsrt1.5-openssl.", e);
        }

        // LOG_CRIT: at LOG_ERR libsrt prints "srt_accept: no pending connection available" for
        // every idle non-blocking accept; every failure we care about surfaces as an error code.
        SrtNative.SetLogLevel(SrtNative.LogCrit);
        return true;
    }

    public static int LastErrorCode()
    {
        int errno;
        return SrtNative.GetLastError(&errno);
    }

    public static string LastErrorMessage() => Marshal.PtrToStringUTF8(SrtNative.GetLastErrorStr()) ?? "unknown SRT error";

    public static string RejectReasonText(int reason) => Marshal.PtrToStringUTF8(SrtNative.RejectReasonStr(reason)) ?? $"reject reason {reason}";

    public static void SetInt(int socket, SrtOption option, int value)
    {
        if (SrtNative.SetSockFlag(socket, option, &value, sizeof(int)) < 0)
        {
            throw new SrtException($"Cannot set SRT option {option} to {value}: {LastErrorMessage()}", LastErrorCode());
        }
    }

    public static void SetBool(int socket, SrtOption option, bool value)
    {
        // SRT's boolean options take a C++ bool (one byte) but accept an int as well; int is the documented C way.
        SetInt(socket, option, value ? 1 : 0);
    }

    public static void SetString(int socket, SrtOption option, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* p = bytes)
        {
            if (SrtNative.SetSockFlag(socket, option, p, bytes.Length) < 0)
            {
                // Never put the value in the message: it may be a passphrase.
                throw new SrtException($"Cannot set SRT option {option}: {LastErrorMessage()}", LastErrorCode());
            }
        }
    }

    public static int GetInt(int socket, SrtOption option)
    {
        int value = 0;
        var length = sizeof(int);
        if (SrtNative.GetSockFlag(socket, option, &value, &length) < 0)
        {
            throw new SrtException($"Cannot read SRT option {option}: {LastErrorMessage()}", LastErrorCode());
        }

        return value;
    }

    public static string GetString(int socket, SrtOption option)
    {
        var buffer = stackalloc byte[513];
        var length = 513;
        if (SrtNative.GetSockFlag(socket, option, buffer, &length) < 0)
        {
            throw new SrtException($"Cannot read SRT option {option}: {LastErrorMessage()}", LastErrorCode());
        }

        return Encoding.UTF8.GetString(buffer, length);
    }
}
