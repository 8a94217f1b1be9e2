using System;
using System.Collections.Generic;
using System.Management.Automation;
using DataArtsQuality.Client;
using DataArtsQuality.Models;

namespace DataArtsQuality.Commands
{
    /// <summary>
    /// Starts a new run of a quality or comparison job (ReStartTask) and emits the new instance. Rule IDs come from
    /// the pipeline as strings or as objects with RuleId/Id/JobId and RuleType properties.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "DqcJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DqcInstance))]
    public sealed class RestartDqcJob : DqcCmdlet
    {
        /// <summary>
        /// The job ID: a string or an integer, kept exact. A floating-point number above 2^53 is refused because its
        /// last digits are already gone.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "JobId")]
        [AllowNull]
        public DqcId? RuleId { get; set; }

        /// <summary>Quality (1, the default) or Comparison (2). A string so that a bad value fails only its own item.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RuleTypeCompleter))]
        [AllowEmptyString]
        [AllowNull]
        public string? RuleType { get; set; } = nameof(DqcRuleType.Quality);

        /// <summary>Wait for the new runs to leave RUNNING and emit them in their final state (see Wait-DqcInstance).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>With -Wait: seconds to wait in all (default 3600).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; } = 3600;

        /// <summary>With -Wait: seconds between polls (default 10).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int PollIntervalSec { get; set; } = 10;

        private readonly List<DqcInstance> _submitted = new List<DqcInstance>();

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            var id = RuleId ?? new DqcId((string?)null);
            if (!id.IsValid)
            {
                string errorId = id.Problem == DqcIds.Problem.LostPrecision ? "DqcRuleIdLostPrecision" : "DqcInvalidRuleId";
                WriteError(InvalidInput(errorId, DqcIds.Describe(id.Problem, "rule ID", id.Value), id.Value));
                return;
            }
            string ruleId = id.Value;

            if (!DqcRuleTypes.TryParse(RuleType, out var ruleType))
            {
                WriteError(InvalidInput("DqcInvalidRuleType",
                    $"The rule type '{RuleType}' of rule ID {ruleId} is not valid. Use Quality (1) or Comparison (2).", ruleId));
                return;
            }

            string what = DqcRuleTypes.Describe(ruleType);
            if (!ShouldProcess($"{what} {ruleId}", "Re-run"))
                return;

            DateTimeOffset submittedAt = DateTimeOffset.Now;
            string instanceId;
            try
            {
                instanceId = Run(ct => Client.RestartJobAsync(ruleType, ruleId, ct));
            }
            catch (Exception ex) when (ex is DqcApiException || ex is DqcTransportException || ex is DqcResponseFormatException)
            {
                string context = $"Could not re-run {what} {ruleId}";
                if (ex is DqcTransportException { MayHaveReachedServer: true })
                    context += " (the rerun may or may not have started; check Get-DqcInstance before retrying)";
                WriteItemError(ex, context, ruleId);
                return;
            }

            var instance = new DqcInstance
            {
                InstanceId = instanceId,
                RuleId = ruleId,
                RuleType = ruleType,
                SubmittedAt = submittedAt,
                WorkspaceId = Client.Connection.WorkspaceId,
            };
            if (Wait) _submitted.Add(instance);
            else WriteObject(instance);
        }

        /// <summary>With -Wait: one wait for every run submitted, sharing one instance listing per poll.</summary>
        protected override void EndProcessing()
        {
            if (Wait && _submitted.Count > 0)
            {
                InstanceWaitRunner.Wait(this, Client, Run, OnPipelineThread, _submitted.ConvertAll(InstanceWaitRunner.Target),
                    InstanceWaitRunner.Options(TimeoutSec, PollIntervalSec));
            }
        }
    }
}
