# The shared rate limit across processes of one OS user (issue 20): real child processes against the emulator's
# per-user limit, a fast one (20 per 2 s) so that the file stays short. The in-process cases (fake clock, garbage
# files) are xunit's SharedRateLimitTests.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--instance-run-ms', '600000'
    $script:modulePath = Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1'
    $script:client = Join-Path $RepoRoot 'tools/RateBenchClient.ps1'
    [string[]] $script:pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh')) { @(Join-Path $PSHOME 'pwsh') } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }

    function Start-Child([string[]] $Arguments) {
        $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + $Arguments) { $psi.ArgumentList.Add([string]$a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        [Diagnostics.Process]::Start($psi)
    }

    # Two clients of one user, each rerunning 20 jobs at once from a common start, with the client limit 20 per 2 s.
    function Invoke-TwoClients([int] $Shared) {
        $null = Invoke-RestMethod -Method Put -Uri "$($emulator.Url)/_emulator/rate-limit" -ContentType 'application/json' -Body '{"count":20,"period_ms":2000}'
        $known = @($emulator.QualityJobIds)
        $ids = @(for ($k = 0; $k -lt 20; $k++) { $known[$k % $known.Count] }) -join ','
        $startAt = [DateTime]::UtcNow.AddSeconds(6).Ticks
        $children = foreach ($i in 1..2) {
            Start-Child @('-File', $client, '-Module', $modulePath, '-Url', $emulator.Url, '-ProjectId', $emulator.ProjectId,
                '-WorkspaceId', $emulator.WorkspaceId, '-Token', $emulator.Token, '-Ids', $ids, '-StartAtTicks', $startAt,
                '-Shared', $Shared, '-RateLimitCount', 20, '-RateLimitPeriodSec', 2)
        }
        $outcomes = foreach ($c in $children) {
            $text = $c.StandardOutput.ReadToEnd()
            $c.WaitForExit()
            $c.ExitCode | Should -Be 0 -Because $c.StandardError.ReadToEnd()
            $text -split "`n" | Where-Object { $_.Trim().StartsWith('{') } | Select-Object -Last 1 | ConvertFrom-Json
        }
        [pscustomobject]@{
            Instances = ($outcomes | Measure-Object instances -Sum).Sum
            Errors    = ($outcomes | Measure-Object errors -Sum).Sum
            Wall      = (($outcomes | ForEach-Object ended | Measure-Object -Maximum).Maximum - $startAt) / 1e7
            Limit     = Get-DqcEmulatorRateLimit $emulator
        }
    }
}

AfterAll {
    try { Disconnect-DqcWorkspace -All } catch { }
    try { Set-DqcConfig -Reset } catch { }
    Remove-Item Env:DQC_RATE_LIMIT_DIR -ErrorAction SilentlyContinue
    Stop-DqcEmulator $emulator
}

Describe 'One user''s processes on one machine share one rate limit' {
    BeforeEach {
        # A state folder of the test's own, inherited by the children.
        $env:DQC_RATE_LIMIT_DIR = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        Set-DqcConfig -Reset
        Set-DqcEmulatorRateLimit $emulator -Off
    }

    It 'two processes together keep to the limit: nothing refused, the second window waited for' {
        $run = Invoke-TwoClients -Shared 1
        $run.Instances | Should -Be 40
        $run.Errors | Should -Be 0
        $run.Limit.rejected | Should -Be 0
        # 40 requests at 20 per 2 s: the second 20 start a period after the first.
        $run.Wall | Should -BeGreaterThan 2
    }

    It 'switched off (Set-DqcConfig -SharedRateLimit $false), each process counts only its own and the gateway refuses' {
        $run = Invoke-TwoClients -Shared 0
        $run.Instances | Should -Be 40
        $run.Limit.rejected | Should -BeGreaterThan 0
        (Get-DqcConfig).SharedRateLimit | Should -BeTrue
        Set-DqcConfig -SharedRateLimit $false
        (Get-DqcConfig).SharedRateLimit | Should -BeFalse
    }

    It 'a process killed (kill -9) while it holds the state file''s lock leaves no lock behind' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token -SkipCheck
        $null = Restart-DqcJob -Id $emulator.QualityJobIds[0]
        $file = @(Get-ChildItem $env:DQC_RATE_LIMIT_DIR -Filter '*.rate')
        $file.Count | Should -Be 1
        # The child takes the lock exactly as the module does (the file opened with FileShare.None) and keeps it.
        $hold = "`$s = [IO.File]::Open('$($file[0].FullName)', 'OpenOrCreate', 'ReadWrite', 'None'); [Console]::Out.WriteLine('holding'); [Console]::Out.Flush(); Start-Sleep 600"
        $holder = Start-Child @('-Command', $hold)
        try {
            $holder.StandardOutput.ReadLine() | Should -Be 'holding'
            # While it is held, another open fails: the lock is real.
            { [IO.File]::Open($file[0].FullName, 'Open', 'ReadWrite', 'None').Dispose() } | Should -Throw
        }
        finally {
            $holder.Kill()   # SIGKILL on Linux and macOS, TerminateProcess on Windows: no clean-up runs
            $holder.WaitForExit()
        }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = 1..3 | ForEach-Object { $emulator.QualityJobIds[0] } | Restart-DqcJob
        # Well under the 2 s the module waits for a held lock before it gives up on the file.
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
        # The 4 slots are in the file: the module used it after the kill instead of falling back to its own count.
        $bytes = [IO.File]::ReadAllBytes($file[0].FullName)
        # The slot count: after the 12-byte header, the pause (8), Keep (4) and the adaptive rate (40) (RateWindowFormat).
        [BitConverter]::ToInt32($bytes, 64) | Should -Be 4
    }
}
