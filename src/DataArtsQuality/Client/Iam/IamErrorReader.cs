namespace DataArtsQuality.Client.Iam;

/// <summary>IAM answers some errors in Keystone's shape; turn those into a readable code and message.</summary>
internal static class IamErrorReader
{
    public static DqcApiException Improve(DqcApiException error)
    {
        if (error.ErrorCode != null || string.IsNullOrEmpty(error.ResponseBody)) return error;
        KeystoneErrorBody? body;
        try
        {
            body = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(error.ResponseBody),
                IamJsonContext.Default.KeystoneErrorBody);
        }
        catch (JsonException)
        {
            return error;
        }
        if (body?.Error?.Message is null) return error;
        string code = body.Error.Title ?? body.Error.Code.ToString();
        string message = $"{code}: {body.Error.Message} (HTTP {(int)error.StatusCode} from IAM {error.Method} {error.Path}"
            + (error.RequestId != null ? $", request ID {error.RequestId})" : ")");
        return new DqcApiException(message, error.StatusCode, code, body.Error.Message, error.RequestId, error.Method,
            error.Path, error.ResponseBody, error);
    }
}
