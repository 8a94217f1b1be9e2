using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Client.Json;
using DataArtsQuality.Client.Wire;
using DataArtsQuality.Models;

namespace DataArtsQuality.Client
{
    /// <summary>Value mappings of an import: old value → new value.</summary>
    public sealed class DqcImportMappings
    {
        public IDictionary<string, string>? Directories { get; set; }
        public IDictionary<string, string>? Topics { get; set; }
        public IDictionary<string, string>? Connections { get; set; }
        public IDictionary<string, string>? Queues { get; set; }
    }
}
