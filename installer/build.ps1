# Builds the Windows program folder and installer for Luoshi Ledger (docs\INSTALL.md, step by step).
#
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1
#
# Steps: (0) check that Inno Setup and ChineseSimplified.isl are there; (1) a build environment in build\venv from the pinned files requirements.lock and
# installer\requirements-build.lock; (2) PyInstaller -> dist\LuoshiLedger\; (3) the program's
# self-test; (4) Inno Setup -> dist\LuoshiLedger-<version>-setup.exe; (5) a portable zip.
#
# Options:
#   -Python <path>   python.exe 3.11 to use (default: the "py -3.11" launcher, then python.exe)
#   -SkipSelfTest    do not run LuoshiLedger-cli.exe --self-test after building
#   -SkipInstaller   stop after the program folder (no Inno Setup needed)
#   -SkipZip         do not make the portable zip
#
# This file is plain ASCII on purpose: Windows PowerShell 5.1 misreads UTF-8 without a BOM.

[CmdletBinding()]
param(
    [string]$Python = "",
    [switch]$SkipSelfTest,
    [switch]$SkipInstaller,
    [switch]$SkipZip
)

$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..")
Set-Location $Root
$started = Get-Date

function Step([string]$text) { Write-Host ""; Write-Host "==> $text" -ForegroundColor Cyan }
function Fail([string]$text) { Write-Host "ERROR: $text" -ForegroundColor Red; exit 1 }
function Check([string]$what) { if ($LASTEXITCODE -ne 0) { Fail "$what failed (exit code $LASTEXITCODE)" } }

# --- 0. Before minutes of building: are Inno Setup and its Chinese wizard text there? -------
$iscc = $null
if (-not $SkipInstaller) {
    $iscc = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $iscc) {
        Fail "Inno Setup 6 (ISCC.exe) not found. Install it from jrsoftware.org (docs\INSTALL.md, section 2) or use -SkipInstaller."
    }
    $innoDir = Split-Path $iscc
    $isl = @(
        (Join-Path $Root "installer\ChineseSimplified.isl"),
        (Join-Path $innoDir "Languages\ChineseSimplified.isl"),
        (Join-Path $innoDir "Languages\Unofficial\ChineseSimplified.isl")
    ) | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $isl) {
        Fail "ChineseSimplified.isl not found in installer\ nor in $innoDir\Languages. See docs\INSTALL.md, section 2, item 3."
    }
    Write-Host "Inno Setup: $iscc; Chinese wizard text: $isl"
}

# --- 1. Python 3.11 and the build environment ----------------------------------------------
Step "Finding Python 3.11 (64-bit)"
$pyCmd = @()
if ($Python) {
    $pyCmd = @($Python)
} elseif (Get-Command py -ErrorAction SilentlyContinue) {
    $pyCmd = @("py", "-3.11")
} elseif (Get-Command python -ErrorAction SilentlyContinue) {
    $pyCmd = @("python")
} else {
    Fail "Python 3.11 not found. Install python-3.11.x-amd64.exe from python.org (see docs\INSTALL.md)."
}
$pyExe = $pyCmd[0]
$pyArgs = @($pyCmd | Select-Object -Skip 1)
$version = & $pyExe @pyArgs -c "import platform, sys; print(sys.version_info[:2] == (3, 11) and platform.architecture()[0] == '64bit')"
if ($LASTEXITCODE -ne 0 -or $version -ne "True") {
    Fail "Python 3.11 64-bit is required ($($pyCmd -join ' ') is not). Use -Python C:\path\to\python.exe"
}

$venv = Join-Path $Root "build\venv"
$venvPy = Join-Path $venv "Scripts\python.exe"
if (-not (Test-Path $venvPy)) {
    Step "Creating the build environment in build\venv"
    & $pyExe @pyArgs -m venv $venv
    Check "python -m venv"
}
$lockText = (Get-Content requirements.lock -Raw) + (Get-Content installer\requirements-build.lock -Raw)
$sha = [System.Security.Cryptography.SHA256]::Create()
$wantHash = [BitConverter]::ToString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes($lockText))) -replace "-", ""
$stamp = Join-Path $venv "installed.txt"
if (-not (Test-Path $stamp) -or (Get-Content $stamp -Raw).Trim() -ne $wantHash) {
    Step "Installing the pinned packages (needs the internet or a local package mirror)"
    & $venvPy -m pip install --disable-pip-version-check -r requirements.lock -r installer\requirements-build.lock
    Check "pip install"
    Set-Content -Path $stamp -Value $wantHash -Encoding ASCII
}
$appVersion = (& $venvPy -c "import desktop; print(desktop.__version__)").Trim()
Check "reading the version"

# --- 2. PyInstaller ------------------------------------------------------------------------
Step "Building dist\LuoshiLedger (PyInstaller, one folder); this takes several minutes"
& $venvPy -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\luoshi.spec
Check "PyInstaller"
$bundle = Join-Path $Root "dist\LuoshiLedger"
$sizeMB = [math]::Round(((Get-ChildItem $bundle -Recurse -File | Measure-Object Length -Sum).Sum) / 1MB)
$commit = "unknown"
try { $commit = (git rev-parse --short HEAD 2>$null) } catch { }  # git is optional
@(
    "Luoshi Ledger $appVersion",
    "commit: $commit",
    "built: $((Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')) on Windows, $(& $venvPy --version)",
    "size: $sizeMB MB"
) | Set-Content -Path (Join-Path $bundle "BUILD-INFO.txt") -Encoding ASCII
Write-Host "Program folder: $bundle ($sizeMB MB)"

# --- 3. Self-test ----------------------------------------------------------------------------
if (-not $SkipSelfTest) {
    Step "Running the self-test of the built program"
    & (Join-Path $bundle "LuoshiLedger-cli.exe") --self-test
    Check "The self-test"
}

# --- 4. Inno Setup -------------------------------------------------------------------------
if (-not $SkipInstaller) {
    Step "Making the installer with Inno Setup"
    & $iscc /Q "/DAppVersion=$appVersion" installer\luoshi.iss
    Check "Inno Setup"
    $setup = Join-Path $Root "dist\LuoshiLedger-$appVersion-setup.exe"
    $hash = (Get-FileHash $setup -Algorithm SHA256).Hash
    $setupMB = [math]::Round((Get-Item $setup).Length / 1MB)
    "$hash  LuoshiLedger-$appVersion-setup.exe" | Set-Content -Path "$setup.sha256" -Encoding ASCII
    Write-Host "Installer: $setup ($setupMB MB)"
    Write-Host "SHA-256:   $hash"
}

# --- 5. Portable zip -----------------------------------------------------------------------
if (-not $SkipZip) {
    Step "Making the portable zip (unzip anywhere, add portable.txt to keep data beside it)"
    $zip = Join-Path $Root "dist\LuoshiLedger-$appVersion-portable.zip"
    if (Test-Path $zip) { Remove-Item $zip }
    Compress-Archive -Path $bundle -DestinationPath $zip -CompressionLevel Optimal
    Write-Host "Portable zip: $zip"
}

$minutes = [math]::Round(((Get-Date) - $started).TotalMinutes, 1)
Step "Done in $minutes minutes. Copy the files in dist\ to the USB stick (docs\INSTALL.md, section 4)."
