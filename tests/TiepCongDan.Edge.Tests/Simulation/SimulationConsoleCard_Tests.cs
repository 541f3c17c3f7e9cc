using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Simulation;

namespace TiepCongDan.Edge.Tests.Simulation;

/// <summary>The console's card, QR, MRZ and state routes against the real server on a free loopback port.</summary>
public sealed class SimulationConsoleCard_Tests
{
    [Fact]
    public async Task State_reports_the_flow_the_card_and_which_devices_are_simulated()
    {
        await using var rig = await SimulationRig.StartAsync();
        rig.Status.Move(ReceptionState.Live, "14-04171-20261123-0001");

        var (status, body) = await rig.SendAsync(HttpMethod.Get, "/sim/state");

        Assert.Equal(200, status);
        Assert.Equal("Live", (string?)body["state"]);
        Assert.Equal("14-04171-20261123-0001", (string?)body["sessionId"]);
        Assert.Equal("absent", (string?)body["card"]);
        Assert.Equal("simulated", (string?)body["devices"]!["cardReader"]);
        Assert.Equal("simulated", (string?)body["devices"]!["buttons"]);
        Assert.Equal("plugged", (string?)body["devices"]!["camera"]);
        Assert.Equal("normal", (string?)body["devices"]!["microphone"]);
    }

    [Fact]
    public async Task A_card_by_QR_is_inserted_then_its_QR_scanned_and_the_reader_opens_it_with_that_QR()
    {
        await using var rig = await SimulationRig.StartAsync();
        var qr = SimulatedCitizens.An.Card.QrText;

        var (status, body) = await rig.PostAsync("/sim/card", $$"""{"qr":"{{qr}}"}""");

        Assert.Equal(200, status);
        Assert.Equal("Nguyễn Văn An", (string?)body["fullName"]);
        Assert.Equal("qr", (string?)body["scanned"]);
        var signals = rig.DrainSignals();
        Assert.Equal([CardSignalKind.CardInserted, CardSignalKind.QrScanned], signals.Select(s => s.Kind));
        Assert.Equal(qr, signals[1].Text);
        var reader = rig.Host.Services.GetService(typeof(ICitizenCardReader)) as ICitizenCardReader;
        Assert.IsType<SimulatedCitizenCard>(reader);
        using var identity = await reader!.ReadAsync(CardAccessKey.FromQr(qr), CancellationToken.None);
        Assert.Equal("001090012345", identity.IdNumber);
        Assert.Equal("present", (string?)(await rig.SendAsync(HttpMethod.Get, "/sim/state")).Body["card"]);
    }

    [Fact]
    public async Task A_card_by_MRZ_publishes_the_MRZ_and_by_CAN_or_citizen_the_card_QR()
    {
        await using var rig = await SimulationRig.StartAsync();
        var mrz = SimulatedCitizens.Binh.Card.MrzText;

        Assert.Equal(200, (await rig.PostAsync("/sim/card", System.Text.Json.JsonSerializer.Serialize(new { mrz }))).Status);
        var byMrz = rig.DrainSignals();
        Assert.Equal([CardSignalKind.CardInserted, CardSignalKind.MrzScanned], byMrz.Select(s => s.Kind));
        Assert.Equal(mrz, byMrz[1].Text);

        // Another card while one is on: the first comes off before the next goes on.
        Assert.Equal(200, (await rig.PostAsync("/sim/card", """{"can":"123456"}""")).Status);
        var byCan = rig.DrainSignals();
        Assert.Equal([CardSignalKind.CardRemoved, CardSignalKind.CardInserted, CardSignalKind.QrScanned], byCan.Select(s => s.Kind));
        Assert.StartsWith("079000123456|", byCan[2].Text, StringComparison.Ordinal);

        var (status, body) = await rig.PostAsync("/sim/card", """{"citizen":"cuong","scan":false}""");
        Assert.Equal(200, status);
        Assert.Equal("Lê Minh Cường", (string?)body["fullName"]);
        Assert.Equal("none", (string?)body["scanned"]);
        Assert.Equal([CardSignalKind.CardRemoved, CardSignalKind.CardInserted], rig.DrainSignals().Select(s => s.Kind));
    }

    [Fact]
    public async Task A_wrong_MRZ_check_digit_gets_the_message_a_real_kiosk_gives_and_nothing_is_published()
    {
        await using var rig = await SimulationRig.StartAsync();
        var good = SimulatedCitizens.An.Card.MrzText;
        var bad = string.Concat(good.AsSpan(0, 14), good[14] == '0' ? "1" : "0", good.AsSpan(15));
        var expected = Assert.ThrowsAny<Edge.Card.Parsing.CardDataException>(() => CardAccessKey.FromMrz(bad, new DateOnly(2026, 11, 23))).Message;

        var (status, body) = await rig.PostAsync("/sim/card", System.Text.Json.JsonSerializer.Serialize(new { mrz = bad }));

        Assert.Equal(400, status);
        Assert.Contains(expected, (string?)body["error"], StringComparison.Ordinal);
        Assert.Empty(rig.DrainSignals());
        Assert.Equal("absent", (string?)(await rig.SendAsync(HttpMethod.Get, "/sim/state")).Body["card"]);
    }

    [Theory]
    [InlineData(null, "JSON")]
    [InlineData("not json", "JSON")]
    [InlineData("[1,2]", "JSON")]
    [InlineData("{}", "exactly one")]
    [InlineData("""{"qr":"x","can":"123456"}""", "exactly one")]
    [InlineData("""{"can":"12345"}""", "CAN")]
    [InlineData("""{"qr":"001085012345|only|three"}""", "QR")]
    [InlineData("""{"citizen":"nobody"}""", "no built-in citizen 'nobody'")]
    [InlineData("""{"can":123456}""", "non-empty string")]
    [InlineData("""{"can":"123456","scan":"yes"}""", "true or false")]
    public async Task Bad_card_input_is_400_with_a_sentence(string? json, string expected)
    {
        await using var rig = await SimulationRig.StartAsync();

        var (status, body) = await rig.PostAsync("/sim/card", json);

        Assert.Equal(400, status);
        Assert.Contains(expected, (string?)body["error"], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(rig.DrainSignals());
    }

    [Fact]
    public async Task Removing_the_card_publishes_CardRemoved_once_and_again_is_harmless()
    {
        await using var rig = await SimulationRig.StartAsync();
        await rig.PostAsync("/sim/card", """{"citizen":"an"}""");
        rig.DrainSignals();

        var (first, firstBody) = await rig.SendAsync(HttpMethod.Delete, "/sim/card");
        var (second, secondBody) = await rig.SendAsync(HttpMethod.Delete, "/sim/card");

        Assert.Equal((200, true), (first, (bool)firstBody["removed"]!));
        Assert.Equal((200, false), (second, (bool)secondBody["removed"]!));
        Assert.Equal([CardSignalKind.CardRemoved], rig.DrainSignals().Select(s => s.Kind));
    }

    [Fact]
    public async Task QR_and_MRZ_scans_publish_only_the_scan_and_need_text()
    {
        await using var rig = await SimulationRig.StartAsync();

        Assert.Equal(200, (await rig.PostAsync("/sim/qr", """{"text":"anything the scanner read"}""")).Status);
        Assert.Equal(200, (await rig.PostAsync("/sim/mrz", """{"text":"IDVNM"}""")).Status);
        var signals = rig.DrainSignals();
        Assert.Equal([CardSignalKind.QrScanned, CardSignalKind.MrzScanned], signals.Select(s => s.Kind));
        Assert.Equal("anything the scanner read", signals[0].Text);

        var (status, body) = await rig.PostAsync("/sim/qr", """{"text":""}""");
        Assert.Equal(400, status);
        Assert.Contains("'text'", (string?)body["error"], StringComparison.Ordinal);
        Assert.Equal(400, (await rig.PostAsync("/sim/mrz")).Status);
        Assert.Empty(rig.DrainSignals());
    }

    [Fact]
    public async Task Unknown_routes_are_404_and_wrong_methods_405()
    {
        await using var rig = await SimulationRig.StartAsync();

        Assert.Equal(404, (await rig.SendAsync(HttpMethod.Get, "/sim/nothing")).Status);
        Assert.Equal(404, (await rig.SendAsync(HttpMethod.Get, "/")).Status);
        Assert.Equal(404, (await rig.PostAsync("/sim/camera/explode")).Status);
        Assert.Equal(404, (await rig.PostAsync("/sim/buttons/staff")).Status);
        Assert.Equal(405, (await rig.PostAsync("/sim/state")).Status);
        Assert.Equal(405, (await rig.SendAsync(HttpMethod.Get, "/sim/card")).Status);
        Assert.Equal(405, (await rig.SendAsync(HttpMethod.Get, "/sim/buttons/staff/click")).Status);
    }

    [Fact]
    public async Task With_a_real_PCSC_reader_a_made_up_card_is_409_but_a_QR_scan_still_works()
    {
        await using var rig = await SimulationRig.StartAsync(new() { ["Edge:Card:Enabled"] = "true" });

        var (status, body) = await rig.PostAsync("/sim/card", """{"citizen":"an"}""");
        Assert.Equal(409, status);
        Assert.Contains("use /sim/qr", (string?)body["error"], StringComparison.Ordinal);
        Assert.Equal(409, (await rig.SendAsync(HttpMethod.Delete, "/sim/card")).Status);
        Assert.Null(rig.Host.Services.GetService(typeof(ICitizenCardReader)));

        Assert.Equal(200, (await rig.PostAsync("/sim/qr", System.Text.Json.JsonSerializer.Serialize(new { text = SimulatedCitizens.An.Card.QrText }))).Status);
        Assert.Equal([CardSignalKind.QrScanned], rig.DrainSignals().Select(s => s.Kind));
        var state = (await rig.SendAsync(HttpMethod.Get, "/sim/state")).Body;
        Assert.Equal(("unknown", "pcsc"), ((string?)state["card"], (string?)state["devices"]!["cardReader"]));
    }
}
