namespace DataArtsQuality.Emulator;

/// <summary>The seeded tenant. IDs have the documented shapes: 32-hex project and workspace IDs.</summary>
public static class EmulatorDefaults
{
    public const string ProjectId = "0833a5737480d53b2f25c010dc1a7b88";
    public const string WorkspaceId = "1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f";
    public const string Token = "MIIEmulatorToken-not-a-real-secret";

    // Seeded credentials of the emulator's IAM and gateway. Fake values, published in /_emulator/auth for tests.
    public const string Region = "ap-southeast-1";
    public const string DomainName = "emulator-account";
    public const string DomainId = "d4e5f60718293a4b5c6d7e8f90a1b2c3";
    public const string UserName = "dqc-runner";
    public const string Password = "Emulator-Passw0rd!not-real";
    public const string AccessKey = "EMULATORAK0000000001";
    public const string SecretKey = "EmulatorSecretKey0123456789notReal0123456";
    public const string TemporaryAccessKey = "EMULATORTMPAK0000002";
    public const string TemporarySecretKey = "EmulatorTemporarySecret0123456789notReal9";
    public const string SecurityToken = "gQpFakeSecurityToken-emulator-0123456789abcdefghijklmnopqrstuvwxyz==";
    /// <summary>The DataArts Studio instance whose workspaces the Management Center list returns.</summary>
    public const string InstanceId = "a7bdca22f2f5430ab2cd3d2dbe2c3a22";
}
