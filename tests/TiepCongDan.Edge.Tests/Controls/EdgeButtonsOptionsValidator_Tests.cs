using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Tests.Controls;

/// <summary>"Edge:Buttons" checked at start, the pin map included.</summary>
public sealed class EdgeButtonsOptionsValidator_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-buttons-").FullName;

    private static IReadOnlyList<string> Failures(EdgeButtonsOptions options) =>
        new EdgeButtonsOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_run_the_built_in_simulated_panel_without_installed_boards()
    {
        var options = new EdgeButtonsOptions { BoardsDirectory = Path.Combine(_dir, "none") };
        Assert.Empty(Failures(options));
        Assert.Same(BoardPinMap.Simulated, options.LoadPinMap());
        Assert.Equal(ButtonTimings.Default, options.Timings);
    }

    [Theory]
    [InlineData("raspberry-pi-4")]
    [InlineData("raspberry-pi-5")]
    [InlineData("x86-cp2112")]
    [InlineData("simulated")]
    public void Every_shipped_board_passes(string board)
    {
        var options = new EdgeButtonsOptions { Board = board, BoardsDirectory = RepoFiles.BoardsDirectory };
        Assert.Empty(Failures(options));
        Assert.Equal(board, options.LoadPinMap().Board);
    }

    [Fact]
    public void The_chip_override_replaces_the_maps_chip()
    {
        var options = new EdgeButtonsOptions { Board = "raspberry-pi-5", BoardsDirectory = RepoFiles.BoardsDirectory, GpioChip = 4 };
        Assert.Empty(Failures(options));
        var map = options.LoadPinMap();
        Assert.Equal(4, map.Chip);
        Assert.Null(map.ChipLabel);
    }

    [Fact]
    public void Values_out_of_range_are_each_named()
    {
        var options = new EdgeButtonsOptions { BoardsDirectory = _dir, DebounceMs = 0, LongPressMs = 500, StuckSeconds = 4000, GpioChip = 99 };
        Assert.Equal(
            [
                "Edge:Buttons:DebounceMs is 0: use 1 to 200 milliseconds (30 suits ordinary push buttons).",
                "Edge:Buttons:LongPressMs is 500: use 1000 to 10000 milliseconds (3000: the staff holds the button 3 s to end a session).",
                "Edge:Buttons:StuckSeconds is 4000: use 5 to 3600 seconds.",
                "Edge:Buttons:GpioChip is 99: use the N of /dev/gpiochipN (see `gpiodetect`), or leave it empty for the pin map's chip.",
            ],
            Failures(options));
    }

    [Fact]
    public void A_stuck_timeout_not_longer_than_the_long_press_is_refused()
    {
        var options = new EdgeButtonsOptions { BoardsDirectory = _dir, LongPressMs = 8000, StuckSeconds = 8 };
        Assert.Equal(
            ["Edge:Buttons:StuckSeconds (8 s) must be longer than LongPressMs (8000 ms), or every long press would raise a stuck-button alarm."],
            Failures(options));
    }

    [Fact]
    public void An_unknown_board_names_the_file_and_the_settings()
    {
        var options = new EdgeButtonsOptions { Board = "raspberry-pi-3", BoardsDirectory = RepoFiles.BoardsDirectory };
        var failure = Assert.Single(Failures(options));
        Assert.Equal(
            $"Edge:Buttons: Pin map '{Path.Combine(RepoFiles.BoardsDirectory, "raspberry-pi-3.json")}' does not exist: set Edge:Buttons:Board to a file in {RepoFiles.BoardsDirectory} (without .json) or Edge:Buttons:PinMapFile to a path.",
            failure);
    }

    [Fact]
    public void A_board_name_with_a_path_in_it_is_refused()
    {
        var options = new EdgeButtonsOptions { Board = "../etc/passwd", BoardsDirectory = RepoFiles.BoardsDirectory };
        Assert.Equal(
            [$"Edge:Buttons:Board '../etc/passwd' is not a board name: use a file name from {RepoFiles.BoardsDirectory} without .json, e.g. raspberry-pi-4."],
            Failures(options));
    }

    [Fact]
    public void A_pin_map_file_with_a_line_used_twice_stops_the_start_with_the_maps_own_sentence()
    {
        var path = Path.Combine(_dir, "front-panel.json");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(RepoFiles.BoardsDirectory, "raspberry-pi-4.json")).Replace("\"live\": 27", "\"live\": 17", StringComparison.Ordinal));
        var options = new EdgeButtonsOptions { PinMapFile = path };
        Assert.Equal(
            [$"Edge:Buttons: Pin map '{path}': GPIO 17 is used twice, by buttons.staff and leds.live: every button and light needs its own line."],
            Failures(options));
    }

    [Fact]
    public void A_disabled_panel_is_not_checked()
    {
        var options = new EdgeButtonsOptions { Enabled = false, Board = "nonsense/..", DebounceMs = -1 };
        Assert.Empty(Failures(options));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
