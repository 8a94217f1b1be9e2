using System.Management.Automation;
using DataArtsQuality.Models;
using DataArtsQuality.Session;

namespace DataArtsQuality.Commands
{
    /// <summary>Shows the current connection: endpoint, project, workspace, kind of authentication, expiry. Never the secret.</summary>
    [Cmdlet(VerbsCommon.Get, "DqcContext")]
    [OutputType(typeof(DqcContextInfo))]
    public sealed class GetDqcContext : DqcCmdlet
    {
        protected override void EndProcessing() => WriteObject(ContextInfo.From(RequireConnection()));
    }
}
