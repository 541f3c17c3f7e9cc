using System.Security.Claims;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Commands;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Api;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Metrics;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Sparkplug;

namespace TiepCongDan.Hub.Commands;

/// <summary>
/// Remote commands from request to outcome: checks (known word, province, confirmation, online, no
/// citizen for a screenshot or still), the NCMD with the command's id, the kiosk's outcome and
/// artifact, timeouts and restarts (the sweep). Every request, outcome and artifact is audited.
/// </summary>
public sealed class CommandService
{
    private readonly CommandStore _store;
    private readonly ArtifactVault _vault;
    private readonly KioskRegistry _registry;
    private readonly NodeCommandSender _sender;
    private readonly AuditLog _audit;
    private readonly HubMetrics _metrics;
    private readonly CommandOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CommandService> _logger;

    public CommandService(CommandStore store, ArtifactVault vault, KioskRegistry registry, NodeCommandSender sender, AuditLog audit,
        HubMetrics metrics, IOptions<CommandOptions> options, TimeProvider time, ILogger<CommandService> logger)
    {
        _store = store;
        _vault = vault;
        _registry = registry;
        _sender = sender;
        _audit = audit;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public static string ActorOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "?";

    public static bool InScope(IReadOnlySet<string>? allowed, string province) => allowed is null || allowed.Contains(province);

    /// <summary>POST /api/devices/{id}/commands.</summary>
    public async Task<IResult> RequestAsync(string kioskId, CommandRequest? request, ClaimsPrincipal user, IReadOnlySet<string>? allowed,
        CancellationToken cancellationToken)
    {
        var actor = ActorOf(user);
        var province = KioskId.IsValid(kioskId) ? KioskId.ProvinceOf(kioskId) : null;
        var word = request?.Command;
        var comment = Trim(request?.Comment, 500);
        if (word is null || !KioskCommands.All.TryGetValue(word, out var kind))
        {
            return Refuse(actor, "command." + Safe(word), kioskId, province, "unknown", comment, StatusCodes.Status400BadRequest,
                new { error = CommandMessages.Unknown(word), allowed = KioskCommands.All.Keys.ToArray() });
        }

        var action = "command." + kind.Word;
        var kiosk = _registry.Get(kioskId);
        if (kiosk is null || !InScope(allowed, kiosk.Province))
        {
            // Another province's kiosk does not exist for this user (the audit keeps the attempt).
            return Refuse(actor, action, kioskId, province, kiosk is null ? "not-found" : "out-of-scope", comment,
                StatusCodes.Status404NotFound, new { error = CommandMessages.UnknownKiosk(kioskId) });
        }

        if (kind.Disruptive && request!.Confirm != true)
        {
            return Refuse(actor, action, kioskId, province, "unconfirmed", comment, StatusCodes.Status428PreconditionRequired,
                new { error = CommandMessages.ConfirmRequired(kind.Word), confirmRequired = true });
        }

        if (!kiosk.Online)
        {
            return Refuse(actor, action, kioskId, province, "offline", comment, StatusCodes.Status409Conflict,
                new { error = CommandMessages.Offline(kioskId) });
        }

        if (kind.Private && AlertInputs.InSession(kiosk))
        {
            return Refuse(actor, action, kioskId, province, "session-live", comment, StatusCodes.Status409Conflict,
                new { error = CommandMessages.SessionLive, sessionLive = true });
        }

        var now = _time.GetUtcNow();
        var row = new CommandRow
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            KioskId = kioskId,
            Province = kiosk.Province,
            Command = kind.Word,
            State = CommandStates.Sent,
            RequestedBy = actor,
            RequestedAtMs = now.ToUnixTimeMilliseconds(),
            DeadlineMs = (now + TimeSpan.FromSeconds(kind.Slow ? _options.SlowTimeoutSeconds : _options.TimeoutSeconds)).ToUnixTimeMilliseconds(),
            BdSeqAtRequest = kiosk.BdSeq,
            Comment = comment ?? string.Empty,
        };
        _store.Add(row);
        if (!await _sender.SendAsync(kioskId, kind.Metric, row.Id, cancellationToken))
        {
            Finish(row, CommandStates.Failed, CommandMessages.BrokerDown, "hub", "command." + kind.Word + ".result");
            _audit.Record(actor, action, kioskId, province, "failed", Detail(row.Id, comment));
            return Results.Json(new { error = CommandMessages.BrokerDown, id = row.Id }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        _metrics.Commands.Inc(kind.Word);
        _audit.Record(actor, action, kioskId, province, "sent", Detail(row.Id, comment));
        CommandLog.Sent(_logger, row.Id, kind.Word, kioskId, actor);
        return Results.Json(View(row), statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>A command the user may see (its kiosk's province is in scope), or null.</summary>
    public CommandRow? Find(string commandId, IReadOnlySet<string>? allowed) =>
        _store.Get(commandId) is { } row && InScope(allowed, row.Province) ? row : null;

    /// <summary>The kiosk's outcome; null when the command is not this kiosk's. Throws nothing on a late or repeated answer: the result says.</summary>
    public (int Status, string Text) ApplyOutcome(string kioskId, string commandId, CommandOutcome outcome)
    {
        var row = _store.Get(commandId);
        if (row is null || row.KioskId != kioskId)
        {
            return (StatusCodes.Status404NotFound, CommandMessages.UnknownCommand(commandId));
        }

        var message = Trim(outcome.Message, 2000) ?? string.Empty;
        var action = "command." + row.Command + ".result";
        if (outcome.State == CommandStates.Accepted)
        {
            if (row.State != CommandStates.Sent)
            {
                return (StatusCodes.Status409Conflict, $"The command is already {row.State}.");
            }

            row.AcknowledgedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            row.Message = message.Length > 0 ? message : CommandMessages.RestartAcknowledged;
            _store.UpdateIf(row, CommandStates.Sent);
            _audit.Record("kiosk:" + kioskId, action, kioskId, row.Province, CommandStates.Accepted, Detail(row.Id, message));
            return (StatusCodes.Status200OK, row.State);
        }

        // A late answer after the timeout still counts: the operator learns what happened.
        var from = row.State;
        if (from is not (CommandStates.Sent or CommandStates.Timeout))
        {
            return (StatusCodes.Status409Conflict, $"The command is already {row.State}.");
        }

        return Finish(row, outcome.State, message, "kiosk:" + kioskId, action, from)
            ? (StatusCodes.Status200OK, outcome.State)
            : (StatusCodes.Status409Conflict, "The command changed meanwhile; send the outcome again.");
    }

    /// <summary>Stores an uploaded artifact (encrypted) for the kiosk's own command.</summary>
    public async Task<(int Status, string Text)> SaveArtifactAsync(string kioskId, string commandId, string fileName, string contentType, byte[] body,
        CancellationToken cancellationToken)
    {
        var row = _store.Get(commandId);
        if (row is null || row.KioskId != kioskId)
        {
            return (StatusCodes.Status404NotFound, CommandMessages.UnknownCommand(commandId));
        }

        if (row.State is not (CommandStates.Sent or CommandStates.Timeout))
        {
            return (StatusCodes.Status409Conflict, $"The command is already {row.State}.");
        }

        var from = row.State;
        row.ArtifactFile = await _vault.SaveAsync(row.Id, body, cancellationToken);
        row.ArtifactName = fileName;
        row.ArtifactType = contentType;
        row.ArtifactBytes = body.Length;
        row.ArtifactAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!_store.UpdateIf(row, from))
        {
            return (StatusCodes.Status409Conflict, "The command changed meanwhile.");
        }

        _audit.Record("kiosk:" + kioskId, "command.artifact.upload", kioskId, row.Province, "ok", $"{row.Id} {fileName} {body.Length} bytes");
        CommandLog.Artifact(_logger, row.Id, body.Length, "stored");
        return (StatusCodes.Status200OK, "stored");
    }

    /// <summary>Timeouts, restarts that came back, expired artifacts. Called by <see cref="CommandSweepService"/>.</summary>
    public void Sweep()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var row in _store.Open())
        {
            var kind = KioskCommands.All.GetValueOrDefault(row.Command);
            if (kind is { Restarts: true } && _registry.Get(row.KioskId) is { Online: true } kiosk && kiosk.BdSeq != row.BdSeqAtRequest)
            {
                Finish(row, CommandStates.Done, CommandMessages.BackAfterRestart, "hub", "command." + row.Command + ".result");
            }
            else if (now >= row.DeadlineMs)
            {
                var seconds = (int)((row.DeadlineMs - row.RequestedAtMs) / 1000);
                Finish(row, CommandStates.Timeout, CommandMessages.TimedOut(seconds), "hub", "command." + row.Command + ".result");
            }
        }

        var expiry = now - (long)TimeSpan.FromHours(_options.ArtifactRetentionHours).TotalMilliseconds;
        foreach (var row in _store.ArtifactsBefore(expiry))
        {
            var file = row.ArtifactFile!;
            var state = row.State;
            row.ArtifactFile = null;
            row.Message = string.IsNullOrEmpty(row.Message) ? CommandMessages.ArtifactDeleted : row.Message + " " + CommandMessages.ArtifactDeleted;
            if (_store.UpdateIf(row, state))
            {
                _vault.Delete(file);
                _audit.Record("hub", "command.artifact.delete", row.KioskId, row.Province, "ok", $"{row.Id} retention {_options.ArtifactRetentionHours} h");
                CommandLog.Artifact(_logger, row.Id, row.ArtifactBytes ?? 0, "deleted (retention)");
            }
        }
    }

    public async Task<byte[]> ReadArtifactAsync(CommandRow row, CancellationToken cancellationToken) =>
        await _vault.ReadAsync(row.Id, row.ArtifactFile ?? throw new InvalidOperationException("The command has no artifact."), cancellationToken);

    public static CommandResultDto View(CommandRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new CommandResultDto(
            row.Id, row.KioskId, row.Command, row.State, row.RequestedBy,
            DeviceDto.Iso(DateTimeOffset.FromUnixTimeMilliseconds(row.RequestedAtMs))!,
            row.FinishedAtMs is { } f ? DeviceDto.Iso(DateTimeOffset.FromUnixTimeMilliseconds(f)) : null,
            string.IsNullOrEmpty(row.Message) ? null : row.Message,
            row.ArtifactFile is null ? null : "/api/commands/" + row.Id + "/artifact",
            string.IsNullOrEmpty(row.Comment) ? null : row.Comment,
            NodeCommandSender.TopicFor(row.KioskId),
            KioskCommands.All.TryGetValue(row.Command, out var kind) ? kind.Metric : string.Empty);
    }

    private bool Finish(CommandRow row, string state, string message, string actor, string action, string from = CommandStates.Sent)
    {
        row.State = state;
        row.Message = message;
        row.FinishedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!_store.UpdateIf(row, from))
        {
            return false;
        }

        _audit.Record(actor, action, row.KioskId, row.Province, state, Detail(row.Id, message));
        CommandLog.Finished(_logger, row.Id, row.KioskId, state);
        return true;
    }

    private IResult Refuse(string actor, string action, string kioskId, string? province, string why, string? comment, int status, object body)
    {
        _audit.Record(actor, action, kioskId, province, why == "unconfirmed" ? "unconfirmed" : "refused", Detail(why, comment));
        CommandLog.Refused(_logger, action, KioskId.IsValid(kioskId) ? kioskId : "?", actor, why);
        return Results.Json(body, statusCode: status);
    }

    private static string Detail(string head, string? tail) => string.IsNullOrEmpty(tail) ? head : head + ": " + tail;

    private static string Safe(string? word) =>
        string.IsNullOrEmpty(word) ? "(none)" : new string(word.Take(40).Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_').ToArray());

    private static string? Trim(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length > max ? text.Trim()[..max] : text.Trim();
}
