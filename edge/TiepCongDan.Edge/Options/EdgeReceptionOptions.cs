namespace TiepCongDan.Edge.Options;

/// <summary>
/// The kiosk's reception session flow (section "Edge:Reception"), validated at start by
/// <see cref="EdgeReceptionOptionsValidator"/>. Each state but Live has a time after which it
/// moves on by itself, so a kiosk left alone always comes back to Idle.
/// </summary>
public sealed class EdgeReceptionOptions
{
    public const string SectionName = "Edge:Reception";

    /// <summary>False: no session flow (a fleet-only kiosk, or a bench machine); the buttons and the card do nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The commune staff member on duty at this kiosk, as the reception register names them; empty: not recorded.</summary>
    public string Staff { get; set; } = string.Empty;

    /// <summary>Seconds to identify the citizen (card plus QR, or the staff's press) before going back to Idle.</summary>
    public int CitizenPresentSeconds { get; set; } = 60;

    /// <summary>Seconds for the citizen to choose the case kind, or the staff to confirm, before going back to Idle.</summary>
    public int IdentifiedSeconds { get; set; } = 90;

    /// <summary>Seconds for the media session to start and its uplink to connect before the flow shows an error.</summary>
    public int ConnectingSeconds { get; set; } = 45;

    /// <summary>Seconds the recording and link may take to close before the rating is shown anyway.</summary>
    public int EndingSeconds { get; set; } = 30;

    /// <summary>Seconds for the citizen to rate; no answer closes the session without a rating.</summary>
    public int RatingSeconds { get; set; } = 30;

    /// <summary>Seconds an error stays on the screen before the kiosk is ready for the next citizen.</summary>
    public int ErrorDisplaySeconds { get; set; } = 10;

    /// <summary>How often the media's status is checked while connecting and live (uplink up, session ended from the hub).</summary>
    public int LiveCheckIntervalMs { get; set; } = 250;

    /// <summary>The evdev node of a USB QR scanner in keyboard mode (/dev/input/by-id/usb-...-event-kbd); empty: no scanner.</summary>
    public string? QrScannerDevice { get; set; }

    /// <summary>
    /// Seconds after start before the voice prompts not yet in the cache are rendered in the
    /// background, one by one and only while the kiosk is idle; 0: never (each prompt is rendered
    /// on first use instead).
    /// </summary>
    public int VoiceWarmupDelaySeconds { get; set; } = 120;

    public TimeSpan CitizenPresentTimeout => TimeSpan.FromSeconds(CitizenPresentSeconds);

    public TimeSpan IdentifiedTimeout => TimeSpan.FromSeconds(IdentifiedSeconds);

    public TimeSpan ConnectingTimeout => TimeSpan.FromSeconds(ConnectingSeconds);

    public TimeSpan EndingTimeout => TimeSpan.FromSeconds(EndingSeconds);

    public TimeSpan RatingTimeout => TimeSpan.FromSeconds(RatingSeconds);

    public TimeSpan ErrorDisplayTimeout => TimeSpan.FromSeconds(ErrorDisplaySeconds);

    public TimeSpan LiveCheckInterval => TimeSpan.FromMilliseconds(LiveCheckIntervalMs);
}
