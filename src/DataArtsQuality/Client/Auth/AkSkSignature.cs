namespace DataArtsQuality.Client.Auth
{
    /// <summary>Everything a signature is made of, so a test (or a mismatch report) can compare each step.</summary>
    internal sealed record AkSkSignature(string CanonicalRequest, string StringToSign, string SignedHeaders, string Signature, string Authorization);
}
