using System.Globalization;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Edge.Simulator;

/// <summary>Command line of tcd-fleet-sim.</summary>
internal sealed record SimulatorOptions
{
    public int Kiosks { get; init; } = 3;
    public string Host { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 1883;
    public string? FleetSecretFile { get; init; }
    public string? Password { get; init; }
    public IReadOnlyList<string> Provinces { get; init; } = ["14"];
    public int IntervalSeconds { get; init; } = 10;
    public int RampPerSecond { get; init; } = 200;
    public int DurationSeconds { get; init; }
    public int KeepAliveSeconds { get; init; } = 30;
    public int StatusSeconds { get; init; } = 10;
    public string? PrimaryHostId { get; init; }

    public const string Usage = """
        tcd-fleet-sim: N simulated kiosks in one process (the real edge node, simulated devices, in-memory outbox).
          --kiosks N                 number of kiosks (default 3)
          --host H --port P          hub MQTT broker (default 127.0.0.1:1883)
          --fleet-secret-file F      fleet device secret (32+ raw bytes); each kiosk's password is derived from it
          --password P               one password for every kiosk (brokers without per-kiosk passwords)
          --province 14              province code of every kiosk (default 14)
          --provinces 14,11,01       spread kiosks over several provinces
          --interval-seconds 10      one NDATA per kiosk per interval (default 10)
          --ramp-per-second 200      new connections per second (default 200)
          --duration-seconds S       stop after S seconds (0 = until Ctrl-C; default 0)
          --keepalive-seconds 30     MQTT keep-alive (default 30)
          --primary-host-id ID       wait for this Sparkplug host's STATE online before births
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static SimulatorOptions Parse(string[] args)
    {
        var o = new SimulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Int() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : throw new ArgumentException($"{name} needs a non-negative whole number.");
            o = name switch
            {
                "--kiosks" => o with { Kiosks = Int() },
                "--host" => o with { Host = Value() },
                "--port" => o with { Port = Int() },
                "--fleet-secret-file" => o with { FleetSecretFile = Value() },
                "--password" => o with { Password = Value() },
                "--province" => o with { Provinces = [Value()] },
                "--provinces" => o with { Provinces = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--interval-seconds" => o with { IntervalSeconds = Int() },
                "--ramp-per-second" => o with { RampPerSecond = Int() },
                "--duration-seconds" => o with { DurationSeconds = Int() },
                "--keepalive-seconds" => o with { KeepAliveSeconds = Int() },
                "--primary-host-id" => o with { PrimaryHostId = Value() },
                _ => throw new ArgumentException($"unknown option '{name}'."),
            };
        }

        if (o.Kiosks < 1 || o.Kiosks > 99999)
        {
            throw new ArgumentException("--kiosks must be 1..99999.");
        }

        if (o.Provinces.Count == 0 || o.Provinces.Any(p => !KioskId.IsValidProvince(p)))
        {
            throw new ArgumentException("province codes must be 2 digits, e.g. --provinces 14,11,01.");
        }

        if (o.IntervalSeconds < 1 || o.RampPerSecond < 1 || o.KeepAliveSeconds < 5)
        {
            throw new ArgumentException("--interval-seconds and --ramp-per-second must be at least 1, --keepalive-seconds at least 5.");
        }

        if (o.FleetSecretFile is null && o.Password is null)
        {
            throw new ArgumentException("give --fleet-secret-file F (per-kiosk passwords) or --password P.");
        }

        return o;
    }

    /// <summary>Kiosk number <paramref name="index"/>: provinces round-robin, communes numbered from 00001 in each.</summary>
    public string KioskIdOf(int index)
    {
        var province = Provinces[index % Provinces.Count];
        var commune = ((index / Provinces.Count) + 1).ToString("D5", CultureInfo.InvariantCulture);
        return KioskId.Create(province, commune);
    }
}
