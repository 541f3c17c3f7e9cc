namespace TiepCongDan.Edge.Media.Ts;

/// <summary>What the PAT and PMT of one program say: where the PMT, video and audio are.</summary>
internal sealed record TsProgramInfo(int PmtPid, int VideoPid, int AudioPid, TsAudioCodec AudioCodec);
