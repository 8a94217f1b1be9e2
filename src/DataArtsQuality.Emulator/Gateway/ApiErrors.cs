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
    /// <summary>A bad query parameter of a job or instance list.</summary>
    public const string BadQuery = "DQC.4005";
    /// <summary>No instance with that ID, when reading its results.</summary>
    public const string InstanceNotFound = "DQC.4006";
    public const string MissingWorkspace = "DQC.4010";
    public const string UnknownWorkspace = "DQC.4011";
    public const string ProjectMismatch = "DQC.4012";
    /// <summary>A bad limit or offset on the catalog, template and report lists.</summary>
    public const string BadPaging = "DQC.4020";
    /// <summary>No template, instance, sub-rule instance, directory or resource task with that ID.</summary>
    public const string NotFound = "DQC.4021";
    /// <summary>A missing or invalid field or query parameter.</summary>
    public const string BadField = "DQC.4022";
    public const string DuplicateName = "DQC.4023";
    public const string SystemTemplate = "DQC.4024";
    public const string NotStoppable = "DQC.4060";

    public static IResult Dqc(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error_code"] = code, ["error_msg"] = message }, statusCode: status);

    public static IResult NotAnObject() => Dqc(400, BadBody, "The request body is not a JSON object.");

    /// <summary>[inf] the docs list no 404 for DQC; a missing job is a 400 with an error body.</summary>
    public static IResult NoSuchJob(JobKind kind, object id) =>
        Dqc(400, JobNotFound, $"The {kind.Noun()} {id} does not exist.");

    public static IResult NoSuch(string what, object? id) => Dqc(400, NotFound, $"The {what} {id} does not exist.");

    public static IResult InvalidField(string message) => Dqc(400, BadField, message);

    public static IResult Gateway(HttpContext context, int status, string code, string message)
    {
        string requestId = RequestId(context);
        context.Response.Headers["X-Request-Id"] = requestId;
        return Results.Json(
            new JsonObject { ["error_code"] = code, ["error_msg"] = message, ["request_id"] = requestId },
            statusCode: status);
    }

    public static string RequestId(HttpContext context)
    {
        if (context.Items.TryGetValue("request_id", out var existing) && existing is string s) return s;
        string id = Guid.NewGuid().ToString("N");
        context.Items["request_id"] = id;
        return id;
    }
}
