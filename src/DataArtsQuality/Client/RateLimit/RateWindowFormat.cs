namespace DataArtsQuality.Client.RateLimit;

/// <summary>
/// The state file's bytes, version 1: "DQCRATE" and a version byte, the payload's length, the payload, and an FNV-1a
/// 64-bit hash of the payload. Payload, little-endian: the pause (ticks), Keep, the adaptive rate (state, start, share,
/// decreased-at, refusals, last refusal) and the slots (count, then ticks, ascending). Anything that does not read back
/// exactly so (another version, a torn or foreign file, a hash that does not match, slots out of order or too far in
/// the future) is an empty window: the worst a bad file can do is let one window's worth of requests through, which the
/// gateway's 429 and the adaptive rate then catch. The version is also in the file name (<see cref="SharedRateFile"/>),
/// so a module with another format never reads or writes this one.
/// </summary>
internal static class RateWindowFormat
{
    public const byte Version = 1;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("DQCRATE");
    private const int HeaderLength = 7 + 1 + 4;
    private const int MaxSlots = 2 * 100000 + 64;

    /// <summary>The longest file a window of the largest count can make.</summary>
    public const int MaxFileLength = HeaderLength + 56 + 8 * MaxSlots + 8;

    public static byte[] Write(RateWindow window)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(window.NotBefore.Ticks);
            w.Write(window.Keep);
            w.Write((int)window.Rate.State);
            w.Write(window.Rate.Start);
            w.Write(window.Rate.Share);
            w.Write(window.Rate.DecreasedAt.Ticks);
            w.Write(window.Rate.Refusals);
            w.Write(window.Rate.LastRefusalAt.Ticks);
            w.Write(window.Slots.Count);
            foreach (var slot in window.Slots) w.Write(slot.Ticks);
        }
        byte[] body = payload.ToArray();
        var file = new byte[HeaderLength + body.Length + 8];
        Buffer.BlockCopy(Magic, 0, file, 0, Magic.Length);
        file[7] = Version;
        BitConverter.GetBytes(body.Length).CopyTo(file, 8);
        Buffer.BlockCopy(body, 0, file, HeaderLength, body.Length);
        BitConverter.GetBytes(Fnv1a(body, 0, body.Length)).CopyTo(file, HeaderLength + body.Length);
        return file;
    }

    /// <summary>The window in <paramref name="bytes"/>, or an empty one when they are not a valid version-1
    /// file.</summary>
    public static RateWindow Read(byte[] bytes, int length, TimeSpan now)
    {
        try
        {
            return TryRead(bytes, length, now) ?? new RateWindow();
        }
        catch (Exception ex) when (ex is EndOfStreamException || ex is ArgumentException || ex is IOException)
        {
            return new RateWindow();
        }
    }

    private static RateWindow? TryRead(byte[] bytes, int length, TimeSpan now)
    {
        if (length < HeaderLength + 8) return null;
        for (int i = 0; i < Magic.Length; i++) if (bytes[i] != Magic[i]) return null;
        if (bytes[7] != Version) return null;
        int bodyLength = BitConverter.ToInt32(bytes, 8);
        if (bodyLength < 0 || bodyLength != length - HeaderLength - 8) return null;
        if (BitConverter.ToUInt64(bytes, HeaderLength + bodyLength) != Fnv1a(bytes, HeaderLength, bodyLength))
            return null;
        using var r = new BinaryReader(new MemoryStream(bytes, HeaderLength, bodyLength), Encoding.UTF8);
        // A slot or pause more than a day ahead is not one this module made (the longest wait it allows is a day).
        var horizon = now + TimeSpan.FromDays(1);
        var notBefore = new TimeSpan(r.ReadInt64());
        int keep = r.ReadInt32();
        var state = (AdaptiveRateState)r.ReadInt32();
        double start = r.ReadDouble(), share = r.ReadDouble();
        var decreasedAt = new TimeSpan(r.ReadInt64());
        int refusals = r.ReadInt32();
        var lastRefusalAt = new TimeSpan(r.ReadInt64());
        int count = r.ReadInt32();
        if (keep < 0 || keep > 100000 || count < 0 || count > MaxSlots || notBefore > horizon || decreasedAt > horizon)
            return null;
        if (bodyLength != 56 + 8 * count || lastRefusalAt > horizon) return null;
        var slots = new List<TimeSpan>(count);
        for (int i = 0; i < count; i++)
        {
            var slot = new TimeSpan(r.ReadInt64());
            if (slot > horizon || (i > 0 && slot < slots[i - 1])) return null;
            slots.Add(slot);
        }
        return new RateWindow(slots, notBefore, keep,
            AdaptiveRate.Restore(state, start, share, decreasedAt, refusals, lastRefusalAt));
    }

    private static ulong Fnv1a(byte[] data, int offset, int length)
    {
        ulong hash = 14695981039346656037UL;
        for (int i = offset; i < offset + length; i++)
        {
            hash ^= data[i];
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
