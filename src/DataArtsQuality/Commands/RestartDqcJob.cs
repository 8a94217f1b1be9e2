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

        protected override void ProcessRecord() => ReportingInFlight(ProcessItem);

        private void ProcessItem()
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

            // Keep at most ThrottleLimit requests in flight; emit whatever is finished at the head meanwhile. One
            // snapshot per turn: a task that finishes between counting and waiting must not leave WhenAny with none.
            while (true)
            {
                var running = _window.Where(p => p.Task is { IsCompleted: false }).Select(p => (Task)p.Task!).ToList();
                if (running.Count < _throttleLimit) break;
                WaitPumping(Task.WhenAny(running));
                EmitFinished();
            }
        }

        protected override void EndProcessing()
        {
            ReportingInFlight(() =>
            {
                while (_window.Count > 0)
                {
                    var head = _window.Peek();
                    if (head.Task != null) WaitPumping(head.Task);
                    EmitFinished();
                }
            });

            _progress.Complete();

            // With -Wait: one wait for every run submitted, sharing one instance listing per poll.
            if (Wait && _submitted.Count > 0)
            {
                var reported = new HashSet<string>(StringComparer.Ordinal);
                try
                {
                    InstanceWaitRunner.Wait(this, Client, Run, OnPipelineThread, _submitted.ConvertAll(InstanceWaitRunner.Target),
                        InstanceWaitRunner.Options(TimeoutSec, PollIntervalSec), id => reported.Add(id));
                }
                catch (Exception ex) when (!(ex is PipelineStoppedException))
                {
                    // The wait broke (the service failed a poll, the pipeline stopped downstream): the reruns it had not
                    // reported yet did start, so each is reported once before the failure goes on.
                    try
                    {
                        foreach (var instance in _submitted.Where(i => !reported.Contains(i.InstanceId)))
                            WriteWarning($"{DqcRuleTypes.Describe(instance.RuleType)} {instance.RuleId} was re-run (instance {instance.InstanceId}), but waiting for it failed.");
                    }
                    catch (Exception)
                    {
                        // The host no longer takes warnings; the original failure matters more.
                    }
                    if (ex is DqcException)
                        ThrowTerminatingError(ToErrorRecord(ex, "Waiting for the new runs failed", null));
                    throw;
                }
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
            string instanceId;
            try
            {
                instanceId = task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex)
            {
                // Whatever went wrong, the item is reported: a rerun that may have started is never dropped.
                WriteErrorInOrder(RerunError(ex, entry));
                return;
            }
            OnSubmitted(ToInstance(entry, instanceId));
        }

        /// <summary>
        /// Runs a step that writes to the pipeline. When something else stops the pipeline (an error downstream under
        /// -ErrorAction Stop, a throw in a later command), the reruns still in the window are waited for and reported as
        /// warnings before the stop goes on, so none that reached the service goes unreported.
        /// </summary>
        private void ReportingInFlight(Action step)
        {
            try
            {
                step();
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException) && _window.Count > 0)
            {
                try
                {
                    ReportLaterAsWarnings("the pipeline stopped");
                }
                catch (Exception)
                {
                    // The host no longer takes warnings; the original stop matters more.
                }
                throw;
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
        /// sending, HTTP 500/504) nobody knows whether the job runs now: the error says so, has its own ID
        /// (DqcRerunOutcomeUnknown) and was never retried. A 2xx whose body could not be read means the rerun was
        /// accepted and only its instance ID is unknown (DqcRerunAcceptedIdUnknown).
        /// </summary>
        private static ErrorRecord RerunError(Exception ex, Pending entry)
        {
            string what = DqcRuleTypes.Describe(entry.RuleType);
            if (ex is DqcResponseFormatException)
            {
                // A 2xx: the service accepted the rerun; only its answer (the new instance ID) is lost.
                string message = $"The service accepted the rerun of {what} {entry.RuleId}, but its answer could not be read, so the new instance ID is unknown: {ex.Message}";
                return ErrorRecords.Create(ex, "DqcRerunAcceptedIdUnknown", ErrorCategory.InvalidResult, entry.RuleId, message,
                    $"The job runs: find its new instance with Get-DqcInstance (job {entry.RuleId}) rather than re-running it.");
            }
            if (ex is not DqcException { MayHaveBeenProcessed: true })
                return ToErrorRecord(ex, $"Could not re-run {what} {entry.RuleId}", entry.RuleId);

            var mapped = ToErrorRecord(ex, $"The rerun of {what} {entry.RuleId} may or may not have started", entry.RuleId);
            return ErrorRecords.Create(ex, "DqcRerunOutcomeUnknown", mapped.CategoryInfo.Category, entry.RuleId,
                mapped.ErrorDetails.Message.TrimEnd() + (mapped.ErrorDetails.Message.TrimEnd().EndsWith(".") ? "" : ".")
                    + " It was not sent again, so that the job does not run twice.",
                $"Look for a new instance of {what} {entry.RuleId} (Get-DqcInstance) before you re-run it.");
        }

        /// <summary>
        /// Writes an item's error. When it is about to stop the pipeline (-ErrorAction Stop with -ThrottleLimit above
        /// 1), the later reruns already in flight are waited for first and reported as warnings, so none goes unnoticed.
        /// </summary>
        private void WriteErrorInOrder(ErrorRecord record)
        {
            if (_window.Count > 0 && ErrorActionIsStop()) ReportLaterAsWarnings("the error below stopped the pipeline");
            WriteError(record);
        }

        /// <summary>
        /// The pipeline is about to stop: waits for every rerun still in the window and reports each (that was sent) as
        /// a warning, then empties the window. Only a Ctrl+C (the requests were cancelled) leaves them unreported.
        /// </summary>
        private void ReportLaterAsWarnings(string why)
        {
            var later = _window.ToArray();
            _window.Clear();
            foreach (var entry in later)
            {
                if (entry.Task is null) continue; // refused input: never sent
                WaitPumping(entry.Task);
                string what = DqcRuleTypes.Describe(entry.RuleType);
                if (entry.Task.Status == TaskStatus.RanToCompletion)
                    WriteWarning($"{what} {entry.RuleId} was also re-run (instance {entry.Task.Result}) before {why}.");
                else if (entry.Task.IsCanceled || entry.Task.Exception?.InnerException is OperationCanceledException)
                {
                    if (!CancelToken.IsCancellationRequested)
                        WriteWarning($"{what} {entry.RuleId}, started before {why}, was cancelled; it may or may not have started.");
                }
                else if (entry.Task.Exception?.InnerException is Exception failure)
                {
                    string outcome = failure is DqcResponseFormatException ? " (the service accepted it; the instance ID is unknown)" : "";
                    WriteWarning($"{what} {entry.RuleId}, started before {why}{outcome}: {failure.Message}");
                }
            }
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
