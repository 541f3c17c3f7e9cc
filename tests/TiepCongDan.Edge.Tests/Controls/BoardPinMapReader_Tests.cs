using TiepCongDan.Edge.Controls;

namespace TiepCongDan.Edge.Tests.Controls;

/// <summary>The board pin maps in firmware-config/boards, and the reader's refusals of broken ones.</summary>
public sealed class BoardPinMapReader_Tests
{
    // Lines a Raspberry Pi panel must leave alone: HAT ID EEPROM, I2C1, 1-Wire, SPI0, UART, SPI1, I2S, PWM0.
    private static readonly int[] PiReservedLines = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 20, 21];

    private const string Valid = """
        {
          "board": "test-board",
          "driver": "libgpiod",
          "chip": 0,
          "buttons": { "staff": 17, "verySatisfied": 5, "satisfied": 6, "neutral": 13, "dissatisfied": 26 },
          "leds": { "status": 22, "live": 27 }
        }
        """;

    public static TheoryData<string> BoardFiles() => ButtonPanel_Tests.BoardFiles();

    [Fact]
    public void The_boards_folder_holds_the_pi_4_pi_5_x86_and_simulated_maps()
    {
        var names = Directory.GetFiles(RepoFiles.BoardsDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(["raspberry-pi-4", "raspberry-pi-5", "simulated", "x86-cp2112"], names);
    }

    [Theory]
    [MemberData(nameof(BoardFiles))]
    public void Every_board_file_is_valid_and_named_after_its_board(string file)
    {
        var map = BoardPinMapReader.Load(Path.Combine(RepoFiles.BoardsDirectory, file));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), map.Board);
        Assert.Equal(ButtonRoleNames.All.Count, map.Buttons.Count);
        Assert.False(string.IsNullOrWhiteSpace(map.Description));
        var lines = map.Buttons.Values.Append(map.StatusLed).Concat(map.LiveLed is { } l ? [l] : []).ToList();
        Assert.Equal(lines.Count, lines.Distinct().Count());
        if (map.Board.StartsWith("raspberry-pi", StringComparison.Ordinal))
        {
            Assert.Empty(lines.Intersect(PiReservedLines));
        }
    }

    [Fact]
    public void The_simulated_file_matches_the_built_in_simulated_map()
    {
        var file = BoardPinMapReader.Load(Path.Combine(RepoFiles.BoardsDirectory, "simulated.json"));
        var builtIn = BoardPinMap.Simulated;
        Assert.Equal(builtIn.Driver, file.Driver);
        Assert.Equal(builtIn.Buttons.OrderBy(b => b.Key), file.Buttons.OrderBy(b => b.Key));
        Assert.Equal(builtIn.StatusLed, file.StatusLed);
        Assert.Equal(builtIn.LiveLed, file.LiveLed);
    }

    [Fact]
    public void A_valid_map_is_read_with_its_source()
    {
        var map = BoardPinMapReader.Parse(Valid, "test.json");
        Assert.Equal(17, map.PinOf(ButtonRole.Staff));
        Assert.Equal(26, map.PinOf(ButtonRole.Dissatisfied));
        Assert.Equal(22, map.StatusLed);
        Assert.Equal(27, map.LiveLed);
        Assert.True(map.InternalPull);
        Assert.Null(map.ChipLabel);
        Assert.Equal("test.json", map.Source);
    }

    [Theory]
    [InlineData("\"staff\": 17", "\"staf\": 17", "Pin map 'test.json': unknown key 'buttons.staf' (a typo?): known keys are buttons.staff, buttons.verySatisfied, buttons.satisfied, buttons.neutral, buttons.dissatisfied.")]
    [InlineData("\"status\": 22", "\"status\": 17", "Pin map 'test.json': GPIO 17 is used twice, by buttons.staff and leds.status: every button and light needs its own line.")]
    [InlineData("\"neutral\": 13", "\"neutral\": 5", "Pin map 'test.json': GPIO 5 is used twice, by buttons.verySatisfied and buttons.neutral: every button and light needs its own line.")]
    [InlineData("\"dissatisfied\": 26", "\"dissatisfied\": \"GPIO26\"", "Pin map 'test.json': buttons.dissatisfied is \"GPIO26\": use a GPIO line number 0 to 511 (the BCM number on a Raspberry Pi, not the header pin).")]
    [InlineData("\"dissatisfied\": 26", "\"dissatisfied\": -1", "Pin map 'test.json': buttons.dissatisfied is -1: use a GPIO line number 0 to 511 (the BCM number on a Raspberry Pi, not the header pin).")]
    [InlineData("\"driver\": \"libgpiod\"", "\"driver\": \"sysfs\"", "Pin map 'test.json': driver 'sysfs' is not supported: use libgpiod, libgpiod-v2, simulated.")]
    [InlineData("\"leds\"", "\"lights\"", "Pin map 'test.json': unknown key 'lights' (a typo?): known keys are board, description, driver, chip, chipLabel, internalPull, buttons, leds, notes.")]
    [InlineData("\"status\": 22, ", "", "Pin map 'test.json': leds.status is missing: every panel has a status light.")]
    [InlineData("\"chip\": 0", "\"chip\": -2", "Pin map 'test.json': chip -2 is not a GPIO chip number (0 for /dev/gpiochip0).")]
    [InlineData("\"chip\": 0", "\"chip\": 0, \"chipLabel\": 4", "Pin map 'test.json': chipLabel 4 must be a chip label as `gpiodetect` shows it, e.g. \"pinctrl-rp1\".")]
    public void A_broken_map_is_refused_with_a_sentence_naming_the_mistake(string replace, string with, string message)
    {
        var json = Valid.Replace(replace, with, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);
        var ex = Assert.Throws<PinMapException>(() => BoardPinMapReader.Parse(json, "test.json"));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("raspberry-pi-4.json", "pinctrl-bcm2711")]
    [InlineData("raspberry-pi-5.json", "pinctrl-rp1")]
    [InlineData("x86-cp2112.json", "cp2112_gpio")]
    public void Hardware_boards_name_their_chip_by_label(string file, string label)
    {
        var map = BoardPinMapReader.Load(Path.Combine(RepoFiles.BoardsDirectory, file));
        Assert.Equal(label, map.ChipLabel);
    }

    [Fact]
    public void A_missing_button_names_all_the_buttons_a_panel_needs()
    {
        var json = Valid.Replace("\"neutral\": 13, ", string.Empty, StringComparison.Ordinal);
        var ex = Assert.Throws<PinMapException>(() => BoardPinMapReader.Parse(json, "test.json"));
        Assert.Equal("Pin map 'test.json': buttons.neutral is missing: the panel needs staff, verySatisfied, satisfied, neutral, dissatisfied.", ex.Message);
    }

    [Fact]
    public void Broken_json_is_refused_with_its_line()
    {
        var json = Valid.Replace("\"chip\": 0,", "\"chip\": 0,,", StringComparison.Ordinal);
        var ex = Assert.Throws<PinMapException>(() => BoardPinMapReader.Parse(json, "test.json"));
        Assert.StartsWith("Pin map 'test.json' is not valid JSON (line 4)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "tcd-missing-" + Guid.NewGuid().ToString("N") + ".json");
        var ex = Assert.Throws<PinMapException>(() => BoardPinMapReader.Load(path));
        Assert.StartsWith($"Pin map '{path}' cannot be read", ex.Message, StringComparison.Ordinal);
    }
}
