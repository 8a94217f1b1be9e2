# docs/testing-runbooks.md shows docs/examples verbatim, and the example's own Pester tests pass as written: against the
# installed dqc-emulator on PATH and the built module on PSModulePath, in a fresh pwsh, as a user's CI would run them.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:doc = Join-Path $RepoRoot 'docs/testing-runbooks.md'
    $script:examples = Join-Path $RepoRoot 'docs/examples'
}

Describe 'docs/testing-runbooks.md' {
    It 'includes <File> verbatim' -ForEach @(
        @{ File = 'jobs.json' }
        @{ File = 'Restart-FailedDqcJob.ps1' }
        @{ File = 'Restart-FailedDqcJob.Tests.ps1' }
    ) {
        # The block right after the marker line "<!-- include: examples/FILE -->".
        $text = (Get-Content $doc -Raw) -replace "`r`n", "`n"
        $pattern = '<!-- include: examples/' + [regex]::Escape($File) + ' -->\n```[a-z]*\n(?<code>.*?)\n```'
        $match = [regex]::Match($text, $pattern, 'Singleline')
        $match.Success | Should -BeTrue -Because "the doc should show $File after its include marker"
        $file = ((Get-Content (Join-Path $examples $File) -Raw) -replace "`r`n", "`n").TrimEnd("`n")
        $match.Groups['code'].Value | Should -BeExactly $file
    }

    It 'has an example whose Pester tests pass as written against the installed tool' {
        $toolPath = Join-Path $RepoRoot 'out/emulator-tool'
        Join-Path $toolPath '.store' | Should -Exist
        $pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
        $summary = Join-Path $TestDrive 'summary.json'
        $script = Join-Path $TestDrive 'run-example.ps1'
        Set-Content $script @"
Import-Module '$pester'
`$result = Invoke-Pester -Path '$examples' -PassThru -Output Detailed
@{ Total = `$result.TotalCount; Passed = `$result.PassedCount; Failed = `$result.FailedCount + `$result.FailedContainersCount } |
    ConvertTo-Json | Set-Content '$summary'
"@
        $saved = @{ PATH = $env:PATH; PSModulePath = $env:PSModulePath }
        try {
            $env:PATH = $toolPath + [IO.Path]::PathSeparator + $env:PATH
            $env:PSModulePath = (Join-Path $RepoRoot 'out') + [IO.Path]::PathSeparator + $env:PSModulePath
            [string[]] $pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh')) { @(Join-Path $PSHOME 'pwsh') } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }
            $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $script 2>&1 | Out-String
        }
        finally {
            $env:PATH = $saved.PATH
            $env:PSModulePath = $saved.PSModulePath
        }
        $summary | Should -Exist -Because $output
        $counts = Get-Content $summary -Raw | ConvertFrom-Json
        $counts.Failed | Should -Be 0 -Because $output
        $counts.Total | Should -BeGreaterOrEqual 4
        $counts.Passed | Should -Be $counts.Total -Because $output
    }
}
