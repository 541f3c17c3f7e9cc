using System.Collections.Concurrent;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.SelfTest;

namespace TiepCongDan.Edge.Tests.SelfTest;

/// <summary>
/// The technician of a test: when the self-test asks for a button, clicks it through the kiosk's
/// simulation console (POST /sim/buttons/{role}/click), except <paramref name="skip"/>, which is never pressed.
/// </summary>
internal sealed class ConsolePresser(int simulationPort, ButtonRole? skip) : ISelfTestPrompter, IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{simulationPort}/"), Timeout = TimeSpan.FromSeconds(20) };

    public ConcurrentQueue<ButtonRole> Asked { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public void Prompt(SelfTestPrompt prompt)
    {
        if (prompt.Button is not { } role)
        {
            return;
        }

        Asked.Enqueue(role);
        if (role == skip)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(300);
            using var response = await _http.PostAsync(new Uri($"sim/buttons/{ButtonRoleNames.Key(role)}/click", UriKind.Relative), null);
            if (!response.IsSuccessStatusCode)
            {
                Errors.Enqueue($"{role}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        });
    }

    public void Finished(SelfTestReport report)
    {
    }

    public void Dispose() => _http.Dispose();
}
