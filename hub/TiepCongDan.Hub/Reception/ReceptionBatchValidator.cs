using System.Globalization;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Hub.Reception;

/// <summary>
/// Checks a kiosk's batch before anything of it is stored. Messages name the event (session, seq) and
/// the field, never its value: the value may be a citizen's name or ID number.
/// </summary>
public static class ReceptionBatchValidator
{
    private const int MaxText = 500;
    private const int MaxName = 200;

    /// <summary>Throws <see cref="ReceptionRequestException"/> (400, or 422 for another kiosk's event: the kiosk is who it says, the content is wrong, so it parks the event instead of retrying).</summary>
    public static void Check(ReceptionEventBatch? batch, string kioskId)
    {
        if (batch?.Events is null)
        {
            throw new ReceptionRequestException("The body must be JSON: {\"events\": [...]}.");
        }

        if (batch.Events.Count > ReceptionProtocol.MaxBatch)
        {
            throw new ReceptionRequestException($"At most {ReceptionProtocol.MaxBatch} events per request; this one has {batch.Events.Count}.");
        }

        for (var i = 0; i < batch.Events.Count; i++)
        {
            var e = batch.Events[i] ?? throw new ReceptionRequestException($"events[{i}] is null.");
            var name = MediaSessionId.IsValid(e.SessionId)
                ? string.Create(CultureInfo.InvariantCulture, $"event (session {e.SessionId}, seq {e.Seq})")
                : string.Create(CultureInfo.InvariantCulture, $"events[{i}]");
            if (!MediaSessionId.IsValid(e.SessionId) || MediaSessionId.IsLineTest(e.SessionId))
            {
                throw Bad(name, "sessionId", "is not a session id");
            }

            if (e.KioskId != kioskId)
            {
                throw new ReceptionRequestException(StatusCodes.Status422UnprocessableEntity, $"{name}: kioskId is not the authenticated kiosk; a kiosk sends only its own sessions.");
            }

            Check(name, e);
        }
    }

    private static void Check(string name, ReceptionEvent e)
    {
        if (e.Seq < 1)
        {
            throw Bad(name, "seq", "must be 1 or more");
        }

        if (e.AtMs <= 0)
        {
            throw Bad(name, "atMs", "must be a Unix time in ms");
        }

        if (e.From is null || !ReceptionVocabulary.States.Contains(e.From))
        {
            throw Bad(name, "from", "is not a reception state");
        }

        if (e.To is null || !ReceptionVocabulary.States.Contains(e.To))
        {
            throw Bad(name, "to", "is not a reception state");
        }

        if (e.Trigger is null || !ReceptionVocabulary.Triggers.Contains(e.Trigger))
        {
            throw Bad(name, "trigger", "is not a known trigger");
        }

        if (e.CaseKind is not null && !CaseKinds.IsValid(e.CaseKind))
        {
            throw Bad(name, "caseKind", "must be one of " + string.Join(", ", CaseKinds.All));
        }

        if (e.Rating is not null && !SessionRatings.IsValid(e.Rating))
        {
            throw Bad(name, "rating", "must be one of " + string.Join(", ", SessionRatings.All));
        }

        if (e.Outcome is not null && !SessionOutcomes.IsValid(e.Outcome))
        {
            throw Bad(name, "outcome", "is not a session outcome");
        }

        if (e.CardToLiveMs is < 0 || e.ButtonToLiveMs is < 0)
        {
            throw Bad(name, e.CardToLiveMs is < 0 ? "cardToLiveMs" : "buttonToLiveMs", "must not be negative");
        }

        // The staff member becomes an official of the archive's manifest, which takes names up to 200 characters.
        if ((e.Staff?.Length ?? 0) > MaxName)
        {
            throw Bad(name, "staff", $"is longer than {MaxName} characters");
        }

        if ((e.Detail?.Length ?? 0) > MaxText)
        {
            throw Bad(name, "detail", $"is longer than {MaxText} characters");
        }

        if (e.Citizen is { } citizen)
        {
            CheckCitizen(name, citizen);
        }
    }

    private static void CheckCitizen(string name, ReceptionCitizen c)
    {
        if (c.IdNumber is null || c.IdNumber.Length is not (9 or 12) || !c.IdNumber.All(char.IsAsciiDigit))
        {
            throw Bad(name, "citizen.idNumber", "must be 9 or 12 digits");
        }

        if (string.IsNullOrWhiteSpace(c.FullName) || c.FullName.Length > MaxName)
        {
            throw Bad(name, "citizen.fullName", $"must not be empty (at most {MaxName} characters)");
        }

        if (!DateOnly.TryParseExact(c.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw Bad(name, "citizen.dateOfBirth", "must be a date yyyy-MM-dd");
        }

        if (c.Sex is null || c.Sex.Length > 20 || c.PlaceOfResidence is null || c.PlaceOfResidence.Length > MaxText)
        {
            throw Bad(name, c.Sex is null || c.Sex.Length > 20 ? "citizen.sex" : "citizen.placeOfResidence", "is missing or too long");
        }

        if (string.IsNullOrWhiteSpace(c.Authenticity) || c.Authenticity.Length > 40 || string.IsNullOrWhiteSpace(c.Source) || c.Source.Length > 40)
        {
            throw Bad(name, string.IsNullOrWhiteSpace(c.Authenticity) || c.Authenticity.Length > 40 ? "citizen.authenticity" : "citizen.source", "is missing or too long");
        }
    }

    private static ReceptionRequestException Bad(string name, string field, string problem) => new($"{name}: {field} {problem}.");
}
