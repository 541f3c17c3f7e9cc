using System.Text.RegularExpressions;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Media.Capture;

/// <summary>
/// Finds a microphone's ALSA card by name in /proc/asound/cards. The file root is injectable so a
/// test can fake /proc. Matches the card id in brackets, the driver or the long name, ignoring case.
/// </summary>
public sealed partial class AlsaCardLocator(string fileRoot = "/")
{
    public string CardsPath { get; } = Path.Combine(fileRoot, "proc/asound/cards");

    public AlsaCardLookup Locate(string cardName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cardName);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(CardsPath);
        }
        catch (IOException)
        {
            return Absent($"Không đọc được {CardsPath}: máy không có ALSA hoặc không có card âm thanh nào (micro '{cardName}').");
        }
        catch (UnauthorizedAccessException)
        {
            return Absent($"Không có quyền đọc {CardsPath} (micro '{cardName}').");
        }

        foreach (var line in lines)
        {
            var match = CardLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var id = match.Groups["id"].Value.Trim();
            var driver = match.Groups["driver"].Value.Trim();
            var name = match.Groups["name"].Value.Trim();
            if (id.Equals(cardName, StringComparison.OrdinalIgnoreCase)
                || driver.Equals(cardName, StringComparison.OrdinalIgnoreCase)
                || name.Contains(cardName, StringComparison.OrdinalIgnoreCase))
            {
                return new AlsaCardLookup(DeviceReading.Present, $"hw:CARD={id},DEV=0");
            }
        }

        return Absent($"Không tìm thấy micro '{cardName}' trong {CardsPath} (microphone not found): kiểm tra dây USB của micro.");
    }

    private static AlsaCardLookup Absent(string reason) => new(new DeviceReading(DeviceStatus.Absent, reason), string.Empty);

    // " 1 [Device         ]: USB-Audio - USB Audio Device"
    [GeneratedRegex(@"^\s*\d+\s+\[(?<id>[^\]]+)\]:\s*(?<driver>\S+)\s+-\s+(?<name>.*)$")]
    private static partial Regex CardLine();
}
