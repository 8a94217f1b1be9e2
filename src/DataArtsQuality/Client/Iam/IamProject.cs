namespace DataArtsQuality.Client.Iam;

internal sealed class IamProject
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}
