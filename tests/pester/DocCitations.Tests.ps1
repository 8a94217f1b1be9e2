# A comment that cites a document cites one in this repository: every *.md named in a comment of src/ or tests/ exists,
# and a section named after it ("docs/service-notes.md, Paging" or docs/emulator.md ("Seed files")) is a heading of
# that file. Comments only: C# // and /// lines, PowerShell comments (by the tokenizer, so '#' in strings is not one),
# XML <!-- --> in project and format files.
BeforeDiscovery {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
}

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

    # The text of every comment of a file, one string per comment block (consecutive comment lines joined).
    function script:Get-CommentText([string] $Path) {
        $ext = [IO.Path]::GetExtension($Path)
        if ($ext -eq '.cs') {
            $block = [System.Collections.Generic.List[string]]::new()
            foreach ($line in [IO.File]::ReadAllLines($Path)) {
                $trimmed = $line.TrimStart()
                if ($trimmed.StartsWith('//')) { $block.Add($trimmed.TrimStart('/').Trim()); continue }
                if ($block.Count) { $block -join ' '; $block.Clear() }
                $at = $line.IndexOf(' // ')
                if ($at -ge 0) { $line.Substring($at + 4).Trim() }
            }
            if ($block.Count) { $block -join ' ' }
        }
        elseif ($ext -in '.ps1', '.psm1', '.psd1') {
            $tokens = $null; $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $tokens, [ref] $errors)
            $lastLine = -2
            $block = [System.Collections.Generic.List[string]]::new()
            foreach ($t in $tokens | Where-Object Kind -eq 'Comment') {
                if ($t.Extent.StartLineNumber -ne $lastLine + 1 -and $block.Count) { $block -join ' '; $block.Clear() }
                $block.Add(($t.Text -replace '^<#|#>$|^#', '').Trim())
                $lastLine = $t.Extent.EndLineNumber
            }
            if ($block.Count) { $block -join ' ' }
        }
        else {
            [regex]::Matches([IO.File]::ReadAllText($Path), '(?s)<!--(.*?)-->') | ForEach-Object { $_.Groups[1].Value -replace '\s+', ' ' }
        }
    }

    function script:Get-Heading([string] $MdPath) {
        Select-String -Path $MdPath -Pattern '^#{1,6}\s+(.+?)\s*$' | ForEach-Object { $_.Matches[0].Groups[1].Value }
    }

    # Every citation that does not hold: file, cited name, why.
    function script:Get-BrokenCitation([IO.FileInfo[]] $Files) {
        foreach ($file in $Files) {
            $relative = [IO.Path]::GetRelativePath($RepoRoot, $file.FullName) -replace '\\', '/'
            foreach ($comment in Get-CommentText $file.FullName) {
                foreach ($m in [regex]::Matches($comment, '[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md\b')) {
                    $cited = $m.Value
                    $candidates = if ($cited.Contains('/')) { @(Join-Path $RepoRoot $cited) }
                    else { @((Join-Path $RepoRoot $cited), (Join-Path $file.DirectoryName $cited), (Join-Path $RepoRoot "docs/$cited")) }
                    $target = $candidates | Where-Object { Test-Path $_ -PathType Leaf } | Select-Object -First 1
                    if (-not $target) {
                        [pscustomobject]@{ File = $relative; Cite = $cited; Problem = "no such file in the repository: $comment" }
                        continue
                    }
                    $rest = $comment.Substring($m.Index + $m.Length)
                    $section = if ($rest -match '^\s*\("([^"]+)"\)') { $Matches[1] } elseif ($rest -match '^, (\S.*)') { $Matches[1] } else { $null }
                    if (-not $section) { continue }
                    $headings = @(Get-Heading $target)
                    $exact = $rest -match '^\s*\("'
                    $found = $headings | Where-Object { if ($exact) { $_ -eq $section } else { $section.StartsWith($_, [StringComparison]::Ordinal) } }
                    if (-not $found) {
                        [pscustomobject]@{ File = $relative; Cite = $cited; Problem = "no heading of $cited starts '$section'" }
                    }
                }
            }
        }
    }
}

Describe 'Citations of documents in comments' {
    BeforeAll {
        $files = Get-ChildItem (Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'tests') -Recurse -File -Include *.cs, *.ps1, *.psm1, *.psd1, *.csproj, *.ps1xml |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
        $script:broken = @(Get-BrokenCitation $files)
    }

    It 'cite only files and headings that exist in the repository' {
        @($broken | ForEach-Object { "$($_.File): $($_.Problem)" }) | Should -BeNullOrEmpty
    }

    It 'finds a citation it should refuse (the check itself works)' {
        $probe = Join-Path $TestDrive 'Probe.cs'
        Set-Content $probe "/// See dqc-api.md and docs/service-notes.md, No Such Heading; docs/service-notes.md, Paging is fine.`nclass P { }"
        $found = @(Get-BrokenCitation (Get-Item $probe))
        $found.Cite | Should -Be 'dqc-api.md', 'docs/service-notes.md'
        $found[1].Problem | Should -Match 'No Such Heading'
    }
}
