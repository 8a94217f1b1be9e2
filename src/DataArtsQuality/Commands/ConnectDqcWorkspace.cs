using System.Management.Automation;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Client.Iam;
using DataArtsQuality.Completers;

using DataArtsQuality.Session;
using DataArtsQuality.Commands.Reporting;

namespace DataArtsQuality.Commands;

/// <summary>
/// Connects the session to one DataArts Studio workspace with an IAM token, an IAM user's password, an access
/// key/secret key (optionally temporary, with a security token) or, with no credential parameter, the official
/// SDK's environment variables. Later cmdlets use the connection; -Name keeps several side by side.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "DqcWorkspace", DefaultParameterSetName = EnvironmentSet)]
[OutputType(typeof(DqcContextInfo))]
public sealed class ConnectDqcWorkspace : PSCmdlet, IDisposable
{
    private readonly PipelinePump _pump;

    public ConnectDqcWorkspace()
    {
        _pump = new PipelinePump(this);
    }

    private const string EnvironmentSet = "Environment";
    private const string TokenSet = "Token";
    private const string PasswordSet = "Password";
    private const string AkSkSet = "AkSk";

    /// <summary>The DQC endpoint, e.g. https://dayu.ap-southeast-1.myhuaweicloud.com. Wins over -Region for DQC
    /// calls.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Endpoint { get; set; }

    /// <summary>The region ID: the endpoint becomes https://dayu.{region}.myhuaweicloud.com, IAM iam.{region}..., and
    /// the project is looked up by this name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    /// <summary>The IAM endpoint for logins and project lookup; default from HUAWEICLOUD_SDK_IAM_ENDPOINT or the
    /// region.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? IamEndpoint { get; set; }

    /// <summary>The project ID. Without it, it is looked up in IAM by the region name.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? ProjectId { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? WorkspaceId { get; set; }

    /// <summary>A workspace name, resolved to its ID through the instance's workspace list (needs
    /// -InstanceId).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? WorkspaceName { get; set; }

    /// <summary>The DataArts Studio instance whose workspaces -WorkspaceName is looked up in.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? InstanceId { get; set; }

    /// <summary>A project-scoped IAM token (the X-Subject-Token of an IAM login).</summary>
    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString? Token { get; set; }

    /// <summary>An IAM user's name and password. Kept in memory only, to renew the token before it expires.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The account (domain) name the IAM user belongs to.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
    [ValidateNotNullOrEmpty]
    [Alias("AccountName")]
    public string? DomainName { get; set; }

    /// <summary>The access key ID (AK).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AkSkSet)]
    [ValidateNotNullOrEmpty]
    [Alias("AK")]
    public string? AccessKey { get; set; }

    /// <summary>The secret access key (SK).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AkSkSet)]
    [SecureStringTransformation]
    [ValidateNotNull]
    [Alias("SK")]
    public SecureString? SecretKey { get; set; }

    /// <summary>The security token of temporary credentials; sent (and signed) as X-Security-Token.</summary>
    [Parameter(ParameterSetName = AkSkSet)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString? SecurityToken { get; set; }

    /// <summary>The connection's name. Connecting again under a name replaces that connection.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = DqcConnectionNames.Default;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// Connect without the check call (offline preparation). By default Connect-DqcWorkspace lists the first quality
    /// job of the workspace (one request, limit 1), so a wrong credential or workspace fails here.
    /// </summary>
    [Parameter]
    public SwitchParameter SkipCheck { get; set; }

    /// <summary>Accept any TLS certificate (test systems only); a warning says so.</summary>
    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    /// <summary>Allow credentials over plain http to a host other than this machine.</summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedAuthentication { get; set; }

    /// <summary>A proxy for every request of this connection; otherwise HTTPS_PROXY/NO_PROXY, else the system
    /// proxy.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    protected override void BeginProcessing() => _pump.Begin();

    protected override void StopProcessing() => _pump.Stop();

    /// <summary>Frees the pump's handles once its requests are done (PowerShell calls it when the pipeline is
    /// done).</summary>
    public void Dispose() => _pump.Dispose();

    protected override void EndProcessing()
    {
        var request = new DqcConnectRequest
        {
            Name = Name.Trim(),
            Endpoint = Endpoint,
            Region = Region,
            IamEndpoint = IamEndpoint,
            ProjectId = ProjectId,
            WorkspaceId = MyInvocation.BoundParameters.ContainsKey(nameof(WorkspaceId)) ? WorkspaceId ?? "" : null,
            WorkspaceName = WorkspaceName,
            InstanceId = InstanceId,
            Token = Token,
            UserName = Credential?.UserName,
            Password = Credential?.Password,
            DomainName = DomainName,
            AccessKey = AccessKey,
            SecretKey = SecretKey,
            SecurityToken = SecurityToken,
            Settings = DqcConfigState.Current,
            SkipCertificateCheck = SkipCertificateCheck,
            AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
        };
        if (Endpoint == null && Region == null)
        {
            Fail(new ArgumentException("Give an endpoint (-Endpoint https://dayu.<region>.myhuaweicloud.com) or a region (-Region ap-southeast-1)."),
                "DqcInvalidConnectionParameter", ErrorCategory.InvalidArgument);
            return;
        }

        DqcConnection connection;
        try
        {
            connection = _pump.Run(ct => DqcConnector.ConnectAsync(request, _pump, ct));
        }
        catch (ArgumentException ex)
        {
            Fail(ex, "DqcInvalidConnectionParameter", ErrorCategory.InvalidArgument);
            return;
        }
        catch (DqcException ex)
        {
            ThrowTerminatingError(DqcCmdlet.ToErrorRecord(ex, "Cannot connect", null));
            return;
        }

        if (!SkipCheck && connection.WorkspaceId.Length > 0)
            Check(connection);

        foreach (string problem in DqcConfigState.EnvironmentProblems) WriteWarning(problem);
        if (SkipCertificateCheck)
            WriteWarning($"Certificate checks are off for {connection.Endpoint}: any server can pretend to be it and read the credential. Use -SkipCertificateCheck only on test systems.");
        DqcSessionState.Set(connection);
        string workspace = connection.WorkspaceId.Length > 0 ? $"workspace {connection.WorkspaceId}" : "no workspace";
        WriteVerbose($"Connected '{connection.Name}' to {workspace} of project {connection.ProjectId} at {connection.Endpoint} ({connection.Authenticator.Kind} authentication).");
        if (PassThru) WriteObject(ContextInfo.From(connection));
    }

    /// <summary>
    /// One cheap DQC call (the first quality job, limit 1) through the new connection, counted by its rate limiter
    /// like any other: a refused credential or an unknown workspace stops the connect with the service's code and
    /// what to do about it, instead of at the runbook's first real call.
    /// </summary>
    private void Check(DqcConnection connection)
    {
        var client = new DqcClient(connection, _pump);
        try
        {
            _pump.Run(
                ct => client.ListJobsPageAsync(DqcRuleType.Quality, Array.Empty<KeyValuePair<string, string>>(), 0, 1,
                    ct));
            WriteVerbose($"Checked the connection: workspace {connection.WorkspaceId} answers.");
        }
        catch (DqcException ex)
        {
            connection.Dispose();
            ThrowTerminatingError(CheckFailure(ex, connection));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private ErrorRecord CheckFailure(DqcException ex, DqcConnection connection)
    {
        const string skip = " To prepare the connection without this check, add -SkipCheck.";
        var record = DqcCmdlet.ToErrorRecord(ex, "Cannot connect", null);
        string? action = null;
        string errorId = record.FullyQualifiedErrorId;
        var category = record.CategoryInfo.Category;
        string message = record.ErrorDetails.Message;
        if (ex is DqcApiException api)
        {
            switch ((int)api.StatusCode)
            {
                case 401:
                    message = $"Cannot connect: the credentials were refused ({api.Message}).";
                    action = connection.Authenticator.Kind switch
                    {
                        DqcAuthenticationKind.Token => "Get a new token (tokens expire after 24 hours) and check it is scoped to project " + connection.ProjectId + ".",
                        DqcAuthenticationKind.AkSk or DqcAuthenticationKind.TemporaryAkSk or DqcAuthenticationKind.Environment
                            => "Check the access key and the secret key (and, for temporary keys, the security token and its expiry).",
                        _ => "Check the user name, password and account (domain) name.",
                    } + skip;
                    break;
                case 403:
                    message = $"Cannot connect: the credentials may not use DataArts Quality in project {connection.ProjectId} ({api.Message}).";
                    action = "Grant the user DataArts Studio permissions for the project (IAM), or use another credential." + skip;
                    break;
                case 400:
                case 404:
                    errorId = "DqcWorkspaceNotFound";
                    category = ErrorCategory.ObjectNotFound;
                    message = $"Cannot connect: the service refused workspace {connection.WorkspaceId} ({api.Message}).";
                    action = "Check -WorkspaceId: Get-DqcWorkspace -InstanceId <DataArts instance ID> lists the workspaces." + skip;
                    break;
            }
        }
        action ??= record.ErrorDetails.RecommendedAction ?? "Check the endpoint and the network." + skip;
        return ErrorRecords.Create(ex, errorId, category, connection.WorkspaceId, message, action);
    }

    private void Fail(Exception ex, string errorId, ErrorCategory category)
    {
        ThrowTerminatingError(ErrorRecords.Create(ex, errorId, category, null,
            "Cannot connect: " + ex.Message.Split(new[] { "\r\n", "\n" }, StringSplitOptions.None)[0]));
    }
}
