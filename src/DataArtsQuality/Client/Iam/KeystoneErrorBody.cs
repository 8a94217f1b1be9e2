namespace DataArtsQuality.Client.Iam;

/// <summary>Keystone's error shape, which IAM uses besides error_code/error_msg:
/// {"error":{"code","message","title"}}.</summary>
internal sealed class KeystoneErrorBody
{
    [JsonPropertyName("error")] public KeystoneError? Error { get; set; }
}
