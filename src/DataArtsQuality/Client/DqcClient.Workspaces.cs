using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Models;

namespace DataArtsQuality.Client
{
    public sealed partial class DqcClient
    {
        /// <summary>The workspaces of a DataArts Studio instance (no workspace header is sent).</summary>
        public Task<List<DqcWorkspace>> ListWorkspacesAsync(string instanceId, CancellationToken cancellationToken, int pageSize = WorkspaceApi.MaxPageSize)
            => WorkspaceApi.ListAsync(Connection.Http, Connection.Endpoint, Connection.ProjectId, instanceId, Connection.Authenticator,
                Connection.RequestTimeout, Log, cancellationToken, pageSize);
    }
}
