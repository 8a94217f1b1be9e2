using System.Text;
using System.Text.RegularExpressions;

namespace DataArtsQuality.Emulator.Gateway;

/// <summary>
/// Stands in for Huawei's API gateway and DQC's own front checks: logs every API request, refuses missing or wrong
/// credentials with the gateway's 401, and checks the project in the path and the workspace header.
/// </summary>
public sealed partial class GatewayMiddleware(RequestDelegate next, EmulatorState state)
{
    [GeneratedRegex("^/v[12]/(?<project>[^/]+)/quality(/|$)")]
    private static partial Regex QualityPath();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/_emulator"))
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        byte[] bodyBytes;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            bodyBytes = buffer.ToArray();
        }
        string body = Encoding.UTF8.GetString(bodyBytes);
        request.Body.Position = 0;
        var headers = request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var entry = state.Requests.Add(
            request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body);
        context.Response.OnStarting(() => { entry.Status = context.Response.StatusCode; return Task.CompletedTask; });

        // IAM's login itself needs no credential; everything else goes through the gateway's checks.
        bool isLogin = HttpMethods.IsPost(request.Method)
            && request.Path.Equals("/v3/auth/tokens", StringComparison.Ordinal);
        var rejection = isLogin ? null
            : GatewayAuth.Authenticate(
                context, state, context.RequestServices.GetRequiredService<IamState>(), bodyBytes);
        if (rejection is null)
        {
            var match = QualityPath().Match(request.Path.Value ?? "");
            if (match.Success) rejection = CheckTenant(context, match.Groups["project"].Value);
        }

        if (rejection is not null)
        {
            await rejection.ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsV1RuleList(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && V1RuleList().IsMatch(request.Path.Value ?? "");

    [GeneratedRegex("^/v1/[^/]+/quality/rules/?$")]
    private static partial Regex V1RuleList();

    private IResult? CheckTenant(HttpContext context, string projectId)
    {
        if (!string.Equals(projectId, state.Options.ProjectId, StringComparison.Ordinal))
        {
            return ApiErrors.Dqc(400, ApiErrors.ProjectMismatch,
                $"The project {projectId} does not match the token's project.");
        }
        string? workspace = context.Request.Headers["workspace"].FirstOrDefault();
        if (string.IsNullOrEmpty(workspace) && IsV1RuleList(context.Request))
        {
            // The API page asks for the workspace header here, but the official SDKs send none for this call (the Go
            // SDK's ListQualityTaskLists request definition has no workspace field). Serve the default workspace, as
            // DataArts does for APIs whose workspace is optional [inf: which workspace the service picks is
            // undocumented].
            workspace = state.Options.WorkspaceId;
        }
        if (string.IsNullOrEmpty(workspace))
            return ApiErrors.Dqc(400, ApiErrors.MissingWorkspace, "The workspace header is missing.");
        var tenant = state.FindTenant(workspace);
        if (tenant is null)
            return ApiErrors.Dqc(400, ApiErrors.UnknownWorkspace, $"Workspace {workspace} does not exist.");
        context.Items[typeof(Tenant)] = tenant;
        return null;
    }
}
