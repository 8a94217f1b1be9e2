namespace DataArtsQuality.Client
{
    /// <summary>Whether to send a request again, and after how long.</summary>
    /// <param name="Retry">Whether to send again.</param>
    /// <param name="Delay">How long to wait first.</param>
    /// <param name="Reason">Why (for the verbose line and error messages).</param>
    internal readonly record struct RetryDecision(bool Retry, TimeSpan Delay, string Reason)
    {
        public static RetryDecision Stop(string reason) => new RetryDecision(false, TimeSpan.Zero, reason);
    }
}
