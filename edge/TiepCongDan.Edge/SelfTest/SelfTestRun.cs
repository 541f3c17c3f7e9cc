using TiepCongDan.Contracts.SelfTest;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>A finished self-test: the report, where it was saved, and whether the hub stored it (else why not).</summary>
public sealed record SelfTestRun(SelfTestReport Report, string SavedTo, bool SentToHub, string SendProblem);
