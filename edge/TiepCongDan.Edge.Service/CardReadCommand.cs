using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Parsing;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Edge.Options;

/// <summary>
/// <c>tcd-edge card read (--qr TEXT | --mrz TEXT | --can DIGITS) [--reader NAME] [--csca DIR] [--json] [--face FILE] [--wait SECONDS]</c>:
/// for staff and technicians, reads the chip of the card on the reader and prints the identity record
/// (Vietnamese labels) and its authenticity. Needs pcscd, not MQTT or the hub. Defaults come from
/// "Edge:Card" in appsettings.json, /etc/tcd-edge/edge.json and TCD_EDGE_* variables.
/// Exit codes: see <see cref="CardReadExitCodes"/>.
/// </summary>
internal sealed class CardReadCommand
{
    private const string Usage =
        "usage: tcd-edge card read (--qr TEXT | --mrz TEXT | --can DIGITS) [--reader NAME] [--csca DIR] [--json] [--face FILE] [--wait SECONDS]";

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string? _qr;
    private string? _mrz;
    private string? _can;
    private string? _reader;
    private string? _csca;
    private string? _face;
    private bool _json;
    private double _waitSeconds = 10;

    public static bool IsCardCommand(string[] args) => args.Length >= 1 && args[0] == "card";

    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        if (args.Length < 2 || args[1] != "read")
        {
            await Console.Error.WriteLineAsync(Usage);
            return CardReadExitCodes.Usage;
        }

        var command = new CardReadCommand();
        if (command.Parse(args[2..]) is { } problem)
        {
            await Console.Error.WriteLineAsync("tcd-edge card read: " + problem);
            await Console.Error.WriteLineAsync(Usage);
            return CardReadExitCodes.Usage;
        }

        return await command.RunAsync();
    }

    private string? Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--json")
            {
                _json = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                return $"{name} needs a value.";
            }

            var value = args[++i];
            switch (name)
            {
                case "--qr": _qr = value; break;
                case "--mrz": _mrz = value; break;
                case "--can": _can = value; break;
                case "--reader": _reader = value; break;
                case "--csca": _csca = value; break;
                case "--face": _face = value; break;
                case "--wait":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _waitSeconds) || _waitSeconds is < 0 or > 3600)
                    {
                        return $"--wait '{value}' is not a number of seconds (0 to 3600).";
                    }

                    break;
                default:
                    return $"unknown option '{name}'.";
            }
        }

        var keys = new[] { _qr, _mrz, _can }.Count(k => k is not null);
        return keys == 1 ? null : "give exactly one of --qr, --mrz or --can.";
    }

    private async Task<int> RunAsync()
    {
        var time = TimeProvider.System;
        CardAccessKey key;
        try
        {
            key = _qr is not null ? CardAccessKey.FromQr(_qr)
                : _mrz is not null ? CardAccessKey.FromMrz(_mrz, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
                : CardAccessKey.FromCan(_can!);
        }
        catch (CardDataException ex)
        {
            var which = _qr is not null ? "--qr" : _mrz is not null ? "--mrz" : "--can";
            await Console.Error.WriteLineAsync($"tcd-edge card read: {which} is not valid: {ex.Message}.");
            return CardReadExitCodes.Usage;
        }

        var options = LoadOptions();
        options.ReaderName = _reader ?? options.ReaderName;
        options.CscaDirectory = _csca ?? options.CscaDirectory;
        options.ReadFaceImage = _face is not null || options.ReadFaceImage;
        var validation = new EdgeCardOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            await Console.Error.WriteLineAsync("tcd-edge card read: configuration error: " + string.Join(" ", validation.Failures ?? []));
            return CardReadExitCodes.Config;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        CscaTrustStore? trust;
        try
        {
            trust = string.IsNullOrWhiteSpace(options.CscaDirectory) ? null : CscaTrustStore.LoadFromDirectory(options.CscaDirectory);
        }
        catch (SecurityObjectException ex)
        {
            await Console.Error.WriteLineAsync("tcd-edge card read: configuration error: " + ex.Message);
            return CardReadExitCodes.Config;
        }

        using (trust)
        {
            try
            {
                var reader = await PcscCardWait.ForCardAsync(options.ReaderName, TimeSpan.FromSeconds(_waitSeconds), time, stop.Token);
                var settings = new ChipReadSettings { ChunkSize = options.ChunkSize, ReadFaceImage = options.ReadFaceImage };
                using var identity = PcscChipSession.Read(reader, key, settings, trust, TimeSpan.FromMilliseconds(options.ApduTimeoutMs), time, NullLogger.Instance, stop.Token);
                if (_face is not null && !identity.FaceImage.IsEmpty)
                {
                    await File.WriteAllBytesAsync(_face, identity.FaceImage.ToArray(), stop.Token);
                }

                await Console.Out.WriteAsync(_json ? Json(identity, _face) : CitizenIdentityText.Format(identity));
                return Exit(identity.Authenticity.Status, identity);
            }
            catch (CardReadException ex)
            {
                if (_json)
                {
                    await Console.Out.WriteAsync(ErrorJson(ex));
                }

                await Console.Error.WriteLineAsync(ex.StaffMessage);
                await Console.Error.WriteLineAsync("(" + ex.Message + ")");
                return CardReadExitCodes.For(ex.Failure);
            }
        }
    }

    private int Exit(CardAuthenticityStatus status, CitizenIdentity identity)
    {
        if (status == CardAuthenticityStatus.UnknownIssuer)
        {
            Console.Error.WriteLine("Cảnh báo: chưa xác định được cơ quan cấp thẻ (không có chứng thư CSCA tin cậy phù hợp); dữ liệu đã đọc nhưng chưa được xác thực đầy đủ.");
        }

        if (_face is not null && identity.FaceImage.IsEmpty)
        {
            Console.Error.WriteLine("Cảnh báo: thẻ không có ảnh khuôn mặt (DG2), không ghi tệp " + _face + ".");
        }

        return status switch
        {
            CardAuthenticityStatus.Valid => CardReadExitCodes.Ok,
            CardAuthenticityStatus.UnknownIssuer => CardReadExitCodes.UnknownIssuer,
            _ => CardReadExitCodes.AuthenticityInvalid,
        };
    }

    private static EdgeCardOptions LoadOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile("/etc/tcd-edge/edge.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("TCD_EDGE_")
            .Build();
        var options = new EdgeCardOptions();
        configuration.GetSection(EdgeCardOptions.SectionName).Bind(options);
        return options;
    }

    private static string Json(CitizenIdentity identity, string? faceFile)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("idNumber", identity.IdNumber);
            w.WriteString("fullName", identity.FullName);
            w.WriteString("dateOfBirth", Iso(identity.DateOfBirth));
            w.WriteString("sex", identity.Sex);
            w.WriteString("nationality", identity.Nationality);
            w.WriteString("ethnicity", identity.Ethnicity);
            w.WriteString("religion", identity.Religion);
            w.WriteString("placeOfOrigin", identity.PlaceOfOrigin);
            w.WriteString("placeOfResidence", identity.PlaceOfResidence);
            w.WriteString("dateOfIssue", identity.DateOfIssue is { } issue ? Iso(issue) : null);
            w.WriteString("dateOfExpiry", identity.DateOfExpiry is { } expiry ? Iso(expiry) : null);
            w.WriteString("dateOfExpiryText", identity.DateOfExpiryText);
            w.WriteString("fatherName", identity.FatherName);
            w.WriteString("motherName", identity.MotherName);
            w.WriteString("spouseName", identity.SpouseName);
            w.WriteStartObject("authenticity");
            w.WriteString("status", identity.Authenticity.Status.ToWire());
            w.WriteString("reason", identity.Authenticity.Reason);
            w.WriteStartObject("passive");
            w.WriteString("status", identity.Authenticity.Passive.Status switch
            {
                PassiveAuthenticationStatus.Valid => "valid",
                PassiveAuthenticationStatus.Invalid => "invalid",
                _ => "unknown-issuer",
            });
            w.WriteString("reason", identity.Authenticity.Passive.Reason);
            w.WriteEndObject();
            w.WriteStartObject("active");
            w.WriteString("status", identity.Authenticity.Active.Status.ToWire());
            w.WriteString("reason", identity.Authenticity.Active.Reason);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("accessProtocol", identity.AccessProtocol.ToWire());
            w.WriteNumber("readDurationMs", (long)identity.ReadDuration.TotalMilliseconds);
            w.WriteString("faceImageFile", identity.FaceImage.IsEmpty ? null : faceFile);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string ErrorJson(CardReadException ex)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("failure", CardReadExitCodes.Name(ex.Failure));
            w.WriteNumber("exitCode", CardReadExitCodes.For(ex.Failure));
            w.WriteString("message", ex.StaffMessage);
            w.WriteString("reason", ex.Message);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
