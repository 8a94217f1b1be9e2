namespace DataArtsQuality.Emulator.State;

/// <summary>
/// Shapes of the service's answers that the docs and SDKs allow but the default emulator does not produce, switched
/// on by tests through PUT /_emulator/shape. Reset with the rest of the state.
/// </summary>
public sealed class WireShape
{
    /// <summary>
    /// New instances report SUSPENDING this long before RUNNING (the docs list SUSPENDING; when the service shows it is
    /// not documented [inf]).
    /// </summary>
    public int SuspendingMilliseconds { get; set; }

    /// <summary>
    /// When above 0, the category and workspace lists return at most this many entries per page, whatever limit asked
    /// for.
    /// </summary>
    public int PageCap { get; set; }

    /// <summary>
    /// Workspace create_time/update_time as JSON floats in E notation (1.6691328E12), as the SDK's float typing allows.
    /// </summary>
    public bool WorkspaceTimesAsFloat { get; set; }

    /// <summary>The limit a list endpoint honours.</summary>
    public int Cap(int limit) => PageCap > 0 && PageCap < limit ? PageCap : limit;
}
