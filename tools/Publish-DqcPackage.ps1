<#
.SYNOPSIS
Publishes a staged module folder to a local file repository with PSResourceGet, producing <Name>.<version>.nupkg.
.DESCRIPTION
Run it in a child pwsh whose HOME (and LOCALAPPDATA) point at a scratch folder: registering a repository writes to
the user's PSResourceGet store, and a build must not change the user's machine.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $RepositoryPath,
    [string] $RepositoryName = 'DataArtsQualityLocal'
)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet
$null = New-Item -ItemType Directory -Path $RepositoryPath -Force
if (-not (Get-PSResourceRepository -Name $RepositoryName -ErrorAction SilentlyContinue)) {
    Register-PSResourceRepository -Name $RepositoryName -Uri $RepositoryPath -Trusted
}
Publish-PSResource -Path $ModulePath -Repository $RepositoryName
