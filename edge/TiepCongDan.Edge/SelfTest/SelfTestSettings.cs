namespace TiepCongDan.Edge.SelfTest;

/// <summary>How `tcd-edge selftest` runs (from its command line).</summary>
public sealed class SelfTestSettings
{
    /// <summary>The report and prompts in English (--en); Vietnamese otherwise.</summary>
    public bool English { get; set; }

    /// <summary>Only these check ids (--only camera,buttons); null: every check.</summary>
    public IReadOnlySet<string>? Only { get; set; }

    /// <summary>How long the technician has to press each button (--button-seconds).</summary>
    public TimeSpan ButtonTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>On a simulated panel, press each button through the simulated chip (false: --by-hand, wait for a person or `tcd-edge sim button`).</summary>
    public bool PressSimulatedButtons { get; set; } = true;

    /// <summary>Send the report to the hub (false: --no-send).</summary>
    public bool SendToHub { get; set; } = true;

    /// <summary>Where the simulated speaker's WAV and the last report go; null: {DataDirectory}/selftest.</summary>
    public string? WorkDirectory { get; set; }

    public bool Includes(string checkId) => Only is null || Only.Contains(checkId);
}
