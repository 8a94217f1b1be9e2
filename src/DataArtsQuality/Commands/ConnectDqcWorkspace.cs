using System;
using System.Management.Automation;
using System.Security;
using DataArtsQuality.Client;
using DataArtsQuality.Client.Auth;
using DataArtsQuality.Models;
using DataArtsQuality.Session;

namespace DataArtsQuality.Commands
{
    /// <summary>Connects the session to one DataArts Studio workspace; later cmdlets use this connection.</summary>
    [Cmdlet(VerbsCommunications.Connect, "DqcWorkspace", DefaultParameterSetName = TokenSet)]
    [OutputType(typeof(DqcContextInfo))]
    public sealed class ConnectDqcWorkspace : DqcCmdlet
    {
        private const string TokenSet = "Token";

        /// <summary>The DQC endpoint, e.g. https://dayu.ap-southeast-1.myhuaweicloud.com. Use instead of -Region.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Endpoint { get; set; }

        /// <summary>The region ID; the endpoint becomes https://dayu.{region}.myhuaweicloud.com.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        [Parameter(Mandatory = true)]
        [AllowEmptyString]
        public string ProjectId { get; set; } = "";

        [Parameter(Mandatory = true)]
        [AllowEmptyString]
        public string WorkspaceId { get; set; } = "";

        /// <summary>A project-scoped IAM token (the X-Subject-Token of an IAM login).</summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Accept any TLS certificate (test systems only); a warning says so.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Allow credentials over plain http to a host other than this machine.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>A proxy for every request of this connection; otherwise HTTPS_PROXY/NO_PROXY, else the system proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ProxyCredential { get; set; }

        protected override void EndProcessing()
        {
            IDqcAuthenticator authenticator;
            DqcConnection connection;
            try
            {
                authenticator = new TokenAuthenticator(Token!);
                connection = new DqcConnection(new DqcConnectionOptions
                {
                    Endpoint = Endpoint,
                    Region = Region,
                    ProjectId = ProjectId,
                    WorkspaceId = WorkspaceId,
                    Settings = DqcConfigState.Current,
                    SkipCertificateCheck = SkipCertificateCheck,
                    AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
                    Proxy = Proxy,
                    ProxyCredential = ProxyCredential?.GetNetworkCredential(),
                }, authenticator);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "DqcInvalidConnectionParameter", ErrorCategory.InvalidArgument, null)
                {
                    ErrorDetails = new ErrorDetails("Cannot connect: " + ex.Message.Split(new[] { "\r\n", "\n" }, StringSplitOptions.None)[0]),
                });
                return;
            }

            foreach (string problem in DqcConfigState.EnvironmentProblems) WriteWarning(problem);
            if (SkipCertificateCheck)
                WriteWarning($"Certificate checks are off for {connection.Endpoint}: any server can pretend to be it and read the credential. Use -SkipCertificateCheck only on test systems.");
            DqcSessionState.Set(connection);
            WriteVerbose($"Connected to workspace {connection.WorkspaceId} of project {connection.ProjectId} at {connection.Endpoint} ({authenticator.Kind} authentication).");
            if (PassThru) WriteObject(ContextInfo.From(connection));
        }
    }
}
