using System;
using System.Management.Automation;
using DataArtsQuality.Client;

namespace DataArtsQuality.Commands
{
    /// <summary>The time window every quality-report cmdlet has (start_timestamp/end_timestamp, ms epochs).</summary>
    public abstract class DqcReportCmdlet : DqcPagedCmdlet
    {
        [Parameter]
        public DateTime From { get; set; }

        [Parameter]
        public DateTime To { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected DqcReportFilter Window(DqcReportFilter filter)
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(From))) filter.From = DqcTime.FromDateTime(From);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(To))) filter.To = DqcTime.FromDateTime(To);
            return filter;
        }
    }

    /// <summary>Overview and trend: a dimension (technology or business) and its filters.</summary>
    public abstract class DqcReportDimensionCmdlet : DqcReportCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet("Technology", "Business")]
        public string Dimension { get; set; } = "Technology";

        [Parameter]
        public string? DataConnectionId { get; set; }

        [Parameter]
        public string? DatabaseName { get; set; }

        [Parameter]
        public string? TableName { get; set; }

        /// <summary>Business report: subject-area group.</summary>
        [Parameter]
        public string? L1 { get; set; }

        [Parameter]
        public string? L2 { get; set; }

        [Parameter]
        public string? L3 { get; set; }

        protected DqcReportFilter Filter() => Window(new DqcReportFilter
        {
            Dimension = Dimension,
            DataConnectionId = DataConnectionId,
            DatabaseName = DatabaseName,
            TableName = TableName,
            L1 = L1,
            L2 = L2,
            L3 = L3,
        });
    }
}
