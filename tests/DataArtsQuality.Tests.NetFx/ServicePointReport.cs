using System.Net;

namespace DataArtsQuality.Tests;

/// <summary>What ServicePointManager held before and after a connection was made, as read inside a
/// <see cref="ServicePointProbe"/>'s domain.</summary>
[Serializable]
public sealed class ServicePointReport
{
    public string FrameworkDescription { get; set; } = "";
    public SecurityProtocolType ProtocolsBefore { get; set; }
    public SecurityProtocolType ProtocolsAfter { get; set; }
    public int DefaultLimitBefore { get; set; }
    public int DefaultLimitAfter { get; set; }
    public int PointLimit { get; set; }
    public bool PointExpect100Continue { get; set; }
    public bool GlobalExpect100ContinueBefore { get; set; }
}
