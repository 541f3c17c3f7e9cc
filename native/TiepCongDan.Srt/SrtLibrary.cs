namespace TiepCongDan.Srt;
/// <summary>Placeholder until the binding lands.</summary>
internal static class SrtLibrary { public const string Name = "libsrt.so.1.5"; }
