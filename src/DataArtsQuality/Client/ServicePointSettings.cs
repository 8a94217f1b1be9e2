using System.Runtime.InteropServices;

namespace DataArtsQuality.Client;

/// <summary>
/// Windows PowerShell 5.1 runs on .NET Framework, where HttpClientHandler goes through ServicePointManager: TLS
/// versions, connections per host (2 by default) and Expect: 100-continue come from there, not from the handler.
/// <see cref="Apply"/> sets the process-wide ones once and an endpoint's service point on each connection to it; the
/// decisions are pure functions so they are tested on .NET, where none of this has an effect (SocketsHttpHandler
/// ignores ServicePointManager).
/// </summary>
internal static class ServicePointSettings
{
    // The numeric values, since Tls12/Tls13 are missing from older framework enums.
    internal const SecurityProtocolType Tls10 = (SecurityProtocolType)192;
    internal const SecurityProtocolType Tls11 = (SecurityProtocolType)768;
    internal const SecurityProtocolType Tls12 = (SecurityProtocolType)3072;
    internal const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;

    /// <summary>The most requests one cmdlet keeps in flight (Restart-DqcJob -ThrottleLimit's upper bound).</summary>
    internal const int MaxParallelRequests = 64;

    /// <summary>Windows 11 / Server 2022 (build 20348) is the first Windows whose SChannel offers TLS 1.3 by
    /// default.</summary>
    private static readonly Version FirstWindowsWithTls13 = new Version(10, 0, 20348);

    /// <summary>Windows 8.1 / Server 2012 R2: the first whose SChannel client offers TLS 1.2 by default.</summary>
    private static readonly Version FirstWindowsWithTls12ByDefault = new Version(6, 3);

    private static readonly object Gate = new object();

    /// <summary>
    /// Where the service point settings are applied: .NET Framework, whose HttpClientHandler runs over HttpWebRequest
    /// and ServicePointManager, and Mono. Mono 6.8's default HttpClientHandler is its SocketsHttpHandler port, which
    /// ignores them, but its HttpWebRequest stack reads them as .NET Framework's does, and Mono is what the Mono test
    /// lane runs: without it there, this code path was never exercised by anything.
    /// </summary>
    internal static bool IsNetFramework(string frameworkDescription) =>
        frameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase)
        || frameworkDescription.StartsWith("Mono ", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The protocols to set, given what the process allows now and the Windows version (null elsewhere). Only ever
    /// adds: TLS 1.2 always, TLS 1.3 where the OS has it. SystemDefault (0: the OS decides) is kept, except on
    /// Windows before 8.1, whose default stops at TLS 1.0 and which has no TLS 1.3 to lose by pinning 1.0-1.2.
    /// </summary>
    internal static SecurityProtocolType SecurityProtocols(SecurityProtocolType current, Version? windowsVersion)
    {
        if (current == 0)
            return windowsVersion != null && windowsVersion < FirstWindowsWithTls12ByDefault ? Tls10 | Tls11 | Tls12 : current;
        var wanted = current | Tls12;
        if (windowsVersion != null && windowsVersion >= FirstWindowsWithTls13) wanted |= Tls13;
        return wanted;
    }

    /// <summary>Never lowers a limit the host raised.</summary>
    internal static int ConnectionLimit(int current, int wanted) => Math.Max(current, wanted);

    private static bool _applied;

    /// <summary>
    /// On .NET Framework: the process-wide TLS protocols and default connection limit (once), and for
    /// <paramref name="endpoint"/>'s service point a connection limit of at least <see cref="MaxParallelRequests"/>
    /// and no Expect: 100-continue. Does nothing elsewhere.
    /// </summary>
    internal static void Apply(Uri? endpoint)
    {
        if (!IsNetFramework(RuntimeInformation.FrameworkDescription)) return;
        lock (Gate)
        {
            if (!_applied)
            {
                _applied = true;
                SetProtocols();
                ServicePointManager.DefaultConnectionLimit = ConnectionLimit(ServicePointManager.DefaultConnectionLimit,
                    MaxParallelRequests);
            }
            if (endpoint != null && endpoint.IsAbsoluteUri)
            {
                var point = ServicePointManager.FindServicePoint(endpoint);
                point.ConnectionLimit = ConnectionLimit(point.ConnectionLimit, MaxParallelRequests);
                point.Expect100Continue = false;
            }
        }
    }

    private static void SetProtocols()
    {
        Version? windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? Environment.OSVersion.Version : null;
        var current = ServicePointManager.SecurityProtocol;
        var wanted = SecurityProtocols(current, windows);
        if (wanted == current) return;
        try
        {
            ServicePointManager.SecurityProtocol = wanted;
        }
        catch (Exception ex) when (ex is NotSupportedException || ex is ArgumentException)
        {
            // A framework older than 4.8 refuses the TLS 1.3 value: settle for TLS 1.2.
            try { ServicePointManager.SecurityProtocol = wanted & ~Tls13; }
            catch (Exception inner) when (inner is NotSupportedException || inner is ArgumentException) { }
        }
    }
}
