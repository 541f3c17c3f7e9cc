using System.Formats.Tar;
using System.IO.Compression;
using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>A temporary kiosk root with release 1.0.0 installed and running, and helpers that build release packages.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class ReleaseFixture : IDisposable
{
    public ReleaseFixture()
    {
        Root = Directory.CreateTempSubdirectory("tcd-update-").FullName;
        Layout = new UpdateLayout(Root);
        Directory.CreateDirectory(Layout.Releases);
        Directory.CreateDirectory(Layout.DataDirectory);
        var first = MakeReleaseDirectory("1.0.0");
        Directory.Move(first, Layout.ReleaseDirectory("1.0.0"));
        File.CreateSymbolicLink(Layout.Current, "releases/1.0.0");
    }

    public string Root { get; }

    public UpdateLayout Layout { get; }

    public string Current => UpdateLayout.LinkVersion(Layout.Current)!;

    /// <summary>A published-edge folder with a fake tcd-edge, a library, VERSION and SHA256SUMS.</summary>
    public string MakeReleaseDirectory(string version)
    {
        var dir = Path.Combine(Root, "packages", version + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(Path.Combine(dir, "wwwroot"));
        var exe = Path.Combine(dir, ReleasePackage.Executable);
        File.WriteAllText(exe, $"#!/bin/sh\necho tcd-edge {version}\n");
        File.SetUnixFileMode(exe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.WriteAllBytes(Path.Combine(dir, "TiepCongDan.Edge.dll"), System.Text.Encoding.UTF8.GetBytes(new string('x', 200_000) + version));
        File.WriteAllText(Path.Combine(dir, "wwwroot", "index.html"), "<html>" + version + "</html>");
        ReleasePackage.WriteManifest(dir, version);
        return dir;
    }

    /// <summary>The same as a .tar.gz, as a release build would ship it.</summary>
    public string MakeTarball(string version)
    {
        var dir = MakeReleaseDirectory(version);
        var tarball = dir + ".tar.gz";
        using (var file = File.Create(tarball))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            TarFile.CreateFromDirectory(dir, gzip, includeBaseDirectory: false);
        }

        return tarball;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
