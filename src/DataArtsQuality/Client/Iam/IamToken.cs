using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Client.Auth;

namespace DataArtsQuality.Client.Iam
{
    /// <summary>A project-scoped token from an IAM password login.</summary>
    internal sealed class IamToken
    {
        public IamToken(SecureString value, DateTimeOffset expiresAt, DateTimeOffset? issuedAt, string? projectId, string? projectName)
        {
            Value = value;
            ExpiresAt = expiresAt;
            IssuedAt = issuedAt;
            ProjectId = projectId;
            ProjectName = projectName;
        }

        public SecureString Value { get; }
        public DateTimeOffset ExpiresAt { get; }
        public DateTimeOffset? IssuedAt { get; }
        public string? ProjectId { get; }
        public string? ProjectName { get; }
    }
}
