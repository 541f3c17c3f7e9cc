using TiepCongDan.Edge.Controls;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// Something the technician must read or do now ("Nhấn Nút của cán bộ"), or the check now running.
/// <see cref="Button"/> is set when the prompt asks for a button, so a driver (a test, a simulated
/// panel) knows which one.
/// </summary>
public sealed record SelfTestPrompt(string CheckId, string Vietnamese, string English, ButtonRole? Button = null);
