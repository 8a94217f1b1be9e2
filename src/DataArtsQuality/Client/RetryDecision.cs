namespace DataArtsQuality.Client
{
    /// <summary>Whether to send a request again, and after how long.</summary>
    internal readonly struct RetryDecision
    {
        public RetryDecision(bool retry, TimeSpan delay, string reason)
        {
            Retry = retry;
            Delay = delay;
            Reason = reason;
        }

        public bool Retry { get; }

        public TimeSpan Delay { get; }

        /// <summary>Why (for the verbose line and error messages).</summary>
        public string Reason { get; }

        public static RetryDecision Stop(string reason) => new RetryDecision(false, TimeSpan.Zero, reason);
    }
}
