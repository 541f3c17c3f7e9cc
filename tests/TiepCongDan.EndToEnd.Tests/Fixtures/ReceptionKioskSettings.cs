namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// How a test wants its reception kiosk: with a PC/SC reader (the private pcscd and the test CSCA)
/// or with the simulation console's made-up card, and who is on duty.
/// </summary>
public sealed record ReceptionKioskSettings
{
    /// <summary>The private pcscd's socket (PCSCLITE_CSOCK_NAME); null: Edge:Card is off and /sim/card presents a simulated card.</summary>
    public string? PcscdSocket { get; init; }

    /// <summary>The virtual reader's PC/SC name (Edge:Card:ReaderName).</summary>
    public string? ReaderName { get; init; }

    /// <summary>Folder with the test CSCA certificate (Edge:Card:CscaDirectory).</summary>
    public string? CscaDirectory { get; init; }

    /// <summary>The commune staff member on duty (Edge:Reception:Staff).</summary>
    public string Staff { get; init; } = "Phạm Thị Lan";

    /// <summary>Serve the kiosk page (Edge:Screen) on a free loopback port.</summary>
    public bool Screen { get; init; } = true;

    /// <summary>Extra --Key=value arguments, after the fixture's own (the last value wins).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
