using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Archive;

/// <summary>Log lines of the sealed archive (event ids 6400-6449). Never the media, never a citizen reference.</summary>
internal static partial class ArchiveLog
{
    [LoggerMessage(6400, LogLevel.Information, "Session {SessionId} sealed: manifest v{Version}, {SegmentCount} segments, chain head {ChainHead}")]
    public static partial void Sealed(ILogger logger, string sessionId, int version, int segmentCount, string chainHead);

    [LoggerMessage(6401, LogLevel.Error, "Session {SessionId} not sealed: segment {Sequence} on disk does not match its confirmed SHA-256")]
    public static partial void SealRefused(ILogger logger, string sessionId, int sequence);

    [LoggerMessage(6402, LogLevel.Information, "Session {SessionId} metadata changed by {User}; manifest re-signed as v{Version}, v{Previous} kept in history")]
    public static partial void Resigned(ILogger logger, string sessionId, string user, int version, int previous);

    [LoggerMessage(6403, LogLevel.Warning, "Session {SessionId} legal hold set to {Hold} by {User}")]
    public static partial void LegalHold(ILogger logger, string sessionId, bool hold, string user);

    [LoggerMessage(6404, LogLevel.Warning, "Session {SessionId} failed verification: {Problems}")]
    public static partial void VerifyFailed(ILogger logger, string sessionId, string problems);

    [LoggerMessage(6405, LogLevel.Information, "Session {SessionId} deleted by policy: {Policy}")]
    public static partial void Deleted(ILogger logger, string sessionId, string policy);

    [LoggerMessage(6406, LogLevel.Information, "Session {SessionId} exported to MP4 ({Bytes} bytes)")]
    public static partial void Exported(ILogger logger, string sessionId, long bytes);

    [LoggerMessage(6407, LogLevel.Error, "Archive background pass failed")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(6408, LogLevel.Information, "Archive signing key {KeyId} loaded from {Path}; public key for auditors at {PublicPath}")]
    public static partial void KeyLoaded(ILogger logger, string keyId, string path, string publicPath);
}
