using System.Text.Json.Nodes;

namespace DataArtsQuality.Emulator.Gateway;

/// <summary>
/// Error bodies. Gateway errors (APIG.*) carry request_id as the real gateway does. DQC publishes no error-code
/// catalogue, so the DQC.4xxx codes below are this emulator's own invention [inf], documented in docs/emulator.md.
/// </summary>
public static class ApiErrors
{
    public const string BadBody = "DQC.4001";
    public const string BadRuleType = "DQC.4002";
    public const string BadId = "DQC.4003";
    public const string JobNotFound = "DQC.4004";
    public const string MissingWorkspace = "DQC.4010";
    public const string UnknownWorkspace = "DQC.4011";
    public const string ProjectMismatch = "DQC.4012";

    public static IResult Dqc(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error_code"] = code, ["error_msg"] = message }, statusCode: status);

    public static IResult Gateway(HttpContext context, int status, string code, string message)
    {
        string requestId = RequestId(context);
        context.Response.Headers["X-Request-Id"] = requestId;
        return Results.Json(new JsonObject { ["error_code"] = code, ["error_msg"] = message, ["request_id"] = requestId }, statusCode: status);
    }

    public static string RequestId(HttpContext context)
    {
        if (context.Items.TryGetValue("request_id", out var existing) && existing is string s) return s;
        string id = Guid.NewGuid().ToString("N");
        context.Items["request_id"] = id;
        return id;
    }
}
