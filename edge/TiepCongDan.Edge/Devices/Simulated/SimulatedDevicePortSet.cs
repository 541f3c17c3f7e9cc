using System.Text.Json;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Edge.Devices.Simulated;

/// <summary>
/// The six simulated devices of DeviceKinds.All. When a control file is given, every
/// <see cref="Refresh"/> re-reads it so a tester can make a device absent, faulty or detached
/// while the service runs. A missing file means all present; a malformed file is reported once
/// and the last good state kept, so a half-saved edit cannot flap the fleet view.
/// </summary>
public sealed partial class SimulatedDevicePortSet : IDevicePortSet
{
    private readonly string? _controlFile;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SimulatedDevicePort> _ports;
    private IReadOnlyList<IDevicePort> _attached;
    private string? _lastText;
    private bool _warned;

    public SimulatedDevicePortSet(string? controlFile, ILogger logger)
    {
        _controlFile = controlFile;
        _logger = logger;
        _ports = DeviceKinds.All.ToDictionary(k => k, k => new SimulatedDevicePort(k), StringComparer.Ordinal);
        _attached = _ports.Values.ToList<IDevicePort>();
    }

    public IReadOnlyList<IDevicePort> Attached => Volatile.Read(ref _attached);

    public SimulatedDevicePort Port(string kind) => _ports[kind];

    public void Refresh()
    {
        if (_controlFile is null)
        {
            return;
        }

        string? text;
        try
        {
            text = File.Exists(_controlFile) ? File.ReadAllText(_controlFile) : null;
        }
        catch (IOException)
        {
            return; // being written right now: try again next interval
        }

        if (text == _lastText)
        {
            return;
        }

        if (text is null)
        {
            Apply(new Dictionary<string, SimulatedDeviceState>());
            _lastText = null;
            return;
        }

        Dictionary<string, SimulatedDeviceState>? states;
        try
        {
            states = JsonSerializer.Deserialize<Dictionary<string, SimulatedDeviceState>>(text);
        }
        catch (JsonException ex)
        {
            if (!_warned)
            {
                Log.ControlFileMalformed(_logger, _controlFile, ex.Message);
                _warned = true;
            }

            return;
        }

        _warned = false;
        _lastText = text;
        Apply(states ?? []);
    }

    private void Apply(Dictionary<string, SimulatedDeviceState> states)
    {
        var attached = new List<IDevicePort>();
        foreach (var (kind, port) in _ports)
        {
            if (!states.TryGetValue(kind, out var state))
            {
                port.Set(DeviceStatus.Present);
                attached.Add(port);
                continue;
            }

            if (state.Detached)
            {
                continue;
            }

            if (!DeviceStatusText.TryParse(state.Status ?? "present", out var status))
            {
                Log.ControlFileBadStatus(_logger, _controlFile!, kind, state.Status ?? string.Empty);
                status = DeviceStatus.Faulty;
            }

            port.Set(status, status == DeviceStatus.Present ? string.Empty : state.Reason ?? string.Empty);
            attached.Add(port);
        }

        foreach (var kind in states.Keys.Where(k => !_ports.ContainsKey(k)))
        {
            Log.ControlFileUnknownDevice(_logger, _controlFile!, kind);
        }

        Volatile.Write(ref _attached, attached);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Simulated device control file {File} is not valid JSON ({Error}); keeping the previous device states")]
        public static partial void ControlFileMalformed(ILogger logger, string file, string error);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Simulated device control file {File}: device {Kind} has unknown status '{Status}' (use present, absent or faulty); treating it as faulty")]
        public static partial void ControlFileBadStatus(ILogger logger, string file, string kind, string status);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Simulated device control file {File}: unknown device '{Kind}' ignored")]
        public static partial void ControlFileUnknownDevice(ILogger logger, string file, string kind);
    }
}
