namespace TiepCongDan.Edge.Media.Upload;

/// <summary>The hub's answer to one PATCH: status and Upload-Offset when it sent one.</summary>
internal sealed record PatchReply(int StatusCode, long? Offset);
