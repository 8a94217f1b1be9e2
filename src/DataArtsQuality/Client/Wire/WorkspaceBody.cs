namespace DataArtsQuality.Client.Wire;

internal sealed class WorkspaceBody
{
    [JsonPropertyName("id")][JsonConverter(typeof(StringIdConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }

    /// <summary>0 private, 1 default, 2 public.</summary>
    [JsonPropertyName("is_default")] public int? IsDefault { get; set; }
    [JsonPropertyName("owner_name")] public string? OwnerName { get; set; }
    [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
    [JsonPropertyName("domain_id")] public string? DomainId { get; set; }
    [JsonPropertyName("instance_id")] public string? InstanceId { get; set; }
    [JsonPropertyName("eps_id")] public string? EpsId { get; set; }

    /// <summary>DLI dirty-data OBS path.</summary>
    [JsonPropertyName("bad_record_location_name")] public string? BadRecordLocationName { get; set; }

    /// <summary>Job log OBS path.</summary>
    [JsonPropertyName("job_log_location_name")] public string? JobLogLocationName { get; set; }

    /// <summary>ms since the epoch; the SDK types it float, so 1.6691328E12 is read as well as 1669132800000.</summary>
    [JsonPropertyName("create_time")][JsonConverter(typeof(EpochMsConverter))] public long? CreateTime { get; set; }
    [JsonPropertyName("create_user")] public string? CreateUser { get; set; }
    [JsonPropertyName("member_num")] public int? MemberNum { get; set; }

    /// <summary>As <see cref="CreateTime"/>.</summary>
    [JsonPropertyName("update_time")][JsonConverter(typeof(EpochMsConverter))] public long? UpdateTime { get; set; }
    [JsonPropertyName("update_user")] public string? UpdateUser { get; set; }
}
