// Compiler support types that .NET Framework 4.8 lacks (init accessors, required members).
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
