namespace DataArtsQuality.Emulator.Endpoints;

/// <summary>
/// A small IAM (docs/service-notes.md, IAM password tokens; IAM project lookup) on the same port: password tokens with
/// a configurable lifetime, projects by name. Plus /_emulator/auth (the seeded credentials, for tests) and
/// /_emulator/iam/expire-tokens (make every issued token expire now).
/// </summary>
public static class IamEndpoints
{
    public static void MapIamEndpoints(this IEndpointRouteBuilder app, IamState iam)
    {
        // KeystoneCreateUserTokenByPassword: 201, token in X-Subject-Token, expires_at in the body. The lambda names
        // its return type so that it is a route handler whose IResult is sent, not a RequestDelegate that drops it.
        app.MapPost("/v3/auth/tokens", Task<IResult> (HttpContext context) => CreateTokenByPassword(context, iam));

        // KeystoneListProjects: the gateway already checked the credential.
        app.MapGet("/v3/projects", (string? name) => ListProjects(iam, name));

        app.MapGet("/_emulator/auth", () => Results.Json(SeededCredentials(iam)));

        app.MapPost("/_emulator/iam/expire-tokens", () =>
        {
            iam.ExpireAll();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> CreateTokenByPassword(HttpContext context, IamState iam)
    {
        var auth = JsonRead.Object(await context.ReadBodyAsync())?["auth"] as JsonObject;
        var identity = auth?["identity"] as JsonObject;
        var methods = identity?["methods"] as JsonArray;
        var user = identity?["password"]?["user"] as JsonObject;
        if (auth is null || methods is null || !methods.Any(m => m?.GetValue<string>() == "password") || user is null)
            return Keystone(400, "Bad Request", "The request body is not a password authentication request.");

        string? name = JsonRead.String(user["name"]);
        string? password = JsonRead.String(user["password"]);
        string? domain = JsonRead.String(user["domain"]?["name"]);
        // [inf] IAM's wording for a failed login; it does not say which part was wrong.
        if (!iam.CheckPassword(name, password, domain))
            return Keystone(401, "Unauthorized", "The username or password is wrong.");

        var scope = auth["scope"]?["project"] as JsonObject;
        string? projectId = JsonRead.String(scope?["id"]);
        string? projectName = JsonRead.String(scope?["name"]);
        var project = iam.Projects.FirstOrDefault(p =>
            (projectId != null && p.Id == projectId)
            || (projectId == null && projectName != null && p.Name == projectName));
        if (project.Id is null)
        {
            return Keystone(400, "Bad Request",
                "The project in the scope does not exist or the user cannot access it."); // [inf]
        }

        var token = iam.Issue(project.Id, name ?? "");
        context.Response.Headers["X-Subject-Token"] = token.Value;
        var body = new JsonObject { ["token"] = TokenBody(token, project.Id, project.Name, name) };
        if (!context.Request.Query.ContainsKey("nocatalog")) ((JsonObject)body["token"]!)["catalog"] = new JsonArray();
        return Results.Json(body, statusCode: 201);
    }

    /// <summary>The "token" object of a password token's answer, without the catalog.</summary>
    private static JsonObject TokenBody(IssuedToken token, string projectId, string projectName, string? userName) =>
        new()
        {
            ["expires_at"] = IamState.Iso(token.ExpiresAt),
            ["issued_at"] = IamState.Iso(token.IssuedAt),
            ["methods"] = new JsonArray("password"),
            ["project"] = new JsonObject
            {
                ["id"] = projectId,
                ["name"] = projectName,
                ["domain"] = new JsonObject
                {
                    ["id"] = EmulatorDefaults.DomainId, ["name"] = EmulatorDefaults.DomainName,
                },
            },
            ["roles"] = new JsonArray(new JsonObject { ["id"] = "0", ["name"] = "op_service" }),
            ["user"] = new JsonObject
            {
                ["id"] = "e1f2a3b4c5d6e7f8091a2b3c4d5e6f70",
                ["name"] = userName,
                ["password_expires_at"] = "",
                ["domain"] = new JsonObject
                {
                    ["id"] = EmulatorDefaults.DomainId, ["name"] = EmulatorDefaults.DomainName,
                },
            },
        };

    private static IResult ListProjects(IamState iam, string? name)
    {
        var list = new JsonArray();
        foreach (var p in iam.Projects.Where(p => name is null || p.Name == name))
        {
            list.Add(new JsonObject
            {
                ["id"] = p.Id,
                ["name"] = p.Name,
                ["domain_id"] = EmulatorDefaults.DomainId,
                ["parent_id"] = EmulatorDefaults.DomainId,
                ["is_domain"] = false,
                ["enabled"] = true,
                ["description"] = "",
            });
        }
        var links = new JsonObject { ["self"] = "/v3/projects", ["previous"] = null, ["next"] = null };
        return Results.Json(new JsonObject { ["projects"] = list, ["links"] = links });
    }

    private static JsonObject SeededCredentials(IamState iam) => new()
    {
        ["region"] = iam.Options.Region,
        ["domain_name"] = EmulatorDefaults.DomainName,
        ["user_name"] = EmulatorDefaults.UserName,
        ["password"] = EmulatorDefaults.Password,
        ["access_key"] = EmulatorDefaults.AccessKey,
        ["secret_key"] = EmulatorDefaults.SecretKey,
        ["temporary_access_key"] = EmulatorDefaults.TemporaryAccessKey,
        ["temporary_secret_key"] = EmulatorDefaults.TemporarySecretKey,
        ["security_token"] = EmulatorDefaults.SecurityToken,
        ["instance_id"] = EmulatorDefaults.InstanceId,
        ["token_lifetime_sec"] = iam.Options.TokenLifetimeSeconds,
        ["clock_skew_sec"] = iam.Options.ClockSkewSeconds,
        ["tokens_issued"] = iam.TokensIssued,
    };

    /// <summary>[inf] IAM answers errors in Keystone's shape.</summary>
    private static IResult Keystone(int status, string title, string message)
    {
        var error = new JsonObject { ["code"] = status, ["message"] = message, ["title"] = title };
        return Results.Json(new JsonObject { ["error"] = error }, statusCode: status);
    }
}
