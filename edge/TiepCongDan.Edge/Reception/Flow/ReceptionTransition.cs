namespace TiepCongDan.Edge.Reception.Flow;

/// <summary>One move of the flow: from, to, and what caused it.</summary>
public readonly record struct ReceptionTransition(ReceptionState From, ReceptionState To, ReceptionTrigger Trigger);
