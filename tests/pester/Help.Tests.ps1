# Docs and code held together both ways: every cmdlet has a page, every parameter and parameter set in code is
# documented and every documented one exists, and the built module's Get-Help shows it.
BeforeDiscovery {
    $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../DataArtsQuality.psd1')
    $script:cmdlets = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:docs = Join-Path $RepoRoot 'docs/en-US'
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters |
        Where-Object { $_ -notin 'WhatIf', 'Confirm' }

    function Get-DocParameterName([string] $Path) {
        Select-String -Path $Path -Pattern '^### -(\w+)\s*$' | ForEach-Object { $_.Matches[0].Groups[1].Value }
    }
    function Get-DocSyntaxSetName([string] $Path) {
        $text = Get-Content $Path -Raw
        $syntax = [regex]::Match($text, '(?ms)^## SYNTAX\s*$(.*?)^## ').Groups[1].Value
        [regex]::Matches($syntax, '(?m)^### (\S+)') | ForEach-Object { $_.Groups[1].Value }
    }
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $page = Join-Path $docs "$Name.md"
        $command = Get-Command $Name -Module DataArtsQuality
        # Hidden parameters (DontShow) carry pipeline plumbing, not something a user types: they stay undocumented.
        $documentable = @($command.Parameters.Values | Where-Object {
                $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
            } | ForEach-Object Name)
    }

    It 'has a page in docs/en-US' {
        $page | Should -Exist
    }

    It 'documents every parameter the cmdlet has, and no other' {
        $inCode = @($documentable | Sort-Object)
        $inDocs = @(Get-DocParameterName $page | Sort-Object)
        $inDocs | Should -Be $inCode
    }

    It 'shows every parameter set in SYNTAX' {
        $inCode = @($command.ParameterSets.Name | Sort-Object)
        $inDocs = @(Get-DocSyntaxSetName $page | Sort-Object)
        if ($inCode.Count -eq 1 -and $inCode[0] -eq '__AllParameterSets' -and $inDocs.Count -eq 0) { return }  # one set: a heading is optional
        $inDocs | Should -Be $inCode
    }

    It 'has a synopsis, parameters and an example in Get-Help -Full' {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name\s"   # not the auto-generated syntax line
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        $documented = @($help.Parameters.Parameter.Name)
        foreach ($parameter in $documentable) {
            $documented | Should -Contain $parameter
            ($help.Parameters.Parameter | Where-Object Name -eq $parameter).Description.Text | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'Module help' {
    It 'prints the examples of Restart-DqcJob' {
        $text = Get-Help Restart-DqcJob -Examples | Out-String
        $text | Should -Match 'Example 1'
        $text | Should -Match "'1440764172232392705', '1283480044387540993' \| Restart-DqcJob"
    }

    It 'has the about topic' {
        $outRoot = Join-Path $RepoRoot 'out'
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = $outRoot + [System.IO.Path]::PathSeparator + $env:PSModulePath
            $about = Get-Help about_DataArtsQuality | Out-String
        }
        finally {
            $env:PSModulePath = $saved
        }
        $about | Should -Match 'SHORT DESCRIPTION'
        $about | Should -Match 'Connect-DqcWorkspace'
    }

    It 'has no problems in the markdown' {
        Import-Module (Join-Path $RepoRoot 'tools/HelpBuilder.psm1') -Force
        $problems = @(Test-DqcHelpMarkdown $docs | Where-Object Severity -eq 'Error')
        ($problems | Out-String) | Should -BeNullOrEmpty
    }
}
