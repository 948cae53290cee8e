"""The unlock window's part in two devices, one vault (issue 14).

- ``externalChangeBanner``: the vault was changed on another device (a sync tool
  replaced the file under the open app), so the app locked; unlocking opens the new
  file and puts the draft back.
- A fresh writer lock from another device (a lock file that came with the vault
  through the sync tool, its holder alive recently): "open on LAPTOP since 14:02:
  opening here as well may leave a conflict copy", with Open read-only
  (``openReadOnlyButton``, also Enter) and Open anyway (``openAnywayButton``) in place
  of Unlock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from alliance_desktop.gui.common.banner import Banner

if TYPE_CHECKING:  # pragma: no cover
    from alliance_desktop.gui.unlock.window import UnlockWindow
    from alliance_desktop.vault.writer_lock import LockHolder


class UnlockDevices(QObject):
    """The banners and the read-only/anyway choice on the unlock page."""

    def __init__(self, window: UnlockWindow) -> None:
        super().__init__(window)
        self.setObjectName("unlockDevices")
        self.w = window
        ui = window.ui
        self.externalBanner = Banner("externalChangeBanner", ui.unlockColumn)
        self.deviceBanner = Banner("deviceLockBanner", ui.unlockColumn)
        self.openReadOnlyButton = self.deviceBanner.addButton(
            "openReadOnlyButton", self.tr("Open &read-only")
        )
        self.openAnywayButton = self.deviceBanner.addButton(
            "openAnywayButton", self.tr("Open &anyway")
        )
        layout = ui.unlockColumnLayout
        at = layout.indexOf(ui.passphraseLabel)
        layout.insertWidget(at, self.deviceBanner)
        layout.insertWidget(at, self.externalBanner)
        self.openReadOnlyButton.clicked.connect(lambda: self._open(read_only=True))
        self.openAnywayButton.clicked.connect(lambda: self._open(read_only=False))
        #: How the next unlock opens the vault: read-only while another device has it.
        self.readOnly = False
        self.holder: LockHolder | None = None

    def showExternalChange(self) -> None:
        self.externalBanner.say(
            self.tr("This vault was changed on another device: unlock again to see the changes")
        )

    def externalChangeShown(self) -> bool:
        return self.externalBanner.isVisibleTo(self.w)

    def refresh(self) -> None:
        """Look at the lock file beside the vault: another device's fresh lock offers
        the choice instead of Unlock."""
        from alliance_desktop.vault.writer_lock import other_device

        self.holder = holder = other_device(self.w.vaultPath())
        self.w.ui.unlockButton.setVisible(holder is None)
        self.readOnly = holder is not None
        if holder is None:
            self.deviceBanner.clear()
            return
        since = holder.since.astimezone().strftime("%H:%M")
        self.deviceBanner.say(
            self.tr("open on {device} since {time}: opening here as well may leave a conflict copy")
            .format(device=holder.device, time=since)
        )  # fmt: skip
        self.openReadOnlyButton.setDefault(True)

    def _open(self, *, read_only: bool) -> None:
        self.readOnly = read_only
        self.w._submit()


__all__ = ["UnlockDevices"]
