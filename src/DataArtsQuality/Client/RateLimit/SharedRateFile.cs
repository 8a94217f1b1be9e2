using System.Diagnostics;

namespace DataArtsQuality.Client.RateLimit;

/// <summary>
/// One user's rate window shared by every process of the OS user on this machine: a small file in the user's cache
/// folder, opened with <see cref="FileShare.None"/> for each change. That open is the lock: on Windows the share
/// mode itself (CreateFile), on Linux and macOS .NET's flock(LOCK_EX) on the open file. Both belong to the open
/// handle, which the OS closes when the process ends however it ends, so a process killed while holding the lock
/// leaves no lock behind; the file that stays is state, never a lock, and is read back validated
/// (<see cref="RateWindowFormat"/>). docs/architecture.md says why this and not a named mutex or shared memory.
/// Invariant: a window is read, changed and written while this process holds the file open exclusively, so no two
/// processes ever change it from the same reading.
/// </summary>
internal sealed class SharedRateFile
{
    /// <summary>Overrides the folder of the state files (tests use their own; a machine can point all users at
    /// one).</summary>
    public const string DirectoryVariable = "DQC_RATE_LIMIT_DIR";

    // Another process holds the file for tens of microseconds per change; after this long something is wrong (a
    // network share without locks, a scanner holding the file) and the request goes by this process's count alone.
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(2);

    // Reused between changes (under the limiter's lock): about 0.5 KB for 40 slots, grown for a larger count.
    private byte[] _buffer = new byte[4096];

    public SharedRateFile(string path)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    public string Path { get; }

    /// <summary>False once the folder or file turned out unusable (no permission, read-only): the process stops
    /// trying.</summary>
    public bool Usable { get; private set; } = true;

    /// <summary>The state file of the user keyed <paramref name="key"/> (endpoint and identity, no secret).</summary>
    public static SharedRateFile ForKey(string key)
    {
        string name = "v" + RateWindowFormat.Version.ToString(CultureInfo.InvariantCulture) + "-"
            + Auth.AkSkSigner.HexSha256(Encoding.UTF8.GetBytes(key)).Substring(0, 32) + ".rate";
        return new SharedRateFile(System.IO.Path.Combine(Folder(), name));
    }

    /// <summary>
    /// DQC_RATE_LIMIT_DIR, else on Windows %LOCALAPPDATA%\DataArtsQuality\RateLimit, else $XDG_CACHE_HOME or
    /// ~/.cache, then DataArtsQuality/rate-limit: per OS user, the same for every process of that user.
    /// </summary>
    public static string Folder()
    {
        string? chosen = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(chosen)) return chosen!;
        if (System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(
            System.Runtime.InteropServices.OSPlatform.Windows))
            return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData),
                "DataArtsQuality", "RateLimit");
        string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache) || !System.IO.Path.IsPathRooted(cache))
        {
            string home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(
                Environment.SpecialFolder.UserProfile);
            cache = string.IsNullOrEmpty(home) ? System.IO.Path.GetTempPath() : System.IO.Path.Combine(home, ".cache");
        }
        return System.IO.Path.Combine(cache!, "DataArtsQuality", "rate-limit");
    }

    /// <summary>
    /// Reads the window under the file lock, lets <paramref name="change"/> change it, writes it back. False (and
    /// <paramref name="result"/> default) when the lock could not be had: the caller goes by its own count.
    /// </summary>
    public bool TryUpdate<T>(TimeSpan now, Func<RateWindow, T> change, out T result)
    {
        result = default!;
        if (!Usable) return false;
        using var stream = Open();
        if (stream is null) return false;
        RateWindow window;
        try
        {
            long size = stream.Length;
            if (size > RateWindowFormat.MaxFileLength) size = 0; // not a file this module wrote: an empty window
            if (size > _buffer.Length) _buffer = new byte[size];
            int length = 0, read;
            while (length < size && (read = stream.Read(_buffer, length, (int)size - length)) > 0) length += read;
            window = RateWindowFormat.Read(_buffer, length, now);
        }
        catch (IOException)
        {
            return false;
        }
        result = change(window);
        try
        {
            byte[] bytes = RateWindowFormat.Write(window);
            stream.Position = 0;
            stream.Write(bytes, 0, bytes.Length);
            stream.SetLength(bytes.Length);
        }
        catch (IOException)
        {
            // The change was made but not kept (disk full): the others will not see this slot; this process still does.
        }
        return true;
    }

    private FileStream? Open()
    {
        var watch = Stopwatch.StartNew();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1,
                    FileOptions.None);
            }
            catch (DirectoryNotFoundException) when (attempt == 0)
            {
                if (!TryCreateFolder()) return null;
            }
            catch (UnauthorizedAccessException)
            {
                Usable = false;
                return null;
            }
            catch (IOException)
            {
                // Held by another process (a sharing violation; .NET names no portable code for it): try again soon.
                // Nobody holds it this long for a change of microseconds: the folder does not lock (a network share)
                // or fails otherwise, and waiting 2 s on every request would be worse than going by our own count.
                if (watch.Elapsed > LockTimeout)
                {
                    Usable = false;
                    return null;
                }
                if (attempt < 20) Thread.Yield();
                else Thread.Sleep(1);
            }
        }
    }

    private bool TryCreateFolder()
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            return true;
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
        {
            Usable = false;
            return false;
        }
    }
}
