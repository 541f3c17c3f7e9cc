using System.Device.Gpio;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Controls;

/// <summary>
/// The kiosk's panel: the staff button, the four rating buttons and the status light(s), built
/// from a board pin map on one <see cref="GpioController"/>. Events come out twice: as
/// <see cref="Events"/> (a channel for the one session flow that consumes them) and as
/// <see cref="ButtonChanged"/> (for observers such as the sim console). Its health is
/// <see cref="Port"/>, the button-panel device.
/// Thread-safe.
/// </summary>
public sealed class ButtonPanel : IDisposable
{
    /// <summary>Events kept for a slow reader; beyond this the oldest are dropped (a reader that far behind acts on stale presses anyway).</summary>
    public const int EventCapacity = 256;

    private readonly Dictionary<ButtonRole, DebouncedButton> _buttons = [];
    private readonly StatusLed _statusLed;
    private readonly StatusLed? _liveLed;
    private readonly GpioController _controller;
    private readonly bool _shouldDispose;
    private readonly ILogger _logger;
    private readonly Channel<ButtonEvent> _events;
    private readonly Lock _gate = new();
    private StatusLedMode _status = StatusLedMode.Off;
    private int _warnedFull;
    private bool _disposed;

    public ButtonPanel(ButtonPanelSettings settings, GpioController controller, bool shouldDispose, TimeProvider time, ILogger<ButtonPanel> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Settings = settings;
        _controller = controller;
        _shouldDispose = shouldDispose;
        _logger = logger;
        _events = Channel.CreateBounded<ButtonEvent>(
            new BoundedChannelOptions(EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false, SingleWriter = false },
            _ =>
            {
                if (Interlocked.Exchange(ref _warnedFull, 1) == 0)
                {
                    ButtonPanelLog.QueueFull(_logger);
                }
            });

        var map = settings.PinMap;
        try
        {
            foreach (var role in ButtonRoleNames.All)
            {
                var button = new DebouncedButton(map.PinOf(role), settings.Timings, time, controller, shouldDispose: false, settings.ActiveLow, map.InternalPull);
                button.Changed += (_, e) => OnButtonChanged(role, e);
                _buttons[role] = button;
            }

            _statusLed = new StatusLed(map.StatusLed, time, controller, shouldDispose: false, settings.LedActiveLow);
            _liveLed = map.LiveLed is { } live ? new StatusLed(live, time, controller, shouldDispose: false, settings.LedActiveLow) : null;
        }
        catch
        {
            DisposeParts();
            throw;
        }

        Port = new ButtonPanelPort(this);
        ButtonPanelLog.Ready(logger, map.Board, map.Driver, map.ChipLabel ?? $"gpiochip{map.Chip}", map.Source);
    }

    /// <summary>Every debounced event, for observers. Raised on the driver's or a timer's thread; a throwing handler is logged and ignored.</summary>
    public event EventHandler<ButtonEvent>? ButtonChanged;

    public ButtonPanelSettings Settings { get; }

    /// <summary>Every debounced event in order, for the session flow. Bounded: the oldest are dropped when nobody reads.</summary>
    public ChannelReader<ButtonEvent> Events => _events.Reader;

    /// <summary>The button-panel device's health for the Sparkplug node.</summary>
    public IDevicePort Port { get; }

    /// <summary>The pattern the status light plays now.</summary>
    public StatusLedMode Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    internal IReadOnlyDictionary<ButtonRole, DebouncedButton> Buttons => _buttons;

    /// <summary>Debounced: the button is held now.</summary>
    public bool IsPressed(ButtonRole role) => Button(role).IsPressed;

    public bool IsStuck(ButtonRole role) => Button(role).IsStuck;

    /// <summary>The buttons stuck now, in panel order.</summary>
    public IReadOnlyList<ButtonRole> StuckButtons() => ButtonRoleNames.All.Where(r => _buttons[r].IsStuck).ToList();

    /// <summary>Sets the status light (and the live light, when the board has one) to a mode's pattern.</summary>
    public void ShowStatus(StatusLedMode mode)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _status = mode;
            _statusLed.Show(LedPatterns.For(mode));
            _liveLed?.Show(LedPatterns.ForLiveLight(mode));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        DisposeParts();
        _events.Writer.TryComplete();
    }

    private DebouncedButton Button(ButtonRole role) =>
        _buttons.TryGetValue(role, out var button) ? button : throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown button role.");

    private void OnButtonChanged(ButtonRole role, ButtonChangedEventArgs e)
    {
        switch (e.Kind)
        {
            case ButtonEventKind.Stuck:
                ButtonPanelLog.Stuck(_logger, role, Settings.Timings.StuckAfter.TotalSeconds);
                break;
            case ButtonEventKind.Recovered:
                ButtonPanelLog.Recovered(_logger, role);
                break;
            default:
                ButtonPanelLog.ButtonEvent(_logger, role, e.Kind);
                break;
        }

        var ev = new ButtonEvent(role, e.Kind, e.At);
        _events.Writer.TryWrite(ev);
        try
        {
            ButtonChanged?.Invoke(this, ev);
        }
        catch (Exception ex)
        {
            ButtonPanelLog.HandlerFailed(_logger, ex);
        }
    }

    private void DisposeParts()
    {
        foreach (var button in _buttons.Values)
        {
            button.Dispose();
        }

        _statusLed?.Dispose();
        _liveLed?.Dispose();
        if (_shouldDispose)
        {
            _controller.Dispose();
        }
    }
}
