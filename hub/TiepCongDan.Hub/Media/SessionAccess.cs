namespace TiepCongDan.Hub.Media;

/// <summary>Whether a kiosk may touch a session.</summary>
public enum SessionAccess
{
    Owned,
    NotDeclared,
    OtherKiosk,
}
