; Inno Setup 6 script for 落实台账 (Luoshi Ledger): a per-user installer that needs no administrator.
; Build it with installer\build.ps1 (which passes the version), or by hand after PyInstaller:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\luoshi.iss
; Input: dist\LuoshiLedger\ (the PyInstaller bundle). Output: dist\LuoshiLedger-<version>-setup.exe.
; This file is UTF-8 with a byte-order mark, so the compiler reads its Chinese text correctly.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "落实台账"
#define AppExe "LuoshiLedger.exe"
#define AppCli "LuoshiLedger-cli.exe"
#define BundleDir SourcePath + "..\dist\LuoshiLedger"
#define BackupProgId "LuoshiLedger.Backup"

; The Chinese (Simplified) wizard text is a user-contributed translation, ChineseSimplified.isl
; (see docs\INSTALL.md for where to get it). It is looked for beside this script first, then in
; the Inno Setup installation's Languages folder (newer releases) and Languages\Unofficial.
#if FileExists(SourcePath + "ChineseSimplified.isl")
  #define ChineseMessages SourcePath + "ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: put it in the installer folder (see docs\INSTALL.md)
#endif

#if !FileExists(BundleDir + "\" + AppExe)
  #error dist\LuoshiLedger\LuoshiLedger.exe not found: run PyInstaller first (installer\build.ps1)
#endif

[Setup]
; Never change AppId: it is how a new version finds and replaces the old one.
AppId={{EDF311F0-822B-40BC-A9C9-E84418B80F07}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
; Per user, without administrator rights: the program goes to %LOCALAPPDATA%\Programs and
; the shortcuts, file type and uninstall entry to the current user only (HKCU).
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\LuoshiLedger
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
; PySide6 6.12 (Qt 6) runs on 64-bit Windows 10 1809 (build 17763) or later.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#SourcePath}..\dist
OutputBaseFilename=LuoshiLedger-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
; The red seal with 台账 (resources\icons\make_icons.py draws it); the program and .lsbak files
; carry the same icon from inside LuoshiLedger.exe (set by installer\luoshi.spec).
SetupIconFile={#SourcePath}..\resources\icons\luoshi.ico
; Close a running copy (it holds files in {app}) before replacing them.
CloseApplications=yes
RestartApplications=no
ChangesAssociations=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"

[CustomMessages]
chinesesimplified.SelfTest=落实台账 自检
chinesesimplified.SelfTestComment=检查本机安装是否完整（导入示例、生成报告、打开窗口），不改动您的数据
chinesesimplified.BackupFileType=落实台账备份文件
chinesesimplified.AssociateBackups=双击 .lsbak 备份文件时用落实台账打开(&B)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "associate"; Description: "{cm:AssociateBackups}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; A new version replaces the whole program folder's contents, so files an older version had
; (such as database migration scripts) never linger. User data is not under {app} unless
; portable, and then it is in {app}\data, which is left alone.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k """"{app}\{#AppCli}"" --self-test"""; WorkingDir: "{app}"; Comment: "{cm:SelfTestComment}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; The backup file type, for the current user only (HKCU\Software\Classes), removed on uninstall.
Root: HKCU; Subkey: "Software\Classes\.lsbak"; ValueType: string; ValueName: ""; ValueData: "{#BackupProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\.lsbak\OpenWithProgids"; ValueType: string; ValueName: "{#BackupProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\{#BackupProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:BackupFileType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\{#BackupProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\{#BackupProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may have written into its own folder. The officer's data in
; %LOCALAPPDATA%\LuoshiLedger (or {app}\data in portable mode) is never deleted.
Type: filesandordirs; Name: "{app}\_internal\desktop\models\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\desktop\models\migrations\versions\__pycache__"
