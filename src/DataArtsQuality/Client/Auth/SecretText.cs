using System;
using System.Runtime.InteropServices;
using System.Security;

namespace DataArtsQuality.Client.Auth
{
    /// <summary>
    /// Turns a SecureString into the plain text a header needs, for as short a time as possible. The plain copy
    /// exists only inside the request being built.
    /// </summary>
    public static class SecretText
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

        public static SecureString Protect(string plain)
        {
            var secure = new SecureString();
            foreach (char c in plain) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
