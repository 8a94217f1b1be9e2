namespace DataArtsQuality.Emulator.State;

/// <summary>How a job kind is named on the wire and in error messages.</summary>
public static class JobKindNames
{
    /// <summary>task_type on the wire: QUALITY_TASK or CONSISTENCY_TASK.</summary>
    public static string TaskType(this JobKind kind) => kind == JobKind.Quality ? "QUALITY_TASK" : "CONSISTENCY_TASK";

    /// <summary>The kind in a message: "quality job" or "comparison job".</summary>
    public static string Noun(this JobKind kind) => kind == JobKind.Quality ? "quality job" : "comparison job";
}
