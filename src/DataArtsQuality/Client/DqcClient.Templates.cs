namespace DataArtsQuality.Client;

/// <summary>Rule templates: list, detail, create, update, delete.</summary>
internal sealed partial class DqcClient
{
    internal static readonly string[] Dimensions = { "Completeness", "Uniqueness", "Timeliness", "Validity", "Accuracy",
        "Consistency" };

    /// <summary>dimension_id of a dimension name (1..6), case-insensitive.</summary>
    public static int DimensionId(string dimension)
    {
        for (int i = 0; i < Dimensions.Length; i++)
            if (string.Equals(Dimensions[i], dimension?.Trim(), StringComparison.OrdinalIgnoreCase)) return i + 1;
        throw new ArgumentException($"The dimension '{dimension}' is not one of {string.Join(", ", Dimensions)}.",
            nameof(dimension));
    }

    /// <summary>ListQualityTemplates, one page per request.</summary>
    public DqcPager<DqcRuleTemplate> ListTemplates(DqcTemplateQuery? query, ulong skip = 0, ulong? first = null)
    {
        var filters = new List<KeyValuePair<string, string>>();
        query ??= new DqcTemplateQuery();
        if (query.CategoryId != null)
            filters.Add(QueryPair("category_id", DqcIds.Require(query.CategoryId, "category ID")));
        if (!string.IsNullOrEmpty(query.Name)) filters.Add(QueryPair("name", query.Name!));
        if (query.SystemOnly.HasValue)
            filters.Add(QueryPair("system_template", query.SystemOnly.Value ? "true" : "false"));
        if (!string.IsNullOrEmpty(query.Creator)) filters.Add(QueryPair("creator", query.Creator!));
        return new DqcPager<DqcRuleTemplate>(async (offset, limit, ct) =>
        {
            var uri = Connection.QualityUri("rule-templates", WithPaging(filters, offset, limit));
            var page = await SendAsync(HttpMethod.Get, uri, null, DqcJsonContext.Default.TemplatePageWire, ct)
                .ConfigureAwait(false);
            var items = (page.Resources ?? new List<TemplateWire>()).Select(ToTemplate).ToList();
            return new DqcPage<DqcRuleTemplate>(page.Count, items);
        }, skip, first);
    }

    /// <summary>ShowTemplatesDetail.</summary>
    public async Task<DqcRuleTemplate> GetTemplateAsync(string templateId, CancellationToken cancellationToken)
    {
        string id = DqcIds.Require(templateId, "rule template ID");
        var wire = await SendAsync(HttpMethod.Get, Connection.QualityUri("rule-templates/" + id), null,
            DqcJsonContext.Default.TemplateWire, cancellationToken).ConfigureAwait(false);
        var t = ToTemplate(wire);
        if (t.Id.Length == 0) t.Id = id;
        return t;
    }

    /// <summary>CreateTemplate. Name, dimension and SQL are required by this client (the API marks nothing
    /// required).</summary>
    public async Task<DqcRuleTemplate> CreateTemplateAsync(DqcTemplateDefinition definition,
        CancellationToken cancellationToken)
    {
        var body = BuildTemplateRequest(null, null, definition);
        var wire = await SendAsync(HttpMethod.Post, Connection.QualityUri("rule-templates"),
            JsonSerializer.SerializeToUtf8Bytes(body, DqcJsonContext.Default.TemplateRequest),
            DqcJsonContext.Default.TemplateWire, cancellationToken).ConfigureAwait(false);
        return ToTemplate(wire);
    }

    /// <summary>
    /// UpdateTemplate. The fields not given are filled from what the service returns: name, category, dimension,
    /// SQL and result description from ShowTemplatesDetail, abnormal_table_template from ListQualityTemplates
    /// (the detail response lacks it); origin_name is the current name. description is returned by neither call,
    /// so it is sent only when given. A field that is still unknown is left out, never sent as null: the service
    /// might clear it.
    /// </summary>
    public async Task<DqcRuleTemplate> UpdateTemplateAsync(string templateId, DqcTemplateDefinition changes,
        CancellationToken cancellationToken)
    {
        string id = DqcIds.Require(templateId, "rule template ID");
        var current = await GetTemplateAsync(id, cancellationToken).ConfigureAwait(false);
        string? abnormal = changes.AbnormalTableSql
            ?? await ListedAbnormalTableSqlAsync(id, current.Name, cancellationToken).ConfigureAwait(false);
        var merged = new DqcTemplateDefinition
        {
            Name = changes.Name ?? current.Name,
            CategoryId = changes.CategoryId ?? current.CategoryId ?? "0",
            Dimension = changes.Dimension ?? current.Dimension,
            Description = changes.Description,
            Sql = changes.Sql ?? current.Sql,
            ResultDescription = changes.ResultDescription ?? current.ResultDescription,
            AbnormalTableSql = abnormal,
            Publish = changes.Publish,
            VersionName = changes.VersionName,
        };
        var wire = await SendAsync(HttpMethod.Put, Connection.QualityUri("rule-templates/" + id),
            TemplateUpdateBody(id, current.Name, merged), DqcJsonContext.Default.TemplateWire,
            cancellationToken).ConfigureAwait(false);
        var t = ToTemplate(wire);
        if (t.Id.Length == 0) t.Id = id;
        return t;
    }

    /// <summary>The UpdateTemplate body: TemplateRO without the fields that are null (unknown or not given).</summary>
    internal static byte[] TemplateUpdateBody(string id, string? originName, DqcTemplateDefinition merged)
    {
        byte[] full = JsonSerializer.SerializeToUtf8Bytes(BuildTemplateRequest(id, originName, merged),
            DqcJsonContext.Default.TemplateRequest);
        using var doc = JsonDocument.Parse(full);
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null) continue;
                property.WriteTo(writer);   // raw value: 64-bit IDs stay exact
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The template's abnormal_table_template as ListQualityTemplates returns it (RuleTemplateDetailVO has it,
    /// ShowTemplatesDetail does not): the list filtered by the current name, the entry with this ID. Null when the
    /// list does not show it.
    /// </summary>
    private async Task<string?> ListedAbnormalTableSqlAsync(string id, string? name,
        CancellationToken cancellationToken)
    {
        var pager = ListTemplates(new DqcTemplateQuery { Name = string.IsNullOrEmpty(name) ? null : name });
        while (await pager.NextPageAsync(cancellationToken).ConfigureAwait(false) is IReadOnlyList<DqcRuleTemplate> page)
        {
            foreach (var t in page)
            {
                if (t.Id != id) continue;
                pager.Stop();
                return t.AbnormalTableSql;
            }
        }
        Log.Verbose($"Rule template {id} is not in the template list, so its abnormal_table_template is not known and is left out of the update.");
        return null;
    }

    internal static TemplateRequest BuildTemplateRequest(string? id, string? originName, DqcTemplateDefinition d)
        => new TemplateRequest
    {
        Id = id ?? "0",
        Name = d.Name,
        DirectoryId = d.CategoryId == null ? "0" : DqcIds.Require(d.CategoryId, "category ID"),
        DimensionId = d.Dimension == null ? null : DimensionId(d.Dimension),
        Description = d.Description,
        SqlInfo = d.Sql,
        ResultDescription = d.ResultDescription,
        Publish = d.Publish,
        OriginName = originName,
        AbnormalTableTemplate = d.AbnormalTableSql,
        UserDefineVersionName = d.VersionName,
        VersionNum = null,
        Status = d.Publish ? 1 : (int?)null,
    };

    /// <summary>BatchDeleteTemplates: body {"ids":[...]} (unlike the other batch calls).</summary>
    public Task DeleteTemplatesAsync(IReadOnlyList<string> templateIds, CancellationToken cancellationToken)
        => SendBatchAsync("rule-templates/batch-delete",
            DqcBatchBody.IdsObject(CheckBatch(templateIds, "rule template ID")), cancellationToken);

    private static DqcRuleTemplate ToTemplate(TemplateWire w) => new DqcRuleTemplate
    {
        Id = w.Id ?? "",
        Name = w.Name,
        CategoryId = w.CategoryId,
        Dimension = w.Dimension,
        Type = w.Type,
        IsSystemTemplate = w.SystemTemplate == true,
        Sql = w.SqlInfo,
        AbnormalTableSql = w.AbnormalTableTemplate,
        ResultDescription = w.ResultDescription,
        CreateTime = DqcTime.FromMs(w.CreateTime),
        Creator = w.Creator,
    };
}
