namespace TiepCongDan.Contracts.Commands;

/// <summary>
/// The kiosk-to-hub side of remote commands (HTTP Basic with the kiosk id and its MQTT password, like
/// the self-test and the reception events). The hub sends a command as an NCMD (a Boolean Node Control
/// metric plus <see cref="Fleet.NodeMetrics.CommandId"/>); the kiosk answers here.
/// </summary>
public static class CommandProtocol
{
    /// <summary>Every kiosk route starts here (the hub sends these to its kiosk authentication).</summary>
    public const string KioskBasePath = "/api/kiosk/commands";

    /// <summary>Largest artifact (log bundle, screenshot, still) the hub accepts.</summary>
    public const int MaxArtifactBytes = 32 * 1024 * 1024;

    /// <summary>Largest outcome body the hub reads (a state and a sentence).</summary>
    public const int MaxOutcomeBytes = 16 * 1024;

    /// <summary>POST a <see cref="CommandOutcome"/>; 200 with the command's new state.</summary>
    public static string ResultPath(string commandId) => KioskBasePath + "/" + Uri.EscapeDataString(commandId) + "/result";

    /// <summary>PUT the artifact's bytes (Content-Type image/png, image/jpeg or application/gzip) before its "done" outcome; ?name= the file name.</summary>
    public static string ArtifactPath(string commandId, string fileName) =>
        KioskBasePath + "/" + Uri.EscapeDataString(commandId) + "/artifact?name=" + Uri.EscapeDataString(fileName);
}
