namespace TiepCongDan.Edge.Voice;

/// <summary>One request to speak a prompt (or a short sequence); <see cref="Completion"/> says how it ended. Never faults.</summary>
public sealed class VoicePlayback
{
    private readonly TaskCompletionSource<VoicePlaybackOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _interrupt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal VoicePlayback(IReadOnlyList<VoicePromptId> prompts, long number)
    {
        Prompts = prompts;
        Number = number;
    }

    /// <summary>The first (usually only) prompt of <see cref="Prompts"/>.</summary>
    public VoicePromptId Prompt => Prompts[0];

    /// <summary>The prompts spoken one after the other, as one playback.</summary>
    public IReadOnlyList<VoicePromptId> Prompts { get; }

    /// <summary>1 for the player's first playback, then 2, 3, ... (the WAV file output's file number).</summary>
    public long Number { get; }

    public Task<VoicePlaybackOutcome> Completion => _outcome.Task;

    /// <summary>Completes when a newer prompt, going live or Stop asks this one to stop.</summary>
    internal Task Interrupted => _interrupt.Task;

    internal bool IsInterrupted => _interrupt.Task.IsCompleted;

    internal void Interrupt() => _interrupt.TrySetResult();

    internal void Finish(VoicePlaybackOutcome outcome) => _outcome.TrySetResult(outcome);
}
