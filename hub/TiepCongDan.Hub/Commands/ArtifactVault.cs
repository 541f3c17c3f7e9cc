using Microsoft.AspNetCore.DataProtection;

namespace TiepCongDan.Hub.Commands;

/// <summary>
/// Screenshots, camera stills and log bundles at rest: each file encrypted and authenticated with the
/// hub's data-protection keys (kept with the rest of its state), bound to its command id so a file
/// cannot be served as another command's. Files are 0600 under one directory.
/// </summary>
public sealed class ArtifactVault
{
    private readonly IDataProtectionProvider _provider;

    public ArtifactVault(IDataProtectionProvider provider, string directory)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    /// <summary>Encrypts and stores <paramref name="plain"/>; returns the file name.</summary>
    public async Task<string> SaveAsync(string commandId, byte[] plain, CancellationToken cancellationToken)
    {
        var name = commandId + ".bin";
        var path = Path.Combine(Directory, name);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(path + ".tmp", options))
        {
            await file.WriteAsync(Protector(commandId).Protect(plain), cancellationToken);
        }

        File.Move(path + ".tmp", path, overwrite: true);
        return name;
    }

    /// <exception cref="System.Security.Cryptography.CryptographicException">The file was altered or belongs to another command.</exception>
    public async Task<byte[]> ReadAsync(string commandId, string fileName, CancellationToken cancellationToken) =>
        Protector(commandId).Unprotect(await File.ReadAllBytesAsync(Path.Combine(Directory, Path.GetFileName(fileName)), cancellationToken));

    public void Delete(string fileName) => File.Delete(Path.Combine(Directory, Path.GetFileName(fileName)));

    private IDataProtector Protector(string commandId) => _provider.CreateProtector("tcd-command-artifact", commandId);
}
