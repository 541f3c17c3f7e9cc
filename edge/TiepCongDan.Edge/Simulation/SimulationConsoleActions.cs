using System.Globalization;
using System.Text.Json.Nodes;
using TiepCongDan.Edge.Card.Parsing;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Simulation;

/// <summary>
/// What each route of the simulation console does, apart from HTTP. Every refusal is a
/// <see cref="SimulationConsoleException"/> with its status and a Vietnamese sentence (English in brackets).
/// </summary>
internal sealed class SimulationConsoleActions(SimulationConsoleDevices devices, TimeProvider time)
{
    public const int DefaultHoldMs = 3500;

    public const int MaxHoldMs = 60_000;

    private const int MaxScanLength = 4096;

    public async Task<JsonObject> HandleAsync(string method, string path, string? query, JsonObject? body, CancellationToken cancellationToken)
    {
        var parts = path.Trim('/').Split('/');
        if (parts.Length < 2 || parts[0] != "sim")
        {
            throw NotFound(path);
        }

        return (parts[1], parts.Length) switch
        {
            ("state", 2) => Only(method, "GET", State),
            ("card", 2) => method switch
            {
                "POST" => InsertCard(Body(body)),
                "DELETE" => RemoveCard(),
                _ => throw NotAllowed("POST, DELETE"),
            },
            ("qr", 2) => Only(method, "POST", () => Scan(CardSignalKind.QrScanned, Body(body))),
            ("mrz", 2) => Only(method, "POST", () => Scan(CardSignalKind.MrzScanned, Body(body))),
            ("buttons", 4) => method == "POST" ? await ButtonAsync(parts[2], parts[3], query, cancellationToken) : throw NotAllowed("POST"),
            ("camera", 3) => Only(method, "POST", () => Camera(parts[2], path)),
            ("microphone", 3) => Only(method, "POST", () => Microphone(parts[2], path)),
            _ => throw NotFound(path),
        };
    }

    public JsonObject State()
    {
        var status = devices.Status;
        var faults = devices.Faults;
        return new JsonObject
        {
            ["state"] = status is null ? "unknown" : status.State.ToString(),
            ["sessionId"] = status?.SessionId,
            ["card"] = devices.CardSlot is { } slot ? (slot.Current is null ? "absent" : "present") : "unknown",
            ["devices"] = new JsonObject
            {
                ["cardReader"] = devices.CardSlot is null ? "pcsc" : "simulated",
                ["buttons"] = devices.Buttons is not null ? "simulated" : devices.Panel is not null ? "gpio" : "none",
                ["camera"] = faults is null ? "real" : faults.CameraUnplugged ? "unplugged" : "plugged",
                ["microphone"] = faults is null ? "real" : faults.MicrophoneSilent ? "silent" : "normal",
            },
        };
    }

    private JsonObject InsertCard(JsonObject body)
    {
        var slot = devices.CardSlot ?? throw new SimulationConsoleException(409,
            "Điểm cầu dùng đầu đọc thẻ thật (PC/SC, Edge:Card:Enabled=true): hãy đặt thẻ thật hoặc thẻ ảo lên đầu đọc rồi dùng /sim/qr để quét mã QR. "
            + "(A real PC/SC reader is configured: put the real or virtual card on the reader and use /sim/qr.)");
        var given = new[] { "mrz", "qr", "can", "citizen" }.Where(k => body[k] is not null).ToList();
        if (given.Count != 1)
        {
            throw new SimulationConsoleException("Cần đúng một trong mrz, qr, can hoặc citizen. (Give exactly one of mrz, qr, can or citizen.)");
        }

        var which = given[0];
        var text = Text(body, which);
        var scan = body["scan"] is { } s ? Flag(s, "scan") : true;
        SimulatedCard card;
        try
        {
            card = which switch
            {
                "mrz" => SimulatedCard.FromMrz(text, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)),
                "qr" => SimulatedCard.FromQr(text),
                "can" => SimulatedCard.FromCan(text),
                _ => SimulatedCitizens.ByKey(text).Card,
            };
        }
        catch (CardDataException ex)
        {
            throw new SimulationConsoleException($"{which.ToUpperInvariant()} không hợp lệ (invalid {which}): {ex.Message}.", ex);
        }
        catch (ArgumentException ex)
        {
            throw new SimulationConsoleException(ex.Message.Split(" (Parameter", 2)[0] + ".", ex);
        }

        if (slot.Current is not null)
        {
            // A hand swapping cards takes the first one off before the next goes on.
            slot.Remove();
            Publish(CardSignalKind.CardRemoved);
        }

        slot.Insert(card);
        Publish(CardSignalKind.CardInserted);
        var scanned = "none";
        if (scan)
        {
            var (kind, scanText) = which == "mrz" ? (CardSignalKind.MrzScanned, text) : (CardSignalKind.QrScanned, which == "qr" ? text : card.QrText);
            Publish(kind, scanText);
            scanned = kind == CardSignalKind.MrzScanned ? "mrz" : "qr";
        }

        return new JsonObject
        {
            ["ok"] = true,
            ["card"] = "present",
            ["fullName"] = card.FullName,
            ["maskedIdNumber"] = IdMask.Mask(card.IdNumber),
            ["scanned"] = scanned,
        };
    }

    private JsonObject RemoveCard()
    {
        var slot = devices.CardSlot ?? throw new SimulationConsoleException(409,
            "Điểm cầu dùng đầu đọc thẻ thật (PC/SC): hãy rút thẻ khỏi đầu đọc bằng tay. (A real PC/SC reader is configured: take the card off it by hand.)");
        var removed = slot.Remove();
        if (removed)
        {
            Publish(CardSignalKind.CardRemoved);
        }

        return new JsonObject { ["ok"] = true, ["card"] = "absent", ["removed"] = removed };
    }

    private JsonObject Scan(CardSignalKind kind, JsonObject body)
    {
        var text = Text(body, "text");
        Publish(kind, text);
        return new JsonObject { ["ok"] = true, ["scanned"] = kind == CardSignalKind.QrScanned ? "qr" : "mrz" };
    }

    private async Task<JsonObject> ButtonAsync(string roleName, string action, string? query, CancellationToken cancellationToken)
    {
        var role = ButtonRoleNames.All.FirstOrDefault(r => string.Equals(ButtonRoleNames.Key(r), roleName, StringComparison.OrdinalIgnoreCase));
        if (!ButtonRoleNames.All.Any(r => string.Equals(ButtonRoleNames.Key(r), roleName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new SimulationConsoleException($"Không có nút '{roleName}' (no button '{roleName}'): dùng {string.Join(", ", ButtonRoleNames.All.Select(ButtonRoleNames.Key))}.");
        }

        if (action is not ("press" or "release" or "click" or "hold"))
        {
            throw new SimulationConsoleException($"Không có thao tác '{action}' (no action '{action}'): dùng press, release, click hoặc hold.");
        }

        var holdMs = action == "hold" ? HoldMs(query) : 0;
        var panel = devices.Panel;
        var buttons = devices.Buttons;
        if (panel is null || buttons is null)
        {
            throw new SimulationConsoleException(409, panel is null
                ? "Điểm cầu không có bảng nút (Edge:Buttons:Enabled=false). (This kiosk has no button panel.)"
                : "Bảng nút là GPIO thật: hãy bấm nút bằng tay. (The buttons are on real GPIO: press them by hand.)");
        }

        var events = new List<string>();
        void OnChanged(object? sender, ButtonEvent e)
        {
            if (e.Role == role)
            {
                lock (events)
                {
                    events.Add(e.Kind.ToString());
                }
            }
        }

        // Past the debounce, so the panel has reported what the edge did before we answer.
        var settle = panel.Settings.Timings.Debounce + TimeSpan.FromMilliseconds(150);
        panel.ButtonChanged += OnChanged;
        try
        {
            switch (action)
            {
                case "press":
                    buttons.Press(role);
                    break;
                case "release":
                    buttons.Release(role);
                    break;
                case "click":
                    buttons.Press(role);
                    await Task.Delay(settle, time, cancellationToken);
                    buttons.Release(role);
                    break;
                default:
                    buttons.Press(role);
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(holdMs), time, cancellationToken);
                    }
                    finally
                    {
                        // Never leave a button held because the caller went away: that would become a stuck-button alarm.
                        buttons.Release(role);
                    }

                    break;
            }

            await Task.Delay(settle, time, cancellationToken);
        }
        finally
        {
            panel.ButtonChanged -= OnChanged;
        }

        var result = new JsonObject
        {
            ["ok"] = true,
            ["button"] = ButtonRoleNames.Key(role),
            ["action"] = action,
            ["pressed"] = panel.IsPressed(role),
        };
        if (action == "hold")
        {
            result["ms"] = holdMs;
        }

        lock (events)
        {
            result["events"] = new JsonArray(events.Select(e => (JsonNode)JsonValue.Create(e)).ToArray());
        }

        return result;
    }

    private JsonObject Camera(string action, string path)
    {
        var faults = RequireFaults("camera");
        switch (action)
        {
            case "unplug": faults.UnplugCamera(); break;
            case "replug": faults.ReplugCamera(); break;
            default: throw NotFound(path);
        }

        return new JsonObject { ["ok"] = true, ["camera"] = faults.CameraUnplugged ? "unplugged" : "plugged" };
    }

    private JsonObject Microphone(string action, string path)
    {
        var faults = RequireFaults("microphone");
        switch (action)
        {
            case "silence": faults.SilenceMicrophone(); break;
            case "restore": faults.RestoreMicrophone(); break;
            default: throw NotFound(path);
        }

        return new JsonObject { ["ok"] = true, ["microphone"] = faults.MicrophoneSilent ? "silent" : "normal" };
    }

    private SimulatedDeviceFaults RequireFaults(string device) => devices.Faults ?? throw new SimulationConsoleException(409,
        $"Điểm cầu dùng camera và micro thật (Edge:Media:Source=V4l2): hãy rút hoặc cắm {device} bằng tay. (The {device} is real here: unplug it by hand.)");

    private void Publish(CardSignalKind kind, string? text = null) => devices.Signals.Publish(new CardSignal(kind, time.GetUtcNow(), text));

    private static int HoldMs(string? query)
    {
        var raw = System.Web.HttpUtility.ParseQueryString(query ?? string.Empty)["ms"];
        if (raw is null)
        {
            return DefaultHoldMs;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is >= 1 and <= MaxHoldMs
            ? ms
            : throw new SimulationConsoleException($"ms '{raw}' không hợp lệ (invalid ms): dùng 1 đến {MaxHoldMs} mili giây.");
    }

    private static JsonObject Only(string method, string allowed, Func<JsonObject> action) =>
        method == allowed ? action() : throw NotAllowed(allowed);

    private static JsonObject Body(JsonObject? body) =>
        body ?? throw new SimulationConsoleException("Thiếu nội dung JSON. (A JSON object body is required.)");

    private static string Text(JsonObject body, string name)
    {
        var node = body[name];
        string? text = null;
        if (node is JsonValue value && value.TryGetValue<string>(out var s))
        {
            text = s;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SimulationConsoleException($"'{name}' phải là một chuỗi không rỗng. ('{name}' must be a non-empty string.)");
        }

        return text.Length <= MaxScanLength
            ? text
            : throw new SimulationConsoleException($"'{name}' dài quá {MaxScanLength} ký tự. ('{name}' is longer than {MaxScanLength} characters.)");
    }

    private static bool Flag(JsonNode node, string name) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag)
            ? flag
            : throw new SimulationConsoleException($"'{name}' phải là true hoặc false. ('{name}' must be true or false.)");

    private static SimulationConsoleException NotFound(string path) =>
        new(404, $"Không có đường dẫn {path} (no such route): xem docs/simulation.md.");

    private static SimulationConsoleException NotAllowed(string allowed) =>
        new(405, $"Chỉ nhận {allowed}. (Only {allowed}.)");
}
