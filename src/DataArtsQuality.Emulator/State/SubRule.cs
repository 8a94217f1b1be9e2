namespace DataArtsQuality.Emulator.State;

/// <summary>
/// A sub-rule of a job, derived from the job so that nothing is stored per job (100,000 jobs start fast): quality
/// jobs have 1 to 3, comparison jobs 2 or 4 (one source and one target side per pair).
/// </summary>
public sealed record SubRule(long Id, string Name, string Type, string Table, string Column, string Dimension)
{
    public static List<SubRule> Of(EmulatedJob job)
    {
        int n = job.Kind == JobKind.Quality ? 1 + (int)(job.Id % 3) : 2 * (1 + (int)(job.Id % 2));
        var list = new List<SubRule>(n);
        string subject = job.Name.Split('_').ElementAtOrDefault(1) ?? "table";
        for (int k = 0; k < n; k++)
        {
            string side = job.Kind == JobKind.Comparison ? (k % 2 == 0 ? "src" : "dst") : "dw";
            list.Add(new SubRule(
                (job.Id ^ (1L << 56)) + 7 * k + 3,
                $"{job.Name}_rule{k}",
                job.Kind == JobKind.Comparison ? "SingleTable" : k == 0 ? "SingleTable" : "SingleColumn",
                $"{side}_db.{subject}",
                k == 0 ? "" : $"{subject}_id",
                DqcValues.Dimensions[(int)((job.Id + k) % DqcValues.Dimensions.Length)]));
        }
        return list;
    }
}
