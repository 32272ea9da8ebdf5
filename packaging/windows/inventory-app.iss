; Inno Setup 6 script: the Windows installer of the one-folder build.
;   1. packaging\build.ps1           (makes dist\inventory-app\)
;   2. iscc packaging\windows\inventory-app.iss /DAppVersion=0.1.0
; -> dist\inventory-app-setup-0.1.0.exe
;
; Per user (no administrator rights, %LOCALAPPDATA%\Programs) or for all users
; (Program Files): the setup asks. The data folder (%LOCALAPPDATA%\inventory-app: database,
; logs, backups) is never installed, changed or removed here: uninstalling keeps it, and an
; upgrade only replaces the program files. A running program is closed before an upgrade
; (Restart Manager, and the AppMutex below makes the setup wait for it).
; tests/integration/test_installer_script.py checks that every file named here exists in
; the built bundle.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "inventory-app.exe"
#define CliExe "inventory-app-cli.exe"
#define Bundle "..\..\dist\inventory-app"

[Setup]
AppId={{6E0C7B0A-2F4B-4C53-9D3B-7A1E1C5B9E21}
AppName=应急物资储备管理系统
AppVersion={#AppVersion}
AppPublisher=中卫市应急管理局
DefaultDirName={autopf}\EmergencyReserve
DefaultGroupName=应急物资储备管理系统
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile={#Bundle}\_internal\resources\icons\inventory-app.ico
OutputDir=..\..\dist
OutputBaseFilename=inventory-app-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Per user by default (no UAC prompt); the dialog offers "for all users" to administrators.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
CloseApplications=force
RestartApplications=no
AppMutex=inventory-app-running

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DesktopIcon=在桌面创建快捷方式
english.DesktopIcon=Create a desktop shortcut
chinesesimplified.CliShortcut=命令行工具（备份、校验）
english.CliShortcut=Command line (backup, verify)
chinesesimplified.DataKept=您的数据（%LOCALAPPDATA%\inventory-app）已保留，未被删除。
english.DataKept=Your data (%LOCALAPPDATA%\inventory-app) was kept, not deleted.
chinesesimplified.LaunchApp=启动应急物资储备管理系统
english.LaunchApp=Start the Emergency Reserve Manager

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the libraries wholesale (a Qt plugin dropped by the new build must go).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\应急物资储备管理系统"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\_internal\resources\icons\inventory-app.ico"
Name: "{group}\{cm:CliShortcut}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,应急物资储备管理系统}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\应急物资储备管理系统"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\_internal\resources\icons\inventory-app.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote under {app}; the data folder is elsewhere and stays.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('DataKept'), mbInformation, MB_OK);
end;
