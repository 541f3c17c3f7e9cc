namespace TiepCongDan.Edge.Update;

/// <summary>Restarts the edge service so it runs the release <c>current</c> points at.</summary>
public interface IServiceRestarter
{
    Task RestartAsync(CancellationToken cancellationToken);
}
