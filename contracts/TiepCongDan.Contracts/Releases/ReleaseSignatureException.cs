namespace TiepCongDan.Contracts.Releases;

/// <summary>A release package's signature is missing, malformed, from a signer the kiosk does not trust, or does not match.</summary>
public sealed class ReleaseSignatureException(string message) : Exception(message);
