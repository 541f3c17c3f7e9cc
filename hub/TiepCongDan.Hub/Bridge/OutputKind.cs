namespace TiepCongDan.Hub.Bridge;

/// <summary>Which way an output reaches its receiver.</summary>
public enum OutputKind
{
    /// <summary>The hub calls the point (Mode caller).</summary>
    Push,

    /// <summary>The point called the bridge listener and pulls.</summary>
    Pull,

    /// <summary>The kiosk pulls the officials' return stream.</summary>
    Return,
}
