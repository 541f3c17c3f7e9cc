using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TiepCongDan.CardSim.Vpcd;

/// <summary>The TCP ports of vpcd readers: finding a free pair, and seeing pcscd listen on one.</summary>
internal static class VpcdPorts
{
    /// <summary>Whether something listens on the TCP port (pcscd's vpcd driver, once it has loaded the reader).</summary>
    public static bool IsListening(int port)
    {
        var hexPort = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[3] == "0A" && fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A free port p with p+1 free too: a vpcd entry's two readers listen on both.</summary>
    public static int FreePair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new TcpListener(IPAddress.Any, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            if (port >= 65535)
            {
                continue;
            }

            try
            {
                using var second = new TcpListener(IPAddress.Any, port + 1);
                second.Start();
                second.Stop();
                return port;
            }
            catch (SocketException)
            {
                // p+1 taken: try another p.
            }
        }

        throw new InvalidOperationException("Found no two consecutive free TCP ports for a vpcd reader.");
    }
}
