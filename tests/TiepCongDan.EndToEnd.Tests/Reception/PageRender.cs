namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>What the kiosk page showed after one render: the state, the texts visible then (null: hidden), and when (Unix ms, the page's clock).</summary>
internal sealed record PageRender(string State, string? Instruction, string? Citizen, string? Error, string VisibleText, double AtMs)
{
    public override string ToString() => $"{State}: \"{Instruction}\"{(Citizen is null ? string.Empty : $" / \"{Citizen}\"")}{(Error is null ? string.Empty : $" / error \"{Error}\"")}";
}
