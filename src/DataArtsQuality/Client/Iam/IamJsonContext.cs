namespace DataArtsQuality.Client.Iam;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IamTokenResponse))]
[JsonSerializable(typeof(IamProjectList))]
[JsonSerializable(typeof(KeystoneErrorBody))]
internal sealed partial class IamJsonContext : JsonSerializerContext
{
}
