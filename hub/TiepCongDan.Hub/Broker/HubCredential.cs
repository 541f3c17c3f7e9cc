using System.Security.Cryptography;

namespace TiepCongDan.Hub.Broker;

/// <summary>
/// The hub's own MQTT login on its embedded broker: random for each start, never stored, and
/// under a name that can never be a kiosk id, so no kiosk password can open it.
/// </summary>
public sealed class HubCredential
{
    public HubCredential(string hostId)
    {
        ClientId = "tcd-hub-host-" + hostId;
        Username = "tcd-hub-host";
        Password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    public string ClientId { get; }

    public string Username { get; }

    public string Password { get; }

    public bool Matches(string? clientId, string? username, string? password) =>
        clientId == ClientId && username == Username && password is not null
        && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(password), System.Text.Encoding.UTF8.GetBytes(Password));
}
