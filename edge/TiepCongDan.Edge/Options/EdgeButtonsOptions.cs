using TiepCongDan.Edge.Controls;

namespace TiepCongDan.Edge.Options;

/// <summary>
/// The staff button, the four rating buttons and the status lights (section "Edge:Buttons"),
/// validated at start by <see cref="EdgeButtonsOptionsValidator"/>. The wiring comes from a board
/// pin map (firmware-config/boards/&lt;Board&gt;.json); the defaults run the simulated panel, so a
/// development kiosk needs no settings and `tcd-edge sim` can press its buttons.
/// </summary>
public sealed class EdgeButtonsOptions
{
    public const string SectionName = "Edge:Buttons";

    /// <summary>Where the image installs firmware-config/boards.</summary>
    public const string DefaultBoardsDirectory = "/usr/share/tcd-edge/boards";

    /// <summary>False: no button panel (a touch-screen-only kiosk); the button-panel device is not reported.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The board's pin map by name: raspberry-pi-4, raspberry-pi-5, x86-cp2112 or simulated.</summary>
    public string Board { get; set; } = "simulated";

    public string BoardsDirectory { get; set; } = DefaultBoardsDirectory;

    /// <summary>A pin map file by path, for a panel wired differently; overrides Board.</summary>
    public string? PinMapFile { get; set; }

    /// <summary>Overrides the pin map's chip (number and label) with /dev/gpiochipN, for a board whose chips `gpiodetect` lists differently.</summary>
    public int? GpioChip { get; set; }

    /// <summary>Milliseconds a contact must be quiet before a change counts.</summary>
    public int DebounceMs { get; set; } = 30;

    /// <summary>Milliseconds held for a long press (the staff button's "end session").</summary>
    public int LongPressMs { get; set; } = 3000;

    /// <summary>Seconds held before a button is reported stuck (a health alarm) and ignored until released.</summary>
    public int StuckSeconds { get; set; } = 30;

    /// <summary>True: a pressed button pulls its line to ground (internal pull-up on). False: to 3.3 V (pull-down).</summary>
    public bool ActiveLow { get; set; } = true;

    /// <summary>True when a light is lit by driving its line low (wired from 3.3 V through the LED to the pin).</summary>
    public bool LedActiveLow { get; set; }

    /// <summary>The pin map file these options point at.</summary>
    public string PinMapPath => string.IsNullOrWhiteSpace(PinMapFile)
        ? Path.Combine(BoardsDirectory, Board + ".json")
        : PinMapFile;

    public ButtonTimings Timings => new(
        TimeSpan.FromMilliseconds(DebounceMs),
        TimeSpan.FromMilliseconds(LongPressMs),
        TimeSpan.FromSeconds(StuckSeconds));

    /// <summary>
    /// The pin map: the file at <see cref="PinMapPath"/>, or the built-in simulated map when Board is
    /// "simulated" and no boards folder is installed (a development machine).
    /// </summary>
    /// <exception cref="PinMapException">The file is missing or wrong; the message says how.</exception>
    public BoardPinMap LoadPinMap()
    {
        var path = PinMapPath;
        if (string.IsNullOrWhiteSpace(PinMapFile) && Board == BoardPinMap.Simulated.Board && !File.Exists(path))
        {
            return BoardPinMap.Simulated;
        }

        if (!File.Exists(path))
        {
            throw new PinMapException($"Pin map '{path}' does not exist: set Edge:Buttons:Board to a file in {BoardsDirectory} (without .json) or Edge:Buttons:PinMapFile to a path.");
        }

        var map = BoardPinMapReader.Load(path);
        return GpioChip is { } chip ? map with { Chip = chip, ChipLabel = null } : map;
    }
}
