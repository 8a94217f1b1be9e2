# Progress on long work: listings of more than one page, reruns and batches of many items; nothing for one page;
# $ProgressPreference silences it. Progress records are read from a PowerShell instance's Progress stream.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '250', '--comparison-jobs', '3'
    $script:modulePath = Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1'

    # Runs $Script in a fresh runspace connected to the emulator; returns its output and progress records.
    function script:Invoke-WithProgress([string] $Script, [string] $Preference = 'Continue') {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript(@"
Import-Module '$modulePath'
`$ProgressPreference = '$Preference'
Connect-DqcWorkspace -Endpoint '$($emulator.Url)' -ProjectId '$($emulator.ProjectId)' -WorkspaceId '$($emulator.WorkspaceId)' -Token '$($emulator.Token)'
$Script
"@)
            $output = $ps.Invoke()
            if ($ps.Streams.Error.Count) { throw $ps.Streams.Error[0] }
            [pscustomobject]@{ Output = @($output); Progress = @($ps.Streams.Progress) }
        }
        finally { $ps.Dispose() }
    }
}

AfterAll { Stop-DqcEmulator $emulator }

Describe 'Progress of listings' {
    It 'shows objects so far of the total while a list takes more than one request, then completes' {
        $r = Invoke-WithProgress 'Get-DqcJob'
        $r.Output.Count | Should -Be 250
        $running = @($r.Progress | Where-Object RecordType -eq 'Processing')
        $running.StatusDescription | Should -Be @('100 of 250', '200 of 250')
        $running[0].Activity | Should -BeLike 'Listing *'
        $running.PercentComplete | Should -Be @(40, 80)
        @($r.Progress | Where-Object RecordType -eq 'Completed').Count | Should -Be 1
    }

    It 'counts against -First and -Skip' {
        $r = Invoke-WithProgress 'Get-DqcJob -Skip 20 -First 150'
        $r.Output.Count | Should -Be 150
        @($r.Progress | Where-Object RecordType -eq 'Processing').StatusDescription | Should -Be @('100 of 150')
    }

    It 'writes nothing for a one-page answer' {
        $r = Invoke-WithProgress 'Get-DqcJob -First 100; Get-DqcComparisonJob; Get-DqcInstance -First 5'
        $r.Output.Count | Should -BeGreaterThan 100
        $r.Progress.Count | Should -Be 0
    }

    It 'is silenced by $ProgressPreference = SilentlyContinue' {
        $r = Invoke-WithProgress 'Get-DqcJob' -Preference SilentlyContinue
        $r.Output.Count | Should -Be 250
        $r.Progress.Count | Should -Be 0
    }

    It 'says when it waits for the rate limit and estimates the rest when the limit sets the pace' {
        $r = Invoke-WithProgress 'Set-DqcConfig -RateLimitCount 1 -RateLimitPeriodSec 1; try { Get-DqcJob } finally { Set-DqcConfig -RateLimitCount 40 -RateLimitPeriodSec 10 }'
        $r.Output.Count | Should -Be 250
        $running = @($r.Progress | Where-Object RecordType -eq 'Processing')
        $running.Count | Should -Be 2
        $running[0].StatusDescription | Should -BeLike '100 of 250; waiting * s for the rate limit'
        # Two more requests at 1 per second: the limit sets the pace.
        $running[0].SecondsRemaining | Should -Be 2
        $running[0].CurrentOperation | Should -BeLike '2 more requests at 1 per 1 s*'
    }
}

Describe 'Progress of work on many items' {
    It 'Restart-DqcJob shows reruns done of the total when the IDs are given as an argument' {
        $ids = ($emulator.QualityJobIds | Select-Object -First 3) -join "','"
        $r = Invoke-WithProgress "Restart-DqcJob -RuleId '$ids'"
        $r.Output.Count | Should -Be 3
        # At most one record per 200 ms in between; the first and the last of a known total always.
        $running = @(($r.Progress | Where-Object RecordType -eq 'Processing').StatusDescription)
        $running[0] | Should -Be '1 of 3 re-run'
        $running[-1] | Should -Be '3 of 3 re-run'
        $running | ForEach-Object { $_ | Should -Match '^[123] of 3 re-run$' }
        @($r.Progress | Where-Object RecordType -eq 'Completed').Count | Should -Be 1
    }

    It 'Restart-DqcJob counts piped reruns (total unknown) from the second on, and nothing for one' {
        $r = Invoke-WithProgress "'$($emulator.QualityJobIds[0])', '$($emulator.QualityJobIds[1])', '$($emulator.QualityJobIds[2])' | Restart-DqcJob"
        $running = @(($r.Progress | Where-Object RecordType -eq 'Processing').StatusDescription)
        $running[0] | Should -Be '2 re-run'
        $running | ForEach-Object { $_ | Should -Match '^[23] re-run$' }
        $one = Invoke-WithProgress "'$($emulator.QualityJobIds[0])' | Restart-DqcJob"
        $one.Progress.Count | Should -Be 0
    }

    It 'a batch cmdlet shows items done of the total when it takes more than one request' {
        $r = Invoke-WithProgress '$ids = @(Get-DqcJob -First 150).Id; Remove-DqcJob -Id $ids -Force'
        @($r.Progress | Where-Object RecordType -eq 'Processing' | Where-Object Activity -like 'Delete*').StatusDescription |
            Should -Be @('100 of 150 done', '150 of 150 done')
        $small = Invoke-WithProgress '$ids = @(Get-DqcJob -First 5).Id; Remove-DqcJob -Id $ids -Force'
        $small.Progress.Count | Should -Be 0
    }
}
