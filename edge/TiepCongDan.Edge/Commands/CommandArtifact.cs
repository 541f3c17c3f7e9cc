namespace TiepCongDan.Edge.Commands;

/// <summary>A file a command produced for the hub (a PNG, a JPEG, a .tar.gz).</summary>
public sealed record CommandArtifact(string FileName, string ContentType, byte[] Bytes);
