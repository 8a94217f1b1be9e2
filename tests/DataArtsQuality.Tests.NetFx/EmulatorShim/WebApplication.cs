using DataArtsQuality.Emulator.State;
using DataArtsQuality.Tests;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// SHIM for the Mono lane: the running emulator as the shared tests hold it; its Services answer the two state views
/// the tests read (<see cref="EmulatorState"/>, <see cref="IamState"/>) over the control endpoints.
/// </summary>
public sealed class WebApplication : IServiceProvider
{
    private readonly EmulatorProcess _process;

    internal WebApplication(EmulatorProcess process) => _process = process;

    public IServiceProvider Services => this;

    public object? GetService(Type serviceType) =>
        serviceType == typeof(EmulatorState) ? new EmulatorState(_process)
        : serviceType == typeof(IamState) ? new IamState(_process)
        : null;

    public Task DisposeAsync()
    {
        _process.Dispose();
        return Task.CompletedTask;
    }
}
