using System.Globalization;
using System.Text.Json.Nodes;

namespace TiepCongDan.Edge.Service;

/// <summary>
/// Parses `tcd-edge sim ...` (the words after "sim") into a <see cref="SimRequest"/>. Nothing is
/// checked here that the kiosk checks itself (an MRZ's digits, a citizen's name): one place decides,
/// and the CLI prints what it said.
/// </summary>
public sealed class SimCommandLine
{
    public const string Usage = """
        cách dùng (usage): tcd-edge sim [--port N] LỆNH
          state                                   trạng thái điểm cầu (kiosk state)
          card --mrz TEXT | --qr TEXT | --can DIGITS | --citizen NAME [--no-scan]
                                                  đặt thẻ mô phỏng lên đầu đọc rồi quét (put a made-up card on the reader, then scan it)
          card --remove                           rút thẻ (take the card off)
          citizens                                các công dân mô phỏng có sẵn, kèm QR và MRZ (built-in citizens)
          qr TEXT                                 quét một mã QR (scan a QR; works with a real reader too)
          mrz TEXT                                quét dòng MRZ (scan an MRZ)
          button ROLE click|press|release|hold [--ms N]
                                                  ROLE: staff, verySatisfied, satisfied, neutral, dissatisfied; hold: mặc định 3500 ms
          camera unplug|replug                    rút / cắm lại camera (unplug / replug the camera)
          microphone silence|restore              tắt tiếng / bật lại micro (silence / restore the microphone)
        mã thoát (exit codes): 0 xong (ok), 2 sai cú pháp (usage), 3 điểm cầu từ chối (refused), 4 không kết nối được (unreachable)
        """;

    private SimCommandLine(SimRequest? request, int? port, bool listCitizens, bool help)
    {
        Request = request;
        Port = port;
        ListCitizens = listCitizens;
        Help = help;
    }

    /// <summary>The call to make; null for the local commands (citizens, help).</summary>
    public SimRequest? Request { get; }

    /// <summary>--port, when given.</summary>
    public int? Port { get; }

    public bool ListCitizens { get; }

    public bool Help { get; }

    /// <exception cref="FormatException">The words are not a sim command; the message says why.</exception>
    public static SimCommandLine Parse(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var rest = new List<string>();
        int? port = null;
        int? ms = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "--port" or "--ms")
            {
                var name = words[i];
                var value = i + 1 < words.Count ? words[++i] : throw new FormatException($"{name} cần một số (needs a number).");
                var max = name == "--port" ? 65535 : 60_000;
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > max)
                {
                    throw new FormatException($"{name} '{value}' không phải số từ 1 đến {max} (not a number from 1 to {max}).");
                }

                if (name == "--port")
                {
                    port = n;
                }
                else
                {
                    ms = n;
                }

                continue;
            }

            rest.Add(words[i]);
        }

        if (rest.Count == 0 || rest[0] is "help" or "--help" or "-h")
        {
            return rest.Count == 0 ? throw new FormatException("thiếu lệnh (no command).") : new SimCommandLine(null, port, false, true);
        }

        if (ms is not null && !(rest[0] == "button" && rest.Count == 3 && rest[2] == "hold"))
        {
            throw new FormatException("--ms chỉ dùng với button ROLE hold (--ms is for button ROLE hold only).");
        }

        var request = rest[0] switch
        {
            "state" => Need(rest, 1, () => new SimRequest(HttpMethod.Get, "/sim/state")),
            "citizens" => Need<SimRequest?>(rest, 1, () => null),
            "card" => Card(rest),
            "qr" or "mrz" => Need(rest, 2, () => new SimRequest(HttpMethod.Post, "/sim/" + rest[0], new JsonObject { ["text"] = rest[1] })),
            "button" => Need(rest, 3, () => new SimRequest(HttpMethod.Post, $"/sim/buttons/{Uri.EscapeDataString(rest[1])}/{Action(rest, "click", "press", "release", "hold")}"
                + (ms is { } hold ? "?ms=" + hold.ToString(CultureInfo.InvariantCulture) : string.Empty))),
            "camera" => Need(rest, 2, () => new SimRequest(HttpMethod.Post, "/sim/camera/" + Action(rest, "unplug", "replug"))),
            "microphone" => Need(rest, 2, () => new SimRequest(HttpMethod.Post, "/sim/microphone/" + Action(rest, "silence", "restore"))),
            _ => throw new FormatException($"không có lệnh '{rest[0]}' (unknown command)."),
        };
        return new SimCommandLine(request, port, rest[0] == "citizens", false);
    }

    private static SimRequest Card(List<string> rest)
    {
        if (rest.Count == 2 && rest[1] == "--remove")
        {
            return new SimRequest(HttpMethod.Delete, "/sim/card");
        }

        var body = new JsonObject();
        for (var i = 1; i < rest.Count; i++)
        {
            switch (rest[i])
            {
                case "--no-scan":
                    body["scan"] = false;
                    continue;
                case "--mrz" or "--qr" or "--can" or "--citizen":
                    var key = rest[i][2..];
                    body[key] = i + 1 < rest.Count ? rest[++i] : throw new FormatException($"{rest[i]} cần một giá trị (needs a value).");
                    continue;
                default:
                    throw new FormatException($"card: không hiểu '{rest[i]}' (unknown option).");
            }
        }

        if (new[] { "mrz", "qr", "can", "citizen" }.Count(k => body[k] is not null) != 1)
        {
            throw new FormatException("card: cần đúng một trong --mrz, --qr, --can, --citizen hoặc --remove (give exactly one).");
        }

        return new SimRequest(HttpMethod.Post, "/sim/card", body);
    }

    private static string Action(List<string> rest, params string[] allowed)
    {
        var action = rest[^1];
        return allowed.Contains(action)
            ? action
            : throw new FormatException($"{rest[0]}: dùng {string.Join(" | ", allowed)} (use one of them).");
    }

    private static T Need<T>(List<string> rest, int count, Func<T> build) =>
        rest.Count == count ? build() : throw new FormatException($"{rest[0]}: cần {count - 1} tham số, có {rest.Count - 1} (wrong number of arguments).");
}
