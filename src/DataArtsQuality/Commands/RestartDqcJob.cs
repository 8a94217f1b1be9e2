using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using DataArtsQuality.Client;
using DataArtsQuality.Completers;
using DataArtsQuality.Models;

namespace DataArtsQuality.Commands
{
    /// <summary>
    /// Starts a new run of a quality or comparison job (ReStartTask) and emits the new instance. Rule IDs come from
    /// the pipeline as strings or as objects with RuleId/Id/JobId and RuleType properties.
    /// </summary>
    /// <remarks>
    /// Up to -ThrottleLimit reruns are in flight at once (all within the connection's rate limit). Every input item
    /// becomes an entry of a first-in-first-out window: ProcessRecord starts the request and returns unless the window
    /// is full; finished entries leave the window from its head only, so output and errors come in input order.
    /// EndProcessing drains the window. Everything that reaches the pipeline is written from the pipeline thread.
    /// </remarks>
    [Cmdlet(VerbsLifecycle.Restart, "DqcJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DqcInstance))]
    public sealed class RestartDqcJob : DqcCmdlet
    {
        private readonly Queue<Pending> _window = new Queue<Pending>();
        private int _throttleLimit;

        /// <summary>
        /// The job IDs: strings or integers of any type, kept exact. A floating-point number above 2^53 is refused because
        /// its last digits are already gone. Several IDs given to the parameter run as if they had been piped.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "JobId")]
        [ArgumentCompleter(typeof(JobIdCompleter))]
        [AllowNull]
        public DqcId[]? RuleId { get; set; }

        /// <summary>Quality (1, the default) or Comparison (2). A string so that a bad value fails only its own item.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RuleTypeCompleter))]
        [AllowEmptyString]
        [AllowNull]
        public string? RuleType { get; set; } = nameof(DqcRuleType.Quality);

        /// <summary>
        /// The job's name, shown on the new instance. Binds by property name from Get-DqcJob output; not needed otherwise.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? JobName { get; set; }

        /// <summary>
        /// How many reruns may be in flight at once (default 4). The connection's rate limit still applies. Under
        /// -ErrorAction Stop the default is 1, so nothing after a failing item is started.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

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
        private ItemProgress _progress = null!;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
            _throttleLimit = !MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit)) && ErrorActionIsStop() ? 1 : ThrottleLimit;
            // The total is known when the IDs came as an argument, not from the pipeline.
            _progress = new ItemProgress(this, "Re-running jobs", "re-run",
                MyInvocation.ExpectingInput || RuleId is null ? (int?)null : RuleId.Length);
        }

        protected override void ProcessRecord()
        {
            foreach (var id in RuleId ?? new DqcId?[] { null })
                Submit(id);
        }

        private void Submit(DqcId? id)
        {
            var refusal = IdRefusal(id, "rule ID", out string ruleId);
            if (refusal != null)
            {
                Enqueue(Pending.Refused(refusal));
                return;
            }

            if (!DqcRuleTypes.TryParse(RuleType, out var ruleType))
            {
                Enqueue(Pending.Refused(InvalidInput("DqcInvalidRuleType",
                    $"The rule type '{RuleType}' of rule ID {ruleId} is not valid. Use Quality (1) or Comparison (2).", ruleId)));
                return;
            }

            if (!ShouldProcess($"{DqcRuleTypes.Describe(ruleType)} {ruleId}", "Re-run"))
                return;

            var client = Client;
            Enqueue(new Pending(ruleId, ruleType, DateTimeOffset.Now, client.RestartJobAsync(ruleType, ruleId, CancelToken))
            {
                JobName = string.IsNullOrEmpty(JobName) ? null : JobName,
            });

            // Keep at most ThrottleLimit requests in flight; emit whatever is finished at the head meanwhile.
            while (_window.Count(p => p.Task is { IsCompleted: false }) >= _throttleLimit)
            {
                WaitPumping(Task.WhenAny(_window.Where(p => p.Task is { IsCompleted: false }).Select(p => (Task)p.Task!)));
                EmitFinished();
            }
        }

        protected override void EndProcessing()
        {
            while (_window.Count > 0)
            {
                var head = _window.Peek();
                if (head.Task != null) WaitPumping(head.Task);
                EmitFinished();
            }

            _progress.Complete();

            // With -Wait: one wait for every run submitted, sharing one instance listing per poll.
            if (Wait && _submitted.Count > 0)
            {
                InstanceWaitRunner.Wait(this, Client, Run, OnPipelineThread, _submitted.ConvertAll(InstanceWaitRunner.Target),
                    InstanceWaitRunner.Options(TimeoutSec, PollIntervalSec));
            }
        }

        /// <summary>The one place a submitted rerun reaches the pipeline; with -Wait it is kept for the wait instead.</summary>
        private void OnSubmitted(DqcInstance instance)
        {
            if (Wait) _submitted.Add(instance);
            else WriteObject(AsSubmitted(instance));
        }

        private void Enqueue(Pending pending)
        {
            _window.Enqueue(pending);
            EmitFinished();
        }

        private void EmitFinished()
        {
            WaitPumping(Task.CompletedTask); // relay the core's verbose lines first
            while (_window.Count > 0 && _window.Peek().IsFinished)
            {
                Emit(_window.Dequeue());
                _progress.ItemDone();
            }
        }

        private void Emit(Pending entry)
        {
            if (entry.Error != null)
            {
                WriteErrorInOrder(entry.Error);
                return;
            }
            var task = entry.Task!;
            if (task.IsCanceled || (task.IsFaulted && task.Exception!.InnerException is OperationCanceledException))
            {
                if (CancelToken.IsCancellationRequested) throw new PipelineStoppedException();
            }
            try
            {
                string instanceId = task.GetAwaiter().GetResult();
                OnSubmitted(ToInstance(entry, instanceId));
            }
            catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (ex is DqcApiException || ex is DqcTransportException || ex is DqcResponseFormatException)
            {
                WriteErrorInOrder(RerunError(ex, entry));
            }
        }

        /// <summary>
        /// A just-submitted run has no status or start time yet; its own type name selects the table view that shows
        /// what is known (instance, job, type, submitted at, job name) instead of empty columns.
        /// </summary>
        internal const string SubmittedTypeName = "DataArtsQuality.Models.DqcInstance#Submitted";

        private static PSObject AsSubmitted(DqcInstance instance)
        {
            var wrapped = new PSObject(instance);
            wrapped.TypeNames.Insert(0, SubmittedTypeName);
            return wrapped;
        }

        private DqcInstance ToInstance(Pending entry, string instanceId) => new DqcInstance
        {
            InstanceId = instanceId,
            RuleId = entry.RuleId,
            RuleType = entry.RuleType,
            JobName = entry.JobName,
            SubmittedAt = entry.SubmittedAt,
            WorkspaceId = Client.Connection.WorkspaceId,
        };

        /// <summary>
        /// A rerun that failed. When the request may have reached the service (a timeout, a connection that broke after
        /// sending, HTTP 500/504, or a 200 whose body could not be read) nobody knows whether the job runs now: the
        /// error says so, has its own ID (DqcRerunOutcomeUnknown) and was never retried.
        /// </summary>
        private static ErrorRecord RerunError(Exception ex, Pending entry)
        {
            string what = DqcRuleTypes.Describe(entry.RuleType);
            bool outcomeUnknown = ex is DqcTransportException { MayHaveReachedServer: true }
                || (ex is DqcApiException api && RetryPolicy.MayHaveBeenProcessed(api.StatusCode))
                || ex is DqcResponseFormatException;
            if (!outcomeUnknown)
                return ToErrorRecord(ex, $"Could not re-run {what} {entry.RuleId}", entry.RuleId);

            var mapped = ToErrorRecord(ex, $"The rerun of {what} {entry.RuleId} may or may not have started", entry.RuleId);
            return new ErrorRecord(ex, "DqcRerunOutcomeUnknown", mapped.CategoryInfo.Category, entry.RuleId)
            {
                ErrorDetails = new ErrorDetails(mapped.ErrorDetails.Message.TrimEnd() + (mapped.ErrorDetails.Message.TrimEnd().EndsWith(".") ? "" : ".")
                    + " It was not sent again, so that the job does not run twice.")
                {
                    RecommendedAction = $"Look for a new instance of {what} {entry.RuleId} (Get-DqcInstance) before you re-run it.",
                },
            };
        }

        /// <summary>
        /// Writes an item's error. When it is about to stop the pipeline (-ErrorAction Stop with -ThrottleLimit above
        /// 1), the later reruns already in flight are waited for first and reported as warnings, so none goes unnoticed.
        /// </summary>
        private void WriteErrorInOrder(ErrorRecord record)
        {
            if (_window.Count > 0 && ErrorActionIsStop())
            {
                foreach (var later in _window.ToArray())
                {
                    if (later.Task is null) continue;
                    WaitPumping(later.Task);
                    string what = DqcRuleTypes.Describe(later.RuleType);
                    if (later.Task.Status == TaskStatus.RanToCompletion)
                        WriteWarning($"{what} {later.RuleId} was also re-run (instance {later.Task.Result}) before the error below stopped the pipeline.");
                    else if (later.Task.Exception?.InnerException is Exception failure && !(failure is OperationCanceledException))
                        WriteWarning($"{what} {later.RuleId}, started before the error below stopped the pipeline: {failure.Message}");
                }
                _window.Clear();
            }
            WriteError(record);
        }

        private bool ErrorActionIsStop()
        {
            object? value = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : GetVariableValue("ErrorActionPreference");
            return value is ActionPreference preference ? preference == ActionPreference.Stop
                : string.Equals(value?.ToString(), nameof(ActionPreference.Stop), StringComparison.OrdinalIgnoreCase);
        }

        private sealed class Pending
        {
            public Pending(string ruleId, DqcRuleType ruleType, DateTimeOffset submittedAt, Task<string> task)
            {
                RuleId = ruleId;
                RuleType = ruleType;
                SubmittedAt = submittedAt;
                Task = task;
            }

            private Pending(ErrorRecord error)
            {
                RuleId = "";
                Error = error;
            }

            public static Pending Refused(ErrorRecord error) => new Pending(error);

            public string RuleId { get; }
            public DqcRuleType RuleType { get; }
            public DateTimeOffset SubmittedAt { get; }
            public Task<string>? Task { get; }
            public string? JobName { get; set; }
            public ErrorRecord? Error { get; }
            public bool IsFinished => Error != null || Task!.IsCompleted;
        }
    }
}
