namespace DataArtsQuality.Client;

/// <summary>
/// Regions with a DataArts Studio endpoint in the official Python SDK 3.1.211 (docs/service-notes.md, Endpoints and
/// regions). Only for completion and messages: any region ID of the right shape is accepted, because new regions
/// appear.
/// </summary>
internal static class DqcRegions
{
    public static IReadOnlyList<string> Known { get; } = new[]
    {
        "cn-north-1",
        "cn-north-2",
        "cn-north-4",
        "cn-north-9",
        "cn-north-11",
        "cn-east-2",
        "cn-east-3",
        "cn-east-4",
        "cn-south-1",
        "cn-southwest-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "af-south-1",
        "ru-northwest-2",
        "ru-moscow-1",
        "sa-brazil-1",
        "la-south-2",
        "la-north-2",
        "na-mexico-1",
        "tr-west-1",
        "me-east-1",
        "eu-west-101",
        "ae-ad-1",
        "my-kualalumpur-1",
    };
}
