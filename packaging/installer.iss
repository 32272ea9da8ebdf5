; Inno Setup script for the Windows installer. Build the PyInstaller folder first
; (packaging/inventory_app.spec), then: iscc packaging\installer.iss
[Setup]
AppName=应急物资储备管理系统
AppVersion=0.1.0
DefaultDirName={autopf}\EmergencyReserve
DefaultGroupName=应急物资储备管理系统
OutputBaseFilename=inventory-app-setup
Compression=lzma2
SolidCompression=yes
; The database lives in the user's data folder (%LOCALAPPDATA%\inventory-app), never in
; Program Files, so upgrades and uninstalls leave it alone.
PrivilegesRequired=lowest

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\inventory-app\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\应急物资储备管理系统"; Filename: "{app}\inventory-app.exe"
Name: "{autodesktop}\应急物资储备管理系统"; Filename: "{app}\inventory-app.exe"
