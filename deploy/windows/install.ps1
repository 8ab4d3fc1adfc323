<#
.SYNOPSIS
  Clinic Companion bridge: install for the current Windows user (no administrator rights needed).
.DESCRIPTION
  - copies the bridge bundle (this folder, from `npm run build` → .output\bridge) to
    %LOCALAPPDATA%\ClinicCompanion\bridge
  - registers the native messaging host for Google Chrome and Microsoft Edge under HKCU, with
    lib\host-registration.mjs: the same code the bridge runs at every start
  - starts the bridge at every logon of this user, hidden (a scheduled task; the HKCU Run key
    when the task cannot be created), logging to %LOCALAPPDATA%\ClinicCompanion\logs
  Needs Node.js 20 or later: node.exe beside this script, -Node C:\path\node.exe, or on PATH.
  The PC/SC addon node_modules\smartcard\build\Release\smartcard_napi.node must be the Windows
  x64 build (docs/deployment.md, "The PC/SC addon on Windows").
.EXAMPLE
  powershell -NoProfile -ExecutionPolicy Bypass -File install.ps1
#>
param(
  [string]$From = $PSScriptRoot,
  [string]$Node,
  [switch]$NoStart
)
$ErrorActionPreference = 'Stop'
$TaskName = 'Clinic Companion bridge'
$RunValue = 'ClinicCompanionBridge'
$Root = Join-Path $env:LOCALAPPDATA 'ClinicCompanion'
$Dest = Join-Path $Root 'bridge'
$Logs = Join-Path $Root 'logs'

if (-not (Test-Path (Join-Path $From 'main.mjs'))) { throw "No bridge bundle in $From (npm run build writes .output\bridge)" }
if (-not $Node) {
  $beside = Join-Path $From 'node.exe'
  if (Test-Path $beside) { $Node = $beside } else { $Node = (Get-Command node.exe -ErrorAction Stop).Source }
}
$major = [int](& $Node -p "process.versions.node.split('.')[0]")
if ($major -lt 20) { throw "Node.js $major is too old: 20 or later is needed" }
$version = (Get-Content -Raw (Join-Path $From 'package.json') | ConvertFrom-Json).version

# A Linux build of the addon cannot load on Windows: a PE file starts with 'MZ'.
$addon = Join-Path $From 'node_modules\smartcard\build\Release\smartcard_napi.node'
$head = [System.IO.File]::ReadAllBytes($addon)[0..1]
if ($head[0] -ne 0x4D -or $head[1] -ne 0x5A) {
  Write-Warning 'The PC/SC addon in this bundle is not a Windows build: the bridge will run, but report the card service as not running. See docs/deployment.md.'
}

# Stop a running bridge before its files are replaced.
Stop-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue
Get-CimInstance Win32_Process -Filter "Name = 'node.exe'" |
  Where-Object { $_.CommandLine -like "*$Dest\main.mjs*" } |
  ForEach-Object { Stop-Process -Id $_.ProcessId -Force }

New-Item -ItemType Directory -Force -Path $Root, $Logs | Out-Null
$staging = "$Dest.new"
if (Test-Path $staging) { Remove-Item -Recurse -Force $staging }
Copy-Item -Recurse -Path $From -Destination $staging
if (Test-Path $Dest) { Remove-Item -Recurse -Force $Dest }
Rename-Item -Path $staging -NewName 'bridge'
if ($Node -like "$From\*") { $Node = Join-Path $Dest (Split-Path -Leaf $Node) }

# The runner: node hidden, its output in the log folder (the previous run's kept as .1).
$runner = Join-Path $Dest 'run-bridge.ps1'
@"
# Clinic Companion bridge $version, written by install.ps1.
`$out = '$Logs\bridge.log'
`$err = '$Logs\bridge-stderr.log'
foreach (`$f in `$out, `$err) { if (Test-Path `$f) { Move-Item -Force `$f "`$f.1" } }
`$p = Start-Process -FilePath '$Node' -ArgumentList '"$Dest\main.mjs"' -WorkingDirectory '$Dest' -WindowStyle Hidden -RedirectStandardOutput `$out -RedirectStandardError `$err -PassThru -Wait
exit `$p.ExitCode
"@ | Set-Content -Encoding UTF8 -Path $runner
$command = "-NoProfile -NonInteractive -WindowStyle Hidden -ExecutionPolicy Bypass -File `"$runner`""

& $Node (Join-Path $Dest 'lib\host-registration.mjs') register
if ($LASTEXITCODE -ne 0) { throw 'Registering the native messaging host failed' }

$user = "$env:USERDOMAIN\$env:USERNAME"
try {
  $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $command
  $trigger = New-ScheduledTaskTrigger -AtLogOn -User $user
  $settings = New-ScheduledTaskSettingsSet -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries `
    -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 3 -RestartInterval (New-TimeSpan -Minutes 1) -MultipleInstances IgnoreNew
  $principal = New-ScheduledTaskPrincipal -UserId $user -LogonType Interactive -RunLevel Limited
  Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Settings $settings -Principal $principal -Force | Out-Null
  Remove-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name $RunValue -ErrorAction SilentlyContinue
  $autostart = "scheduled task '$TaskName'"
} catch {
  # Some policies forbid users their own logon tasks: the Run key needs no rights at all.
  Set-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name $RunValue -Value "powershell.exe $command"
  $autostart = "HKCU Run value '$RunValue'"
}

if (-not $NoStart) {
  if ($autostart -like 'scheduled task*') { Start-ScheduledTask -TaskName $TaskName }
  else { Start-Process -FilePath 'powershell.exe' -ArgumentList $command -WindowStyle Hidden }
}
Write-Output "Clinic Companion bridge $version installed in $Dest (autostart: $autostart; logs: $Logs)."
