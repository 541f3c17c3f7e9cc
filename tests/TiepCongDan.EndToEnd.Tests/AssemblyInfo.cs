using System.Runtime.Versioning;

// The end-to-end tests drive Linux processes (signals, /proc, Debian's mosquitto and chromium).
[assembly: SupportedOSPlatform("linux")]
