namespace DataArtsQuality.Client
{
    /// <summary>
    /// Where the core reports what it does. The cmdlet layer turns these into Write-Verbose / Write-Debug on the
    /// pipeline thread. Secrets are redacted before anything reaches this interface.
    /// </summary>
    public interface IDqcLog
    {
        bool IsDebugEnabled { get; }

        /// <summary>False when nobody reads verbose lines: the hot path then skips formatting them.</summary>
        bool IsVerboseEnabled { get; }

        void Verbose(string message);

        void Debug(string message);
    }

    /// <summary>A log that drops everything.</summary>
    public sealed class NullDqcLog : IDqcLog
    {
        public static readonly NullDqcLog Instance = new NullDqcLog();

        public bool IsDebugEnabled => false;

        public bool IsVerboseEnabled => false;

        public void Verbose(string message) { }

        public void Debug(string message) { }
    }
}
