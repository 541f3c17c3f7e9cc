namespace TiepCongDan.Edge.Update;

/// <summary>A release package that must not be installed (torn, altered, incomplete); the message says why.</summary>
public sealed class UpdatePackageException(string message) : Exception(message);
