using System.Text.Json;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Pki;
using TiepCongDan.CardSim.Vpcd;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Card;

/// <summary>
/// The real `tcd-edge card read` against a private pcscd, the virtual CCCD served over vpcd by this
/// test process: no MQTT, no hub, only PC/SC (PCSCLITE_CSOCK_NAME points the child at the daemon).
/// </summary>
public sealed class CardRead_Tests : IDisposable
{
    private const int UsageExit = 2;
    private const int WrongKeyExit = 4;
    private const int UnknownIssuerExit = 7;
    private readonly PcscdDaemon _daemon = PcscdDaemon.Start(2);
    private readonly TempDirectory _csca = new("card-csca");

    public CardRead_Tests()
    {
        TestCardPki.Shared.WriteCscaPem(_csca.Path);
    }

    [Fact]
    public async Task Reading_with_the_mrz_prints_the_json_record_valid_writes_the_face_and_exits_0()
    {
        var person = CccdPerson.Tuyet;
        var slot = _daemon.Slots[0];
        using var client = new VpcdCardClient(new VirtualCccdCard(new VirtualCccdCardOptions { Person = person }), slot.Port);
        client.Insert();

        var face = Path.Combine(_csca.Path, "face.jpg");
        await using var run = Start(slot, "--mrz", person.Td1MrzText, "--csca", _csca.Path, "--json", "--face", face);

        Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(60)), "tcd-edge card read did not finish within 60 s.\n" + run.Describe());
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}, expected 0.\n{run.Describe()}");
        using var json = JsonDocument.Parse(Stdout(run));
        var root = json.RootElement;
        Assert.Equal(person.IdNumber, root.GetProperty("idNumber").GetString());
        Assert.Equal("Nguyễn Thị Ánh Tuyết", root.GetProperty("fullName").GetString());
        Assert.Equal("1990-03-15", root.GetProperty("dateOfBirth").GetString());
        Assert.Equal(person.PlaceOfResidence, root.GetProperty("placeOfResidence").GetString());
        Assert.Equal(person.FatherName, root.GetProperty("fatherName").GetString());
        Assert.Equal(person.MotherName, root.GetProperty("motherName").GetString());
        Assert.Equal("BAC", root.GetProperty("accessProtocol").GetString());
        Assert.Equal("valid", root.GetProperty("authenticity").GetProperty("status").GetString());
        Assert.Equal("valid", root.GetProperty("authenticity").GetProperty("passive").GetProperty("status").GetString());
        Assert.Equal("valid", root.GetProperty("authenticity").GetProperty("active").GetProperty("status").GetString());
        Assert.Equal(face, root.GetProperty("faceImageFile").GetString());
        Assert.Equal([0xFF, 0xD8, 0xFF], (await File.ReadAllBytesAsync(face))[..3]);
    }

    [Fact]
    public async Task A_wrong_mrz_exits_with_the_wrong_key_code_and_tells_the_staff_what_to_check()
    {
        var slot = _daemon.Slots[1];
        using var client = new VpcdCardClient(new VirtualCccdCard(new VirtualCccdCardOptions { Person = CccdPerson.Tuyet }), slot.Port);
        client.Insert();

        await using var run = Start(slot, "--mrz", CccdPerson.Hung.Td1MrzText, "--csca", _csca.Path);

        Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(60)), "tcd-edge card read did not finish within 60 s.\n" + run.Describe());
        Assert.True(run.ExitCode == WrongKeyExit, $"exit code {run.ExitCode}, expected {WrongKeyExit}.\n{run.Describe()}");
        Assert.Contains(run.Output.Lines, l => l.Contains("hãy kiểm tra số giấy tờ, ngày sinh và ngày hết hạn", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Output.Lines, l => l.Contains(CccdPerson.Tuyet.FullName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_trust_store_unknown_issuer_has_its_own_exit_code_and_with_one_the_text_record_has_vietnamese_labels()
    {
        var person = CccdPerson.Hung;
        var slot = _daemon.Slots[0];
        using var client = new VpcdCardClient(new VirtualCccdCard(new VirtualCccdCardOptions { Person = person }), slot.Port);
        client.Insert();

        await using var run = Start(slot, "--qr", person.FrontQrText, "--mrz", person.Td1MrzText);
        Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(60)), run.Describe());
        Assert.True(run.ExitCode == UsageExit, $"two keys: exit code {run.ExitCode}, expected {UsageExit}.\n{run.Describe()}");

        await using var read = Start(slot, "--mrz", person.Td1MrzText, "--json");
        Assert.True(await read.WaitForExitAsync(TimeSpan.FromSeconds(60)), read.Describe());
        Assert.True(read.ExitCode == UnknownIssuerExit, $"exit code {read.ExitCode}, expected {UnknownIssuerExit}.\n{read.Describe()}");
        using var json = JsonDocument.Parse(Stdout(read));
        Assert.Equal("Trương Đình Hưng", json.RootElement.GetProperty("fullName").GetString());
        Assert.Equal("unknown-issuer", json.RootElement.GetProperty("authenticity").GetProperty("status").GetString());

        await using var text = Start(slot, "--mrz", person.Td1MrzText, "--csca", _csca.Path);
        Assert.True(await text.WaitForExitAsync(TimeSpan.FromSeconds(60)), text.Describe());
        Assert.True(text.ExitCode == 0, $"exit code {text.ExitCode}, expected 0.\n{text.Describe()}");
        Assert.Contains(text.Output.Lines, l => l.StartsWith("Họ và tên:", StringComparison.Ordinal) && l.EndsWith("Trương Đình Hưng", StringComparison.Ordinal));
        Assert.Contains(text.Output.Lines, l => l.StartsWith("Họ tên mẹ:", StringComparison.Ordinal) && l.EndsWith("Huỳnh Thị Mỹ", StringComparison.Ordinal));
        Assert.Contains(text.Output.Lines, l => l.StartsWith("Xác thực dữ liệu:", StringComparison.Ordinal) && l.Contains("Hợp lệ", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _daemon.Dispose();
        _csca.Dispose();
    }

    private ChildProcess Start(VirtualReaderSlot slot, params string[] arguments) =>
        ChildProcess.StartDotnet(
            "tcd-edge card read",
            BuiltPrograms.Edge,
            ["card", "read", "--reader", slot.ReaderName, "--wait", "30", .. arguments],
            new Dictionary<string, string> { [PcscdDaemon.SocketVariable] = _daemon.SocketPath });

    private static string Stdout(ChildProcess run) =>
        string.Join('\n', run.Output.Lines.Where(l => !l.StartsWith("[stderr] ", StringComparison.Ordinal)));
}
