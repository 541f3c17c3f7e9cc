namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// What a capture held: the test tone's loudest level, the loudest level of anything, the strongest
/// frequency where the tone was loudest, and for how long the tone stood out.
/// </summary>
public readonly record struct ToneAnalysis(double ToneLevelDb, double LoudestLevelDb, double DominantHz, double ToneSeconds);
