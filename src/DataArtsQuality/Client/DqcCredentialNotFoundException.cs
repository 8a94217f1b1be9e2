namespace DataArtsQuality.Client;

/// <summary>No credential was given and the environment has none.</summary>
public sealed class DqcCredentialNotFoundException : DqcException
{
    public DqcCredentialNotFoundException(string message) : base(message) { }

    public override string ErrorId => "DqcCredentialNotFound";

    public override DqcErrorCategory Category => DqcErrorCategory.AuthenticationError;
}
