namespace TiepCongDan.Edge.Controls;

/// <summary>
/// Which GPIO line each button and light of the panel is wired to on one kind of board
/// (firmware-config/boards/*.json, read by <see cref="BoardPinMapReader"/>). Line numbers are the
/// chip's offsets: BCM numbers on a Raspberry Pi, not header pin numbers.
/// </summary>
public sealed record BoardPinMap
{
    public required string Board { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>One of <see cref="GpioDriverKinds"/>.</summary>
    public required string Driver { get; init; }

    /// <summary>The GPIO chip number (/dev/gpiochipN), used when <see cref="ChipLabel"/> is empty; Edge:Buttons:GpioChip overrides both.</summary>
    public int Chip { get; init; }

    /// <summary>
    /// The chip by its kernel label (`gpiodetect` shows it in brackets), e.g. "pinctrl-rp1": chip
    /// numbers move between kernels (the Pi 5's header was gpiochip4, then gpiochip0) and with USB adapters.
    /// </summary>
    public string? ChipLabel { get; init; }

    /// <summary>Use the chip's pull resistor on button lines (false: the board has external ones and the driver refuses a bias).</summary>
    public bool InternalPull { get; init; } = true;

    public required IReadOnlyDictionary<ButtonRole, int> Buttons { get; init; }

    public required int StatusLed { get; init; }

    /// <summary>The optional second, "on air" light; null when the panel has one light.</summary>
    public int? LiveLed { get; init; }

    /// <summary>Where the map came from (a file path or "built-in"), for messages.</summary>
    public string Source { get; init; } = "built-in";

    /// <summary>
    /// The simulated panel a development kiosk uses when no boards folder is installed; the same
    /// lines as firmware-config/boards/simulated.json (a test keeps them equal).
    /// </summary>
    public static BoardPinMap Simulated { get; } = new()
    {
        Board = "simulated",
        Description = "No hardware: buttons and lights driven by tests and `tcd-edge sim`.",
        Driver = GpioDriverKinds.Simulated,
        Chip = 0,
        Buttons = new Dictionary<ButtonRole, int>
        {
            [ButtonRole.Staff] = 17,
            [ButtonRole.VerySatisfied] = 5,
            [ButtonRole.Satisfied] = 6,
            [ButtonRole.Neutral] = 13,
            [ButtonRole.Dissatisfied] = 26,
        },
        StatusLed = 22,
        LiveLed = 27,
    };

    /// <summary>The line of a button.</summary>
    public int PinOf(ButtonRole role) =>
        Buttons.TryGetValue(role, out var pin) ? pin : throw new PinMapException($"Pin map '{Board}' ({Source}) has no line for {ButtonRoleNames.Key(role)}.");
}
