<#
.SYNOPSIS
  Clinic Companion bridge: uninstall for the current Windows user.
.DESCRIPTION
  Stops the bridge, removes its autostart (scheduled task or HKCU Run value), the native
  messaging host (HKCU keys for Chrome and Edge and the host files), the bundle and logs
  (%LOCALAPPDATA%\ClinicCompanion) and the configuration (%APPDATA%\ClinicCompanion: token,
  bridge.json, trust anchors) unless -KeepConfig. The export folder is removed only when empty:
  exported journal PDFs are the user's, never deleted here.
#>
param([switch]$KeepConfig)
$ErrorActionPreference = 'Stop'
$TaskName = 'Clinic Companion bridge'
$Root = Join-Path $env:LOCALAPPDATA 'ClinicCompanion'
$Dest = Join-Path $Root 'bridge'
$Config = Join-Path $env:APPDATA 'ClinicCompanion'

Stop-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue
Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false -ErrorAction SilentlyContinue
Remove-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'ClinicCompanionBridge' -ErrorAction SilentlyContinue
Get-CimInstance Win32_Process -Filter "Name = 'node.exe'" |
  Where-Object { $_.CommandLine -like "*$Dest\main.mjs*" } |
  ForEach-Object { Stop-Process -Id $_.ProcessId -Force }

# The export folder, before the configuration that may name it is gone.
$exportDir = $env:CLINIC_BRIDGE_EXPORT_DIR
$configFile = Join-Path $Config 'bridge.json'
if (-not $exportDir -and (Test-Path $configFile)) { $exportDir = (Get-Content -Raw $configFile | ConvertFrom-Json).exportDir }
if (-not $exportDir) { $exportDir = Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'Clinic Companion' }

$node = Get-ChildItem -Path $Dest -Filter node.exe -ErrorAction SilentlyContinue | Select-Object -First 1
$nodePath = if ($node) { $node.FullName } else { (Get-Command node.exe -ErrorAction SilentlyContinue).Source }
$registration = Join-Path $Dest 'lib\host-registration.mjs'
if ($nodePath -and (Test-Path $registration)) {
  & $nodePath $registration remove
} else {
  foreach ($vendor in 'Google\Chrome', 'Microsoft\Edge') {
    Remove-Item -Path "HKCU:\Software\$vendor\NativeMessagingHosts\se.cliniccompanion.bridge" -ErrorAction SilentlyContinue
  }
  Remove-Item -Recurse -Force (Join-Path $Config 'native-host') -ErrorAction SilentlyContinue
}

Remove-Item -Recurse -Force $Root -ErrorAction SilentlyContinue
if ($KeepConfig) {
  Remove-Item -Force (Join-Path $Config 'bridge-endpoint.json'), (Join-Path $Config 'bridge-endpoint.reply') -ErrorAction SilentlyContinue
  Write-Output "Kept $Config (token, bridge.json, trust anchors)."
} else {
  Remove-Item -Recurse -Force $Config -ErrorAction SilentlyContinue
}
if (Test-Path $exportDir) {
  if (@(Get-ChildItem -Force $exportDir).Count -eq 0) { Remove-Item $exportDir }
  else { Write-Output "Kept $exportDir: it holds exported files (the user's, never deleted by uninstall)." }
}
Write-Output 'Clinic Companion bridge uninstalled.'
