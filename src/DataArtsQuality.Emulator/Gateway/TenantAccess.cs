namespace DataArtsQuality.Emulator.Gateway;

/// <summary>The tenant the gateway resolved, for the endpoints behind it.</summary>
public static class TenantAccess
{
    /// <summary>The tenant the gateway resolved from the workspace header.</summary>
    public static Tenant Tenant(this HttpContext context) => (Tenant)context.Items[typeof(Tenant)]!;
}
