using System.Runtime.InteropServices;

namespace DataArtsQuality.Client.Auth;

/// <summary>
/// Turns a SecureString into the plain text a header needs, for as short a time as possible. The plain copy
/// exists only inside the request being built.
/// </summary>
internal static class SecretText
{
    public static string Reveal(SecureString secret)
    {
        IntPtr ptr = IntPtr.Zero;
        try
        {
            ptr = Marshal.SecureStringToGlobalAllocUnicode(secret);
            return Marshal.PtrToStringUni(ptr) ?? "";
        }
        finally
        {
            if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }

    /// <summary>
    /// The secret as UTF-8 bytes in a buffer the caller clears (Array.Clear) as soon as it is done, so no immutable
    /// string copy of it is left behind for the garbage collector.
    /// </summary>
    public static byte[] RevealUtf8(SecureString secret)
    {
        char[] chars = RevealChars(secret);
        try
        {
            return System.Text.Encoding.UTF8.GetBytes(chars);
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
        }
    }

    /// <summary>The secret as characters in a buffer the caller clears (Array.Clear) as soon as it is done.</summary>
    public static char[] RevealChars(SecureString secret)
    {
        IntPtr ptr = IntPtr.Zero;
        var chars = new char[secret.Length];
        try
        {
            ptr = Marshal.SecureStringToGlobalAllocUnicode(secret);
            Marshal.Copy(ptr, chars, 0, chars.Length);
            return chars;
        }
        finally
        {
            if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }

    public static SecureString Protect(string plain)
    {
        var secure = new SecureString();
        foreach (char c in plain) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
