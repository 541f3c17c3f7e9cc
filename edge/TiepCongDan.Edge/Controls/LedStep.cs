namespace TiepCongDan.Edge.Controls;

/// <summary>One step of a light pattern: lit or dark for a while.</summary>
public readonly record struct LedStep(bool On, TimeSpan Duration);
