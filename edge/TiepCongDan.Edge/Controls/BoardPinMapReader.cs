using System.Text.Json;

namespace TiepCongDan.Edge.Controls;

/// <summary>
/// Reads a board pin map file and refuses anything doubtful with a sentence naming the file, the key
/// and the fix: a typo'd key, a missing button, a line used twice (two buttons on one wire would
/// rate "satisfied" when the staff ends a session).
/// </summary>
public static class BoardPinMapReader
{
    /// <summary>Lines above this are not a GPIO chip's offsets (the largest chips have a few hundred).</summary>
    public const int MaxLine = 511;

    private static readonly string[] TopLevelKeys = ["board", "description", "driver", "chip", "chipLabel", "internalPull", "buttons", "leds", "notes"];
    private static readonly string[] LedKeys = ["status", "live"];

    public static BoardPinMap Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PinMapException($"Pin map '{path}' cannot be read: {ex.Message}", ex);
        }

        return Parse(json, path);
    }

    public static BoardPinMap Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new PinMapException($"Pin map '{source}' is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            return Read(document.RootElement, source);
        }
    }

    private static BoardPinMap Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(source, "must be a JSON object with board, driver, buttons and leds.");
        }

        RejectUnknownKeys(root, TopLevelKeys, source, string.Empty);
        var board = RequiredString(root, "board", source);
        var driver = RequiredString(root, "driver", source);
        if (!GpioDriverKinds.All.Contains(driver, StringComparer.Ordinal))
        {
            throw Fail(source, $"driver '{driver}' is not supported: use {string.Join(", ", GpioDriverKinds.All)}.");
        }

        var chip = 0;
        if (root.TryGetProperty("chip", out var chipElement) && (!chipElement.TryGetInt32(out chip) || chip < 0))
        {
            throw Fail(source, $"chip {chipElement.GetRawText()} is not a GPIO chip number (0 for /dev/gpiochip0).");
        }

        string? chipLabel = null;
        if (root.TryGetProperty("chipLabel", out var labelElement))
        {
            chipLabel = labelElement.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(labelElement.GetString())
                ? labelElement.GetString()
                : throw Fail(source, $"chipLabel {labelElement.GetRawText()} must be a chip label as `gpiodetect` shows it, e.g. \"pinctrl-rp1\".");
        }

        var internalPull = true;
        if (root.TryGetProperty("internalPull", out var pullElement))
        {
            internalPull = pullElement.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Fail(source, $"internalPull {pullElement.GetRawText()} must be true or false."),
            };
        }

        var used = new Dictionary<int, string>();
        var buttons = ReadButtons(root, source, used);
        var leds = Section(root, "leds", source);
        RejectUnknownKeys(leds, LedKeys, source, "leds.");
        var status = Line(leds, "status", source, "leds.", used)
            ?? throw Fail(source, "leds.status is missing: every panel has a status light.");
        var live = Line(leds, "live", source, "leds.", used);

        return new BoardPinMap
        {
            Board = board,
            Description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? string.Empty : string.Empty,
            Driver = driver,
            Chip = chip,
            ChipLabel = chipLabel,
            InternalPull = internalPull,
            Buttons = buttons,
            StatusLed = status,
            LiveLed = live,
            Source = source,
        };
    }

    private static Dictionary<ButtonRole, int> ReadButtons(JsonElement root, string source, Dictionary<int, string> used)
    {
        var section = Section(root, "buttons", source);
        RejectUnknownKeys(section, ButtonRoleNames.All.Select(ButtonRoleNames.Key).ToArray(), source, "buttons.");
        var buttons = new Dictionary<ButtonRole, int>();
        foreach (var role in ButtonRoleNames.All)
        {
            var key = ButtonRoleNames.Key(role);
            buttons[role] = Line(section, key, source, "buttons.", used)
                ?? throw Fail(source, $"buttons.{key} is missing: the panel needs {string.Join(", ", ButtonRoleNames.All.Select(ButtonRoleNames.Key))}.");
        }

        return buttons;
    }

    private static int? Line(JsonElement section, string key, string source, string prefix, Dictionary<int, string> used)
    {
        if (!section.TryGetProperty(key, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var line) || line is < 0 or > MaxLine)
        {
            throw Fail(source, $"{prefix}{key} is {element.GetRawText()}: use a GPIO line number 0 to {MaxLine} (the BCM number on a Raspberry Pi, not the header pin).");
        }

        if (used.TryGetValue(line, out var other))
        {
            throw Fail(source, $"GPIO {line} is used twice, by {other} and {prefix}{key}: every button and light needs its own line.");
        }

        used[line] = prefix + key;
        return line;
    }

    private static JsonElement Section(JsonElement root, string key, string source)
    {
        if (!root.TryGetProperty(key, out var section) || section.ValueKind != JsonValueKind.Object)
        {
            throw Fail(source, $"\"{key}\" is missing or not an object.");
        }

        return section;
    }

    private static string RequiredString(JsonElement root, string key, string source) =>
        root.TryGetProperty(key, out var element) && element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())
            ? element.GetString()!
            : throw Fail(source, $"\"{key}\" is missing or empty.");

    private static void RejectUnknownKeys(JsonElement element, string[] known, string source, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Fail(source, $"unknown key '{prefix}{property.Name}' (a typo?): known keys are {string.Join(", ", known.Select(k => prefix + k))}.");
            }
        }
    }

    private static PinMapException Fail(string source, string what) => new($"Pin map '{source}': {what}");
}
