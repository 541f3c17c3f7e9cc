using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Parsing;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.Card.Reading;

/// <summary>
/// Turns a CCCD on a transport into a <see cref="CitizenIdentity"/>: EF.CardAccess, PACE-CAN when
/// offered and a CAN is known, else BAC (candidates in order); then, all under secure messaging,
/// EF.COM, DG1, DG13, DG14/DG15 when listed, DG2 when configured, EF.SOD; then DG1 and DG13 checked
/// against each other, passive authentication and (with DG15) active authentication.
/// A secure messaging failure ends the session: access runs again once, then the read fails.
/// Throws only <see cref="CardReadException"/> (or <see cref="CardRemovedException"/>); nothing
/// partial is returned. Raw data groups are wiped before returning. Not thread-safe (one card conversation).
/// </summary>
public sealed class CccdChipReader
{
    private const int MaxAttempts = 2;

    private readonly IApduTransport _transport;
    private readonly ChipReadSettings _settings;
    private readonly CscaTrustStore? _trustStore;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IPaceAccess? _pace;
    private readonly RandomNumberGenerator _random;

    /// <param name="transport">The card, plain (as the reader gives it).</param>
    /// <param name="trustStore">Trusted CSCAs; null means none configured: the best result is then "unknown issuer".</param>
    /// <param name="pace">PACE implementation; null reads with BAC only.</param>
    public CccdChipReader(
        IApduTransport transport,
        ChipReadSettings settings,
        CscaTrustStore? trustStore,
        TimeProvider timeProvider,
        ILogger logger,
        IPaceAccess? pace,
        RandomNumberGenerator? random = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _transport = transport;
        _settings = settings;
        _trustStore = trustStore;
        _time = timeProvider;
        _logger = logger;
        _pace = pace;
        _random = random ?? RandomNumberGenerator.Create();
    }

    public CitizenIdentity Read(CardAccessKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var started = _time.GetTimestamp();
        CardReaderLog.ReadStarted(_logger, key.ToString());
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return ReadOnce(key, started, cancellationToken);
                }
                catch (CardAccessException ex) when (ex.Reason == CardAccessFailure.SecureMessagingFailed && attempt < MaxAttempts)
                {
                    CardReaderLog.SecureMessagingRetry(_logger, ex.Message);
                }
            }
        }
        catch (CardReadException ex)
        {
            CardReaderLog.ReadFailed(_logger, ex.Failure, ex.Message);
            throw;
        }
        catch (Exception ex) when (Translate(ex, key) is { } translated)
        {
            CardReaderLog.ReadFailed(_logger, translated.Failure, translated.Message);
            throw translated;
        }
    }

    private CitizenIdentity ReadOnce(CardAccessKey key, long started, CancellationToken cancellationToken)
    {
        var (secured, protocol) = OpenChip(key);
        var files = new Dictionary<int, byte[]>();
        byte[]? sod = null;
        try
        {
            var listed = ListedTags(CardFileReader.Read(secured, LdsFile.Com, _settings.ChunkSize));
            cancellationToken.ThrowIfCancellationRequested();
            files[1] = CardFileReader.Read(secured, LdsFile.Dg1, _settings.ChunkSize);
            files[13] = CardFileReader.Read(secured, LdsFile.Dg13, _settings.ChunkSize);
            foreach (var optional in new[] { LdsFile.Dg14, LdsFile.Dg15 })
            {
                if (listed.Contains(optional.ComTag))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    files[optional.DataGroup] = CardFileReader.Read(secured, optional, _settings.ChunkSize);
                }
            }

            if (_settings.ReadFaceImage && listed.Contains(LdsFile.Dg2.ComTag))
            {
                cancellationToken.ThrowIfCancellationRequested();
                files[2] = CardFileReader.Read(secured, LdsFile.Dg2, _settings.ChunkSize);
            }

            cancellationToken.ThrowIfCancellationRequested();
            sod = CardFileReader.Read(secured, LdsFile.Sod, _settings.ChunkSize);
            var active = files.TryGetValue(15, out var dg15)
                ? ActiveAuthenticator.Authenticate(secured, dg15, _random)
                : ActiveAuthenticationResult.NotPresent;
            var identity = Build(files, sod, active, protocol, started);
            CheckKeyBelongsToCard(key, identity);
            return identity;
        }
        finally
        {
            foreach (var bytes in files.Values)
            {
                CryptographicOperations.ZeroMemory(bytes);
            }

            if (sod is not null)
            {
                CryptographicOperations.ZeroMemory(sod);
            }
        }
    }

    private (IApduTransport Secured, AccessProtocol Protocol) OpenChip(CardAccessKey key)
    {
        var paceRefusal = string.Empty;
        if (key.Can is { } can && _pace is not null && ReadCardAccess() is { } cardAccess)
        {
            try
            {
                if (_pace.TryAuthenticate(_transport, cardAccess, can) is { } paceKeys)
                {
                    var secured = new SecureMessaging(_transport, paceKeys);
                    CardFileReader.SelectApplication(secured);
                    CardReaderLog.AccessEstablished(_logger, "PACE", paceKeys.Cipher.ToString());
                    return (secured, AccessProtocol.Pace);
                }

                paceRefusal = "EF.CardAccess offers no supported PACE parameters";
            }
            catch (CardAccessException ex) when (key.BacCandidates.Count > 0)
            {
                paceRefusal = ex.Message;
            }

            CardReaderLog.PaceFallback(_logger, paceRefusal);
        }

        if (key.BacCandidates.Count == 0)
        {
            throw new CardReadException(CardReadFailure.AccessNotPossible, CardReadMessages.NoPace,
                "The card offers no PACE (EF.CardAccess missing or unsupported) and a CAN opens nothing else: use the QR or the MRZ.");
        }

        CardFileReader.SelectApplication(_transport);
        var bac = new BacAuthenticator(_transport, _random);
        for (var i = 0; i < key.BacCandidates.Count; i++)
        {
            var candidate = key.BacCandidates[i];
            try
            {
                var keys = bac.Authenticate(candidate.Keys);
                CardReaderLog.AccessEstablished(_logger, "BAC", candidate.Label);
                return (new SecureMessaging(_transport, keys), AccessProtocol.Bac);
            }
            catch (CardAccessException ex) when (ex.Reason == CardAccessFailure.WrongAccessKey)
            {
                CardReaderLog.BacCandidateRefused(_logger, candidate.Label, i + 1, key.BacCandidates.Count);
            }
        }

        throw new CardAccessException(CardAccessFailure.WrongAccessKey, "Every BAC key was refused.");
    }

    /// <summary>
    /// A CAN is only 6 digits: a QR (or a typed 12-digit ID) from another card sharing them opens this
    /// chip. The register must never file one citizen under another's QR, so the whole ID, when the
    /// key carries it, must be the chip's.
    /// </summary>
    private static void CheckKeyBelongsToCard(CardAccessKey key, CitizenIdentity identity)
    {
        if (key.IdHint.Length != 12 || key.IdHint == identity.IdNumber)
        {
            return;
        }

        identity.Dispose();
        throw new CardReadException(CardReadFailure.WrongKey, CardReadMessages.KeyFromAnotherCard,
            $"The {key.Source} names ID {IdMask.Mask(key.IdHint)} but the chip holds {IdMask.Mask(identity.IdNumber)}: the key belongs to another card.");
    }

    /// <summary>EF.CardAccess read plainly from the master file, or null when the card has none (no PACE).</summary>
    private byte[]? ReadCardAccess()
    {
        CardFileReader.SelectMasterFile(_transport);
        if (!CardFileReader.TrySelect(_transport, LdsFile.CardAccess))
        {
            CardReaderLog.CardAccessFile(_logger, "absent, the card offers BAC only");
            return null;
        }

        var bytes = CardFileReader.ReadSelected(_transport, LdsFile.CardAccess, _settings.ChunkSize);
        CardReaderLog.CardAccessFile(_logger, string.Create(CultureInfo.InvariantCulture, $"{bytes.Length} bytes"));
        return bytes;
    }

    private CitizenIdentity Build(Dictionary<int, byte[]> files, byte[] sod, ActiveAuthenticationResult active, AccessProtocol protocol, long started)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

        // Hashes first: an altered group that no longer parses must still be named as altered.
        var passive = Passive(sod, files);
        Td1Mrz mrz;
        Dg13 dg13;
        try
        {
            mrz = Td1Mrz.Parse(MrzText(files[1]), today);
            dg13 = Dg13.Parse(files[13]);
        }
        catch (CardDataException ex) when (passive.Status == PassiveAuthenticationStatus.Invalid)
        {
            throw new CardReadException(CardReadFailure.CardError, CardReadMessages.CardError,
                "The card's data is malformed and fails passive authentication: " + passive.Reason, ex);
        }

        passive = Consistency(mrz, dg13) ?? passive;
        var authenticity = new CardAuthenticity(passive, active);
        var face = files.TryGetValue(2, out var dg2) ? FaceImage.Extract(dg2) : null;
        var identity = new CitizenIdentity(face)
        {
            IdNumber = dg13.IdNumber.Length > 0 ? dg13.IdNumber : mrz.IdNumber,
            FullName = dg13.FullName,
            DateOfBirth = CardDate(dg13.DateOfBirth) ?? mrz.DateOfBirth,
            Sex = dg13.Sex,
            Nationality = dg13.Nationality,
            Ethnicity = dg13.Ethnicity,
            Religion = dg13.Religion,
            PlaceOfOrigin = dg13.PlaceOfOrigin,
            PlaceOfResidence = dg13.PlaceOfResidence,
            DateOfIssue = CardDate(dg13.DateOfIssue),
            DateOfExpiry = CardDate(dg13.DateOfExpiry),
            DateOfExpiryText = dg13.DateOfExpiry,
            FatherName = NullIfEmpty(dg13.FatherName),
            MotherName = NullIfEmpty(dg13.MotherName),
            SpouseName = NullIfEmpty(dg13.SpouseName),
            Authenticity = authenticity,
            AccessProtocol = protocol,
            ReadDuration = _time.GetElapsedTime(started),
        };
        CardReaderLog.ReadCompleted(_logger, identity.MaskedIdNumber, protocol.ToWire(), (long)identity.ReadDuration.TotalMilliseconds,
            authenticity.Status.ToWire(), authenticity.Reason, active.Status.ToWire());
        return identity;
    }

    /// <summary>DG1's MRZ and DG13 describe the same citizen: a mismatch means the issuer's data is wrong or spliced.</summary>
    private static PassiveAuthenticationResult? Consistency(Td1Mrz mrz, Dg13 dg13)
    {
        var id = dg13.IdNumber;
        if (id.Length != 12)
        {
            return PassiveAuthenticationResult.Invalid("DG13 holds no 12-digit ID number.");
        }

        var matches = mrz.IdNumber.Length > 0 ? mrz.IdNumber == id : mrz.DocumentNumber == id[^9..];
        return matches ? null : PassiveAuthenticationResult.Invalid("DG1 (MRZ) and DG13 name different ID numbers.");
    }

    private PassiveAuthenticationResult Passive(byte[] sod, Dictionary<int, byte[]> files)
    {
        SecurityObject securityObject;
        try
        {
            securityObject = SecurityObject.Parse(sod);
        }
        catch (SecurityObjectException ex)
        {
            return PassiveAuthenticationResult.Invalid("EF.SOD cannot be decoded: " + ex.Message);
        }

        using var empty = _trustStore is null ? new CscaTrustStore([]) : null;
        var result = new PassiveAuthenticator(_trustStore ?? empty!, _time).Authenticate(securityObject, files);
        if (_trustStore is null && result.Status == PassiveAuthenticationStatus.UnknownIssuer)
        {
            return PassiveAuthenticationResult.UnknownIssuer(
                "No CSCA trust store is configured (Edge:Card:CscaDirectory or --csca): the data groups match their signed hashes, but who signed them was not checked.");
        }

        return result;
    }

    private static HashSet<byte> ListedTags(byte[] efCom)
    {
        var root = BerTlv.ParseSingle(efCom);
        if (root.Tag != 0x60)
        {
            throw new CardDataException("EF.COM does not start with tag 60");
        }

        return [.. root.Child(0x5C).Value.ToArray()];
    }

    private static string MrzText(byte[] dg1)
    {
        var root = BerTlv.ParseSingle(dg1);
        if (root.Tag != 0x61)
        {
            throw new CardDataException("DG1 does not start with tag 61");
        }

        return System.Text.Encoding.ASCII.GetString(root.Child(0x5F1F).Value.Span);
    }

    private static DateOnly? CardDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "ddMMyyyy", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>The typed error for what lower layers throw; null for bugs, which must surface as they are.</summary>
    private static CardReadException? Translate(Exception ex, CardAccessKey key) => ex switch
    {
        PcscException { Kind: PcscErrorKind.CardRemoved or PcscErrorKind.NoCard } p =>
            new CardRemovedException("The card was removed during the read: " + p.Message, p),
        PcscException { Kind: PcscErrorKind.Timeout } p =>
            new CardReadException(CardReadFailure.Timeout, CardReadMessages.Timeout, p.Message, p),
        PcscException { Kind: PcscErrorKind.NoReader or PcscErrorKind.NoService } p =>
            new CardReadException(CardReadFailure.NoReader, CardReadMessages.NoReader, p.Message, p),
        PcscException p =>
            new CardReadException(CardReadFailure.CardError, CardReadMessages.CardError, p.Message, p),
        CardAccessException { Reason: CardAccessFailure.WrongAccessKey } a =>
            new CardReadException(CardReadFailure.WrongKey, CardReadMessages.WrongKey(key.Source), CardReadMessages.WrongKeyReason(key.Source), a),
        CardAccessException a =>
            new CardReadException(CardReadFailure.CardError, CardReadMessages.CardError, "The card broke the access or secure messaging protocol: " + a.Message, a),
        CardDataException d =>
            new CardReadException(CardReadFailure.CardError, CardReadMessages.CardError,
                string.Create(CultureInfo.InvariantCulture, $"The card's data is malformed ({d.GetType().Name}, offset {d.Offset})."), d),
        _ => null,
    };
}
