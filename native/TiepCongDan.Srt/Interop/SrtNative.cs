using System.Runtime.InteropServices;

namespace TiepCongDan.Srt.Interop;

/// <summary>The libsrt 1.5 entry points we call (Debian libsrt1.5-openssl).</summary>
internal static unsafe partial class SrtNative
{
    public const string Library = "libsrt.so.1.5";
    public const int Error = -1;
    public const int InvalidSocket = -1;

    /// <summary>LOG_ERR from syslog.h: libsrt otherwise prints every handshake to stderr.</summary>
    public const int LogErr = 3;
    public const int LogCrit = 2;

    public const int SocketStatusConnected = 5;

    [LibraryImport(Library, EntryPoint = "srt_startup")]
    public static partial int Startup();

    [LibraryImport(Library, EntryPoint = "srt_setloglevel")]
    public static partial void SetLogLevel(int level);

    [LibraryImport(Library, EntryPoint = "srt_create_socket")]
    public static partial int CreateSocket();

    [LibraryImport(Library, EntryPoint = "srt_setsockflag")]
    public static partial int SetSockFlag(int socket, SrtOption option, void* value, int length);

    [LibraryImport(Library, EntryPoint = "srt_getsockflag")]
    public static partial int GetSockFlag(int socket, SrtOption option, void* value, int* length);

    [LibraryImport(Library, EntryPoint = "srt_connect")]
    public static partial int Connect(int socket, SockAddrIn* address, int length);

    [LibraryImport(Library, EntryPoint = "srt_bind")]
    public static partial int Bind(int socket, SockAddrIn* address, int length);

    [LibraryImport(Library, EntryPoint = "srt_listen")]
    public static partial int Listen(int socket, int backlog);

    [LibraryImport(Library, EntryPoint = "srt_accept")]
    public static partial int Accept(int socket, byte* address, int* length);

    [LibraryImport(Library, EntryPoint = "srt_listen_callback")]
    public static partial int ListenCallback(int socket, delegate* unmanaged<nint, int, int, nint, nint, int> hook, nint opaque);

    [LibraryImport(Library, EntryPoint = "srt_sendmsg2")]
    public static partial int SendMsg2(int socket, byte* buffer, int length, SrtMsgCtrl* control);

    [LibraryImport(Library, EntryPoint = "srt_recvmsg2")]
    public static partial int RecvMsg2(int socket, byte* buffer, int length, SrtMsgCtrl* control);

    [LibraryImport(Library, EntryPoint = "srt_bstats")]
    public static partial int BStats(int socket, SrtPerfMon* stats, int clear);

    [LibraryImport(Library, EntryPoint = "srt_getsockstate")]
    public static partial int GetSockState(int socket);

    [LibraryImport(Library, EntryPoint = "srt_getlasterror_str")]
    public static partial nint GetLastErrorStr();

    [LibraryImport(Library, EntryPoint = "srt_getlasterror")]
    public static partial int GetLastError(int* errnoLocation);

    [LibraryImport(Library, EntryPoint = "srt_getrejectreason")]
    public static partial int GetRejectReason(int socket);

    [LibraryImport(Library, EntryPoint = "srt_setrejectreason")]
    public static partial int SetRejectReason(int socket, int value);

    [LibraryImport(Library, EntryPoint = "srt_rejectreason_str")]
    public static partial nint RejectReasonStr(int id);

    [LibraryImport(Library, EntryPoint = "srt_close")]
    public static partial int Close(int socket);
}
