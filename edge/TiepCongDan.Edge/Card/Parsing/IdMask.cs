namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>Masks an ID number for logs: enough to tell two cards apart, not enough to identify a citizen.</summary>
public static class IdMask
{
    /// <summary><c>001234567864</c> → <c>0012******64</c>; short inputs are masked entirely.</summary>
    public static string Mask(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return string.Empty;
        }

        if (id.Length < 8)
        {
            return new string('*', id.Length);
        }

        return string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 6), id.AsSpan(id.Length - 2));
    }
}
