namespace TiepCongDan.Hub.Audit;

/// <summary>Records an action of the signed-in user of a request (the actor is their name).</summary>
public static class AuditHttpExtensions
{
    public static AuditRow Audit(this HttpContext context, string action, string target, string? province, string outcome, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = context.User.Identity?.Name is { Length: > 0 } name ? name : "?";
        return context.RequestServices.GetRequiredService<AuditLog>().Record(actor, action, target, province, outcome, detail);
    }
}
