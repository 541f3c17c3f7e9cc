using System.Text.Json;
using System.Text.Json.Nodes;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Media.Capture;

namespace TiepCongDan.Edge.Simulation;

/// <summary>
/// Unplugs the simulated camera and silences the simulated microphone by writing their entries in
/// simulated-devices.json, the control file the node's simulated devices re-read at every health
/// sample: the camera then reports "absent" and the microphone "faulty" over MQTT, as the real
/// locators would. Other entries a tester wrote by hand are kept. <see cref="Follow"/> gives the same
/// faults to the simulated capture (lavfi) of the session's encoder. Thread-safe (one writer at a time).
/// </summary>
public sealed class SimulatedDeviceFaults(string controlFile)
{
    public const string CameraUnpluggedReason = "Camera đã bị rút khỏi điểm cầu (mô phỏng)";

    public const string MicrophoneSilentReason = "Micro không thu được âm thanh, chỉ có im lặng (mô phỏng)";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private CaptureSettings? _followed;

    public string ControlFile { get; } = controlFile ?? throw new ArgumentNullException(nameof(controlFile));

    /// <summary>The control file says the camera is absent now (from us or by hand).</summary>
    /// <summary>Raised after the console changed the camera or microphone (the media service restarts a running encoder on it).</summary>
    public event Action? Changed;

    public bool CameraUnplugged => StatusIs(DeviceKinds.Camera, "absent");

    /// <summary>The control file says the microphone is faulty now (from us or by hand).</summary>
    public bool MicrophoneSilent => StatusIs(DeviceKinds.Microphone, "faulty");

    public void UnplugCamera() => Set(DeviceKinds.Camera, "absent", CameraUnpluggedReason);

    public void ReplugCamera() => Set(DeviceKinds.Camera, null, null);

    public void SilenceMicrophone() => Set(DeviceKinds.Microphone, "faulty", MicrophoneSilentReason);

    public void RestoreMicrophone() => Set(DeviceKinds.Microphone, null, null);

    /// <summary>
    /// For the media service, when it builds a session's encoder: from now on (until the next
    /// session's settings are followed) a simulated source captures a still test card while the
    /// camera is unplugged (no moving picture: as close to "no camera" as the lavfi source goes) and
    /// digital silence while the microphone is silenced. The encoder reads the settings at every
    /// ffmpeg start; <see cref="Changed"/> lets the media service restart a running encoder at once,
    /// so an unplug shows in the session within a second or two. A real (V4L2) source is left alone.
    /// </summary>
    public void Follow(CaptureSettings capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        lock (_gate)
        {
            _followed = capture.Source == CaptureSource.Simulated ? capture : null;
            try
            {
                Mirror(Read());
            }
            catch (InvalidOperationException)
            {
                // A broken control file must not stop a session from starting: the capture stays as configured.
            }
        }
    }

    private bool StatusIs(string kind, string status)
    {
        lock (_gate)
        {
            return Read()[kind]?["status"]?.GetValue<string>() == status;
        }
    }

    private void Set(string kind, string? status, string? reason)
    {
        lock (_gate)
        {
            var root = Read();
            if (status is null)
            {
                root.Remove(kind);
            }
            else
            {
                root[kind] = new JsonObject { ["status"] = status, ["reason"] = reason };
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(ControlFile))!;
            Directory.CreateDirectory(directory);
            // Written aside and renamed: the node's sampler must never read half a file.
            var temporary = ControlFile + ".sim-tmp";
            File.WriteAllText(temporary, root.ToJsonString(Indented) + "\n");
            File.Move(temporary, ControlFile, overwrite: true);
            Mirror(root);
        }

        Changed?.Invoke();
    }

    /// <summary>The followed capture takes the file's camera and microphone state. Called under the lock.</summary>
    private void Mirror(JsonObject root)
    {
        if (_followed is not { } capture)
        {
            return;
        }

        capture.SimulatedCameraFrozen = root[DeviceKinds.Camera]?["status"]?.GetValue<string>() == "absent";
        capture.SimulatedMicrophoneSilent = root[DeviceKinds.Microphone]?["status"]?.GetValue<string>() == "faulty";
    }

    /// <summary>The file's object; a missing file is empty.</summary>
    /// <exception cref="InvalidOperationException">The file is not a JSON object: say so rather than overwrite a tester's edit.</exception>
    private JsonObject Read()
    {
        if (!File.Exists(ControlFile))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(ControlFile)) as JsonObject
                ?? throw new InvalidOperationException($"{ControlFile} is not a JSON object; fix or delete it.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{ControlFile} is not valid JSON ({ex.Message}); fix or delete it.", ex);
        }
    }
}
