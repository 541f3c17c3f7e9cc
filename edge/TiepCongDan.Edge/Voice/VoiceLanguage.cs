namespace TiepCongDan.Edge.Voice;

/// <summary>The language the prompts are spoken in; Vietnamese is the kiosk's language.</summary>
public enum VoiceLanguage
{
    Vietnamese,
    English,
}
