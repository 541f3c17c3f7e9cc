using System.Reflection;

namespace TiepCongDan.Edge.Hosting;

/// <summary>The edge's version as reported in Properties/Service Version (informational version without the commit suffix).</summary>
public static class ServiceVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var info = typeof(ServiceVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return string.IsNullOrEmpty(info) ? "0.0.0" : info.Split('+')[0];
    }
}
