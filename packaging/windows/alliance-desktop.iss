; Inno Setup script for Alliance Desktop on Windows (Inno Setup 6).
;
; Packs the PyInstaller one-folder build (dist\alliance-desktop\) into a per-user
; installer: no administrator rights, installed under %LOCALAPPDATA%\Programs.
; The version is not written here; pass the one from alliance_desktop\__init__.py:
;
;   for /f %v in ('python -c "import alliance_desktop; print(alliance_desktop.__version__)"') do ^
;     iscc /DAppVersion=%v packaging\windows\alliance-desktop.iss
;
; Uninstalling removes the program files only. The vault lives in
; %LOCALAPPDATA%\AllianceDesktop\ (or wherever --vault points) and stays in place.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (see packaging/README.md)
#endif

#define AppName "Alliance Desktop"
#define AppExe "alliance-desktop.exe"
#define AppId "org.alliancedesktop.AllianceDesktop"

[Setup]
; A fixed AppId lets later versions upgrade this install in place.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Alliance Desktop developers
AppCopyright=Copyright (C) 2026 Alliance Desktop developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=AllianceDesktop-{#AppVersion}-setup
SetupIconFile=packaging\windows\alliance-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\alliance-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entries: only the files installed above are removed, never
; %LOCALAPPDATA%\AllianceDesktop (the vault and its backups).
