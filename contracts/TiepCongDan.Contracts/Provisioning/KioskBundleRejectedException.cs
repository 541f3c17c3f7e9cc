namespace TiepCongDan.Contracts.Provisioning;

/// <summary>
/// A bundle that must not be installed: tampered, signed by someone else, or opened with the wrong
/// code. <see cref="Exception.Message"/> holds the Vietnamese sentence and the English one.
/// </summary>
public sealed class KioskBundleRejectedException : Exception
{
    public KioskBundleRejectedException()
    {
    }

    public KioskBundleRejectedException(string message)
        : base(message)
    {
    }

    public KioskBundleRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KioskBundleRejectedException(string vietnamese, string english, Exception? innerException = null)
        : base($"{vietnamese} / {english}", innerException)
    {
        Vietnamese = vietnamese;
        English = english;
    }

    public string Vietnamese { get; } = string.Empty;

    public string English { get; } = string.Empty;
}
