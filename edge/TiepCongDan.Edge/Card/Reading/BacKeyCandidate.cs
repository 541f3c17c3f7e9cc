using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Card.Reading;

/// <summary>One BAC key to try; <paramref name="Label"/> says which expiry guess it is (no personal data, safe to log).</summary>
public sealed record BacKeyCandidate(string Label, BacKeys Keys);
