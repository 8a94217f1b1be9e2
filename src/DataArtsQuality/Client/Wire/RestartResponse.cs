namespace DataArtsQuality.Client.Wire;

/// <summary>200 body of ReStartTask. instance_id is typed String; accept a number too.</summary>
internal sealed class RestartResponse
{
    [JsonPropertyName("instance_id")][JsonConverter(typeof(StringIdConverter))] public string? InstanceId { get; set; }
}
