using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Broker;

namespace TiepCongDan.Hub.Media;

/// <summary>
/// HTTP Basic for kiosks on the media API: user = kiosk id, password = its MQTT password, checked by
/// the same rules as the broker (<see cref="BrokerAuthorizer"/>). A revoked kiosk with the right
/// password is authenticated but marked, so the policy answers 403 rather than 401.
/// </summary>
internal sealed class KioskAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "TcdKiosk";
    public const string PolicyName = "TcdKioskMedia";
    public const string RevokedClaim = "tcd:revoked";

    private readonly BrokerAuthorizer _authorizer;
    private readonly FleetSecret _secret;

    public KioskAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        BrokerAuthorizer authorizer, FleetSecret secret)
        : base(options, logger, encoder)
    {
        _authorizer = authorizer;
        _secret = secret;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        switch (BasicCredentials.TryRead(Request, out var credentials))
        {
            case BasicCredentials.Outcome.Absent:
                return Task.FromResult(AuthenticateResult.NoResult());
            case BasicCredentials.Outcome.Malformed:
                return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        }

        var kioskId = credentials.Username;
        var password = credentials.Password;
        var decision = _authorizer.CheckConnect(kioskId, kioskId, password, clientCertificate: null);
        if (decision.Accepted && !decision.IsHub)
        {
            return Task.FromResult(Success(kioskId, revoked: false));
        }

        // The broker refuses revoked ids before checking the password; here only the right password learns it is revoked.
        if (decision.Reason == "revoked" && DeviceCredentials.Verify(_secret.Bytes, kioskId, password))
        {
            MediaLog.KioskRefused(Logger, kioskId, Remote, "revoked");
            return Task.FromResult(Success(kioskId, revoked: true));
        }

        MediaLog.KioskRefused(Logger, KioskId.IsValid(kioskId) ? kioskId : "?", Remote, decision.IsHub ? "hub-credential" : decision.Reason);
        return Task.FromResult(AuthenticateResult.Fail("Wrong kiosk id or password."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"tcd-hub-media\", charset=\"UTF-8\"";
        await Response.WriteAsJsonAsync(new { error = "Kiosk id and MQTT password required (HTTP Basic)." });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new { error = "This kiosk is revoked." });
    }

    private string Remote => Context.Connection.RemoteIpAddress?.ToString() ?? "?";

    private AuthenticateResult Success(string kioskId, bool revoked)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, kioskId) };
        if (revoked)
        {
            claims.Add(new Claim(RevokedClaim, "true"));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
