using System.Text.Json;
using System.Text.Json.Nodes;
using TiepCongDan.Contracts.Provisioning;

namespace TiepCongDan.Edge.Provisioning;

/// <summary>
/// Merges the bundle's identity and hub endpoints into edge.json: the image's own settings there
/// (devices, screen, voice) stay; the kiosk id, hub addresses and secret file paths are set.
/// </summary>
internal static class EdgeConfigWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Merge(string? existingJson, KioskBundlePublic bundle, InstalledPaths paths, string dataDirectory)
    {
        var root = (string.IsNullOrWhiteSpace(existingJson) ? null : JsonNode.Parse(existingJson) as JsonObject) ?? [];
        var edge = Section(root, "Edge");
        edge["KioskId"] = bundle.KioskId;
        edge["ProvinceCode"] = bundle.Province;
        edge["CommuneCode"] = bundle.Commune;
        edge["DataDirectory"] = dataDirectory;

        var mqtt = Section(edge, "Mqtt");
        mqtt["Host"] = bundle.MqttHost;
        mqtt["Port"] = bundle.MqttPort;
        mqtt["UseTls"] = bundle.MqttUseTls;
        mqtt["PasswordFile"] = paths.MqttPassword;
        mqtt.Remove("Password");
        if (bundle.MqttUseTls)
        {
            mqtt["CaCertificatePath"] = paths.FleetCa;
            mqtt["ClientCertificatePath"] = paths.ClientCertificate;
            mqtt["ClientKeyPath"] = paths.ClientKey;
        }
        else
        {
            // The validator allows these only over TLS; the files are installed either way.
            mqtt.Remove("CaCertificatePath");
            mqtt.Remove("ClientCertificatePath");
            mqtt.Remove("ClientKeyPath");
        }

        var media = Section(edge, "Media");
        var srt = Section(media, "Srt");
        srt["Host"] = bundle.SrtHost;
        srt["Port"] = bundle.SrtPort;
        srt["PassphraseFile"] = paths.SrtPassphrase;
        srt.Remove("Passphrase");
        Section(media, "Upload")["HubUrl"] = bundle.HubUrl;
        Section(media, "Store")["KeyPath"] = paths.MediaKey;
        return root.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Section(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }
}
