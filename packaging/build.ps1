# Build the one-folder bundle dist\inventory-app\ on Windows (the same as build.sh on Linux),
# then the installer. From the repository root, in PowerShell:
#
#   py -3.11 -m venv build\venv
#   build\venv\Scripts\python -m pip install --upgrade pip
#   build\venv\Scripts\python -m pip install . "pyinstaller>=6.10"
#   build\venv\Scripts\pyinstaller --noconfirm --clean --workpath build --distpath dist packaging\inventory_app.spec
#
# Result: dist\inventory-app\inventory-app.exe (the window, no console),
#         dist\inventory-app\inventory-app-cli.exe (the command line), and _internal\.
# Check it on a PC without Python (or in Windows Sandbox): copy the folder, then
#
#   .\inventory-app-cli.exe --db $env:TEMP\smoke.sqlite3 init --demo
#   $env:INVENTORY_PASSWORD = "demo1234"
#   .\inventory-app-cli.exe --db $env:TEMP\smoke.sqlite3 --user admin verify
#   $env:INVENTORY_USER = "keeper_city"
#   .\inventory-app.exe --db $env:TEMP\smoke.sqlite3 --smoke ; echo $LASTEXITCODE   # 0
#
# Installer (Inno Setup 6, https://jrsoftware.org/isinfo.php):
#
#   & "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\inventory-app.iss
#
# -> dist\inventory-app-setup-0.1.0.exe. Take the version from pyproject.toml.

$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
$start = Get-Date
if (-not (Test-Path build\venv\Scripts\python.exe)) { py -3.11 -m venv build\venv }
build\venv\Scripts\python -m pip install -q --upgrade pip
build\venv\Scripts\python -m pip install -q . "pyinstaller>=6.10"
if (Test-Path dist\inventory-app) { Remove-Item -Recurse -Force dist\inventory-app }
build\venv\Scripts\pyinstaller --noconfirm --clean --log-level WARN --workpath build --distpath dist packaging\inventory_app.spec
$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
$size = "{0:N0} MB" -f ((Get-ChildItem -Recurse dist\inventory-app | Measure-Object -Sum Length).Sum / 1MB)
Write-Host "bundle: dist\inventory-app ($size), built in $([int]((Get-Date) - $start).TotalSeconds) s"
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (Test-Path $iscc) { & $iscc "/DAppVersion=$version" packaging\windows\inventory-app.iss }
else { Write-Host "Inno Setup 6 not found: the installer step is skipped" }
