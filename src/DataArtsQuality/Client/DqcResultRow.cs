using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DataArtsQuality.Client.Json;
using DataArtsQuality.Client.Wire;
using DataArtsQuality.Models;

namespace DataArtsQuality.Client
{
    /// <summary>One page of sub-rule results: the column names and the rows under them.</summary>
    public sealed class DqcResultRow
    {
        public DqcResultRow(IReadOnlyList<string> header, IReadOnlyList<string?> values)
        {
            Header = header;
            Values = values;
        }

        public IReadOnlyList<string> Header { get; }
        public IReadOnlyList<string?> Values { get; }
    }
}
