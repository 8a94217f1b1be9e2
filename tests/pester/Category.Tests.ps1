BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '10', '--comparison-jobs', '3'
    Connect-TestWorkspace $emulator
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Get-DqcCategory' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'returns the documented root with its subtree, paging by offset until an empty page' {
        $roots = @(Get-DqcCategory)
        $roots.Count | Should -Be 1
        $roots[0] | Should -BeOfType DataArtsQuality.Models.DqcCategory
        $roots[0].Id | Should -BeExactly '0'
        $roots[0].Name | Should -Be 'All'
        $roots[0].Type | Should -Be 'built_in'
        $roots[0].ParentId | Should -BeExactly '-1'
        $roots[0].Children.Name | Should -Be @('finance', 'marketing')
        $roots[0].Children[0].Children[0].Id | Should -BeExactly '1012384968858652711'
        # The body is a bare array without a total: a short page does not end the list, an empty one does.
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.Count | Should -Be 2
        $requests[0].method | Should -Be 'GET'
        $requests[0].path | Should -Be "/v2/$($emulator.ProjectId)/quality/categories"
        $requests.query | Should -Be @('?limit=100&offset=0', '?limit=100&offset=1')
        $requests[0].headers.accept | Should -Be 'application/json'
    }

    It 'lists every category with its path, depth and exact ID with -Flatten' {
        $all = @(Get-DqcCategory -Flatten)
        $all.Path | Should -Be @('All', 'All/finance', 'All/finance/daily', 'All/marketing')
        $all.Depth | Should -Be @(0, 1, 2, 1)
        $all[2].Id | Should -BeExactly '1012384968858652711'
        $all[2].ParentId | Should -BeExactly '1012384968858652701'
    }

    It 'shows a table with the path' {
        (Get-DqcCategory -Flatten | Format-Table | Out-String) | Should -Match 'All/finance/daily'
    }
}
