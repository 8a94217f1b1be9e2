using System;
using System.Management.Automation;
using DataArtsQuality.Client;
using DataArtsQuality.Completers;
using DataArtsQuality.Models;

namespace DataArtsQuality.Commands
{
    /// <summary>Start-/Stop-DqcJobSchedule: OperationQualityTaskSchedule, one request per job (the API takes one rule_id).</summary>
    public abstract class DqcJobScheduleCmdlet : DqcCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId", "RuleId")]
        [ArgumentCompleter(typeof(JobIdCompleter))]
        public DqcId[]? Id { get; set; }

        protected abstract bool Start { get; }

        protected virtual bool Confirm(string target, string action) => ShouldProcess(target, action);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            foreach (var id in Id ?? new DqcId?[] { null })
                SetSchedule(id);
        }

        private void SetSchedule(DqcId? id)
        {
            if (!AcceptId(id, "quality job ID", out var value)) return;
            string action = Start ? "Start schedule" : "Stop schedule";
            if (!Confirm($"quality job {value.Value}", action)) return;
            try
            {
                string? message = Run(ct => Client.SetJobScheduleAsync(value.Value, Start, ct));
                WriteVerbose($"{action} of quality job {value.Value}: {message}");
            }
            catch (DqcException ex)
            {
                WriteItemError(ex, $"Could not {(Start ? "start" : "stop")} the schedule of quality job {value.Value}", value.Value);
            }
        }
    }

    /// <summary>Turns a quality job's periodic schedule on (action start). It does not run the job now: see Restart-DqcJob.</summary>
    [Cmdlet(VerbsLifecycle.Start, "DqcJobSchedule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class StartDqcJobSchedule : DqcJobScheduleCmdlet
    {
        protected override bool Start => true;
    }
}
