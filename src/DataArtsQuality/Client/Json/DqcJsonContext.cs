using System.Text.Json.Serialization;
using DataArtsQuality.Client.Wire;

namespace DataArtsQuality.Client.Json
{
    /// <summary>
    /// Source-generated serialisation for the rerun request and answer and the service's error body. The list,
    /// REST, IAM and workspace wire types have contexts of their own (DqcListJsonContext, DqcRestJsonContext,
    /// IamJsonContext, WorkspaceJsonContext). Source generation: no reflection at run time, so nothing slow at import
    /// and nothing that trimming or Windows PowerShell's older runtime could break.
    /// </summary>
    [JsonSourceGenerationOptions(
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(RestartRequest))]
    [JsonSerializable(typeof(RestartResponse))]
    [JsonSerializable(typeof(ErrorBody))]
    internal sealed partial class DqcJsonContext : JsonSerializerContext
    {
    }
}
