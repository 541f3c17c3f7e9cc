using TiepCongDan.Contracts.Commands;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Commands;

/// <summary>
/// The remote_commands table of hub.db. State changes are compare-and-set on the state the caller
/// saw, so a kiosk's late answer and the timeout sweep cannot overwrite each other's outcome.
/// Thread-safe (through <see cref="HubDatabase"/>'s lock).
/// </summary>
public sealed class CommandStore
{
    private readonly HubDatabase _database;

    public CommandStore(HubDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _database.Run(c => c.CreateTable<CommandRow>());
    }

    public void Add(CommandRow row) => _database.Run(c => c.Insert(row));

    public CommandRow? Get(string id) => _database.Run(c => c.Find<CommandRow>(id));

    /// <summary>A kiosk's commands, newest first.</summary>
    public IReadOnlyList<CommandRow> ForKiosk(string kioskId, int limit) => _database.Run(c => c.Query<CommandRow>(
        "SELECT * FROM remote_commands WHERE kiosk_id = ? ORDER BY requested_at_ms DESC, rowid DESC LIMIT ?", kioskId, Math.Clamp(limit, 1, 1000)));

    /// <summary>Commands still waiting for their answer.</summary>
    public IReadOnlyList<CommandRow> Open() => _database.Run(c => c.Query<CommandRow>(
        "SELECT * FROM remote_commands WHERE state = ?", CommandStates.Sent));

    /// <summary>Commands whose artifact arrived before <paramref name="beforeMs"/> and is still kept.</summary>
    public IReadOnlyList<CommandRow> ArtifactsBefore(long beforeMs) => _database.Run(c => c.Query<CommandRow>(
        "SELECT * FROM remote_commands WHERE artifact_file IS NOT NULL AND artifact_at_ms < ?", beforeMs));

    /// <summary>Writes <paramref name="row"/> only if its stored state is still <paramref name="expectedState"/>; false otherwise.</summary>
    public bool UpdateIf(CommandRow row, string expectedState) => _database.Run(c =>
    {
        var stored = c.Find<CommandRow>(row.Id);
        if (stored is null || stored.State != expectedState)
        {
            return false;
        }

        c.Update(row);
        return true;
    });
}
