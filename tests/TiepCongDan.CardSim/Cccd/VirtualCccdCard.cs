using System.Security.Cryptography;
using TiepCongDan.CardSim.Vpcd;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// A virtual Vietnamese chip ID card (ICAO 9303 eMRTD with DG13), written from the specification:
/// SELECT (MF, the eMRTD application A0000002471001, EFs by FID), READ BINARY (offset or short EF
/// id), BAC (GET CHALLENGE, EXTERNAL AUTHENTICATE), PACE through <see cref="IPaceResponder"/>,
/// then 3DES or AES secure messaging for everything, and active authentication (INTERNAL
/// AUTHENTICATE). Any secure messaging error, or a plain command during a session, answers 6988
/// and ends the session; power off and reset forget it too. <see cref="Log"/> records every command.
/// Called from one thread at a time (see <see cref="IVirtualCard"/>).
/// </summary>
public sealed class VirtualCccdCard : IVirtualCard
{
    private static readonly byte[] ApplicationId = [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];
    private static readonly byte[] MasterFileId = [0x3F, 0x00];
    private static readonly RandomNumberGenerator SystemRandom = RandomNumberGenerator.Create();

    private readonly VirtualCccdCardOptions _options;
    private readonly BacCardResponder _bac;
    private readonly RandomNumberGenerator _random;
    private CardSecureMessagingSession? _session;
    private CardSessionKeys? _paceKeysTaken;
    private bool _applicationSelected;
    private CccdFile? _selected;

    public VirtualCccdCard(VirtualCccdCardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Image = CccdCardImage.Create(options);
        _random = options.Random ?? SystemRandom;
        _bac = new BacCardResponder(options.BacMrzInformation ?? options.Person.MrzInformation, _random);
        Atr = BuildAtr();
    }

    /// <summary>The files the card serves.</summary>
    public CccdCardImage Image { get; }

    public CardCommandLog Log { get; } = new();

    /// <summary>Whether BAC or PACE has completed and its secure messaging session is running.</summary>
    public bool AccessControlCompleted => _session is not null;

    public byte[] Atr { get; }

    public void PowerOn() => ForgetEverything();

    public void PowerOff() => ForgetEverything();

    public void Reset() => ForgetEverything();

    public byte[] Process(ReadOnlySpan<byte> commandApdu)
    {
        CommandApdu command;
        try
        {
            command = CommandApdu.Parse(commandApdu);
        }
        catch (FormatException)
        {
            var ins = commandApdu.Length > 1 ? commandApdu[1] : (byte)0;
            var protectedCommand = commandApdu.Length > 0 && (commandApdu[0] & 0x0C) == 0x0C;
            var inSession = _session is not null;
            if (inSession && protectedCommand)
            {
                // A malformed protected command is a secure messaging error like any other.
                EndSession();
                return Answer(ins, true, CardResponse.Of(CardStatus.SecureMessagingObjectsIncorrect), accessCompleted: true).ToApdu();
            }

            return Answer(ins, protectedCommand, CardResponse.Of(CardStatus.WrongLength), accessCompleted: inSession).ToApdu();
        }

        return command.SecureMessaging ? ProcessProtected(command) : ProcessPlain(command, commandApdu);
    }

    private byte[] ProcessProtected(CommandApdu command)
    {
        if (_session is not { } session)
        {
            return Answer(command.Ins, true, CardResponse.Of(CardStatus.SecureMessagingObjectsIncorrect)).ToApdu();
        }

        CommandApdu plain;
        try
        {
            plain = session.Unwrap(command);
        }
        catch (SecureMessagingViolationException)
        {
            EndSession();
            return Answer(command.Ins, true, CardResponse.Of(CardStatus.SecureMessagingObjectsIncorrect), accessCompleted: true).ToApdu();
        }

        var response = Execute(plain, secured: true, raw: null);
        Answer(plain.Ins, true, response, accessCompleted: true);
        return session.Wrap(response);
    }

    private byte[] ProcessPlain(CommandApdu command, ReadOnlySpan<byte> raw)
    {
        if (_session is not null)
        {
            // A plain command ends the session: only the start of a new access run is then served.
            EndSession();
            if (command.Ins is not (0x84 or 0x22) && !_options.AllowPlainReads)
            {
                return Answer(command.Ins, false, CardResponse.Of(CardStatus.SecureMessagingObjectsIncorrect), accessCompleted: true).ToApdu();
            }
        }

        var response = Execute(command, secured: false, raw: raw.ToArray());
        return Answer(command.Ins, false, response).ToApdu();
    }

    private CardResponse Answer(byte ins, bool secureMessaging, CardResponse response, bool? accessCompleted = null)
    {
        Log.Add(new CardCommandLogEntry(
            ins,
            _selected?.Name,
            secureMessaging,
            accessCompleted ?? false,
            response.Status,
            _selected?.RequiresAccessControl ?? false));
        return response;
    }

    private CardResponse Execute(CommandApdu command, bool secured, byte[]? raw)
    {
        if ((command.Cla & 0xE0) != 0)
        {
            return CardResponse.Of(CardStatus.ClassNotSupported);
        }

        if (command.Chained && command.Ins != 0x86)
        {
            return CardResponse.Of(CardStatus.WrongParameters);
        }

        if (_options.RejectExtendedLength && command.Extended)
        {
            return CardResponse.Of(CardStatus.WrongLength);
        }

        return command.Ins switch
        {
            0xA4 => Select(command),
            0xB0 => ReadBinary(command, secured),
            0x84 => GetChallenge(command),
            0x82 => ExternalAuthenticate(command, secured),
            0x22 or 0x86 => Pace(secured, raw),
            0x88 => InternalAuthenticate(command, secured),
            _ => CardResponse.Of(CardStatus.InstructionNotSupported),
        };
    }

    private CardResponse Select(CommandApdu command)
    {
        switch (command.P1)
        {
            case 0x04:
                if (!command.Data.AsSpan().SequenceEqual(ApplicationId))
                {
                    return CardResponse.Of(CardStatus.FileNotFound);
                }

                _applicationSelected = true;
                _selected = null;
                return CardResponse.Of(CardStatus.Success);
            case 0x00 when command.Data.Length == 0 || command.Data.AsSpan().SequenceEqual(MasterFileId):
                if (_options.SelectMasterFileAnswers6D00)
                {
                    return CardResponse.Of(CardStatus.InstructionNotSupported);
                }

                _applicationSelected = false;
                _selected = null;
                return CardResponse.Of(CardStatus.Success);
            case 0x00 or 0x02 when command.Data.Length == 2:
                var fid = (ushort)((command.Data[0] << 8) | command.Data[1]);
                var file = Image.Files.FirstOrDefault(f => f.FileId == fid && (_applicationSelected || !f.InApplication));
                if (file is null)
                {
                    return CardResponse.Of(CardStatus.FileNotFound);
                }

                _selected = file;
                return command.P2 == 0x0C ? CardResponse.Of(CardStatus.Success) : CardResponse.Ok(ControlParameters(file));
            default:
                return CardResponse.Of(CardStatus.WrongParameters);
        }
    }

    private CardResponse ReadBinary(CommandApdu command, bool secured)
    {
        int offset;
        if ((command.P1 & 0x80) != 0)
        {
            var shortId = command.P1 & 0x1F;
            var file = Image.Files.FirstOrDefault(f => f.ShortFileId == shortId && (_applicationSelected || !f.InApplication));
            if (file is null)
            {
                return CardResponse.Of(CardStatus.FileNotFound);
            }

            _selected = file;
            offset = command.P2;
        }
        else
        {
            offset = (command.P1 << 8) | command.P2;
        }

        if (_selected is not { } selected)
        {
            return CardResponse.Of(CardStatus.CommandNotAllowedNoEf);
        }

        if ((selected.RequiresAccessControl && !secured && !_options.AllowPlainReads) || selected.RequiresExtendedAccessControl)
        {
            return CardResponse.Of(CardStatus.SecurityStatusNotSatisfied);
        }

        if (command.Ne is not { } ne || (_options.RejectExtendedLength && ne > 0xDF))
        {
            return CardResponse.Of(CardStatus.WrongLength);
        }

        if (offset >= selected.Content.Length)
        {
            return CardResponse.Of(CardStatus.OffsetOutsideFile);
        }

        var length = Math.Min(ne, selected.Content.Length - offset);
        return CardResponse.Ok(selected.Content.AsSpan(offset, length).ToArray());
    }

    private CardResponse GetChallenge(CommandApdu command) =>
        command.Ne == 8 ? CardResponse.Ok(_bac.NewChallenge()) : CardResponse.Of(CardStatus.WrongLength);

    private CardResponse ExternalAuthenticate(CommandApdu command, bool secured)
    {
        if (!_options.SupportsBac)
        {
            return CardResponse.Of(CardStatus.InstructionNotSupported);
        }

        if (secured)
        {
            return CardResponse.Of(CardStatus.ConditionsNotSatisfied);
        }

        var response = _bac.ExternalAuthenticate(command.Data, out var keys);
        if (keys is not null)
        {
            _session = new CardSecureMessagingSession(keys);
        }

        return response;
    }

    private CardResponse Pace(bool secured, byte[]? raw)
    {
        if (_options.Pace is not { } pace)
        {
            return CardResponse.Of(CardStatus.InstructionNotSupported);
        }

        if (secured || raw is null)
        {
            return CardResponse.Of(CardStatus.ConditionsNotSatisfied);
        }

        var answer = pace.TryProcess(raw);
        if (answer is null || answer.Length < 2)
        {
            return CardResponse.Of(CardStatus.InstructionNotSupported);
        }

        if (pace.Established is { } keys && !ReferenceEquals(keys, _paceKeysTaken))
        {
            _paceKeysTaken = keys;
            _session = new CardSecureMessagingSession(keys);
        }

        return new CardResponse(answer[..^2], (ushort)((answer[^2] << 8) | answer[^1]));
    }

    private CardResponse InternalAuthenticate(CommandApdu command, bool secured)
    {
        if (Image.ActiveAuthentication is not { } key)
        {
            return CardResponse.Of(CardStatus.InstructionNotSupported);
        }

        if (!secured && !_options.AllowPlainReads)
        {
            return CardResponse.Of(CardStatus.SecurityStatusNotSatisfied);
        }

        return command.Data.Length == 8 ? CardResponse.Ok(key.Sign(command.Data, _random)) : CardResponse.Of(CardStatus.WrongLength);
    }

    private void EndSession()
    {
        _session = null;
        _bac.Forget();
        if (_options.Pace is { } pace)
        {
            pace.Reset();
            _paceKeysTaken = null;
        }
    }

    private void ForgetEverything()
    {
        EndSession();
        _applicationSelected = false;
        _selected = null;
    }

    /// <summary>ISO 7816-4 FCP: 62 { 80 size, 82 transparent EF, 83 FID }.</summary>
    private static byte[] ControlParameters(CccdFile file) =>
        Tlv.Encode(0x62, [
            .. Tlv.Encode(0x80, [(byte)(file.Content.Length >> 8), (byte)file.Content.Length]),
            .. Tlv.Encode(0x82, [0x01]),
            .. Tlv.Encode(0x83, [(byte)(file.FileId >> 8), (byte)file.FileId]),
        ]);

    /// <summary>A contactless card's ATR as PC/SC builds it (PC/SC part 3): 3B 8n 80 01, historical bytes, TCK.</summary>
    private static byte[] BuildAtr()
    {
        byte[] historical = [0x80, 0x31, 0x80, 0x65, 0xB0, 0x85, 0x03, 0x00, 0xEF, 0x12, 0x0F, 0xFF, 0x82, 0x90, 0x00];
        byte[] atr = [0x3B, (byte)(0x80 | historical.Length), 0x80, 0x01, .. historical, 0x00];
        byte tck = 0;
        for (var i = 1; i < atr.Length - 1; i++)
        {
            tck ^= atr[i];
        }

        atr[^1] = tck;
        return atr;
    }
}
