namespace DataArtsQuality.Client.Auth;

/// <summary>Everything a signature is made of, so a test (or a mismatch report) can compare each step.</summary>
internal sealed record AkSkSignature(string CanonicalRequest, string StringToSign, string SignedHeaders,
    string Signature, string Authorization)
{
    /// <summary>
    /// Names the signed headers only: a record would print every member, and the signature (in Authorization too)
    /// can be replayed while the request's X-Sdk-Date is fresh, so it must not reach a log line by accident.
    /// </summary>
    public override string ToString() => $"AkSkSignature {{ SignedHeaders = {SignedHeaders} }}";
}
