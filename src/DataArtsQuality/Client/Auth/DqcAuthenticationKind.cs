namespace DataArtsQuality.Client.Auth;

/// <summary>How a connection authenticates; its name is what Get-DqcContext shows as AuthenticationType.</summary>
internal enum DqcAuthenticationKind
{
    /// <summary>A project-scoped IAM token given as it is (-Token).</summary>
    Token,

    /// <summary>An IAM user's password, logged in with and renewed before the token expires (-Credential).</summary>
    Password,

    /// <summary>A permanent access key and secret key (-AccessKey/-SecretKey).</summary>
    AkSk,

    /// <summary>Temporary keys with a security token (-SecurityToken).</summary>
    TemporaryAkSk,

    /// <summary>Keys from the official SDK's environment variables (no credential parameter).</summary>
    Environment,
}
