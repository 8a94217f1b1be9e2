namespace Microsoft.Extensions.DependencyInjection;

/// <summary>SHIM for the Mono lane: GetRequiredService over the emulator shim's
/// <see cref="IServiceProvider"/>.</summary>
public static class ServiceProviderServiceExtensions
{
    public static T GetRequiredService<T>(this IServiceProvider provider) =>
        (T)(provider.GetService(typeof(T))
            ?? throw new InvalidOperationException("The emulator shim has no " + typeof(T).Name + "."));
}
