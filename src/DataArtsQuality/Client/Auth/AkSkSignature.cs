namespace DataArtsQuality.Client.Auth
{
    /// <summary>Everything a signature is made of, so a test (or a mismatch report) can compare each step.</summary>
    internal sealed class AkSkSignature
    {
        internal AkSkSignature(string canonicalRequest, string stringToSign, string signedHeaders, string signature, string authorization)
        {
            CanonicalRequest = canonicalRequest;
            StringToSign = stringToSign;
            SignedHeaders = signedHeaders;
            Signature = signature;
            Authorization = authorization;
        }

        public string CanonicalRequest { get; }
        public string StringToSign { get; }
        public string SignedHeaders { get; }
        public string Signature { get; }
        public string Authorization { get; }
    }
}
