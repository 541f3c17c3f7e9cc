namespace TiepCongDan.Edge.Devices;

/// <summary>
/// The ports currently attached to the node. A port leaving the set is published as DDEATH, a
/// port joining it as DBIRTH. <see cref="Refresh"/> is called once per sample interval from the
/// node's loop; <see cref="Attached"/> returns an immutable snapshot safe to read from any thread.
/// </summary>
public interface IDevicePortSet
{
    IReadOnlyList<IDevicePort> Attached { get; }

    void Refresh();
}
