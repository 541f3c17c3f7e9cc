#!/usr/bin/env bash
# Boots a built kiosk image under qemu-system-aarch64 (software emulation, "virt" board) as a smoke
# test: the image's own kernel and initramfs (taken from its FAT boot partition with mtools, no
# mount), its read-only root and data partition, user-mode network (the host is 10.0.2.2 inside).
# The disk is opened with snapshot=on, so the image file is never changed.
#
#   images/boot-qemu.sh out/image/tcd-kiosk-<version>-arm64.img [seconds]   (default 900)
#
# Prints the console; exits 0 once systemd reports "Reached target" multi-user (or graphical),
# 1 on timeout. Needs: qemu-system-arm mtools (qemu-efi-aarch64 is not needed: direct kernel boot).
set -euo pipefail
IMG="${1:?usage: boot-qemu.sh IMAGE [seconds]}"
LIMIT="${2:-900}"
command -v qemu-system-aarch64 >/dev/null || { echo "boot-qemu.sh: install qemu-system-arm" >&2; exit 2; }
command -v mcopy >/dev/null || { echo "boot-qemu.sh: install mtools" >&2; exit 2; }

WORK="$(mktemp -d /var/tmp/tcd-boot-qemu.XXXXXX)"
QEMU_PID=""
cleanup() { [ -n "$QEMU_PID" ] && kill "$QEMU_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# Partition 1 (FAT) offset from the partition table.
START=$(sfdisk -J "$IMG" | python3 -c 'import json,sys; print(json.load(sys.stdin)["partitiontable"]["partitions"][0]["start"])')
export MTOOLS_SKIP_CHECK=1
# The stable names config.txt boots; an image built before they existed has only the versioned ones.
pick() { mdir -b -i "$IMG@@$((START * 512))" :: | sed 's|^::/||' | grep -E "^$1(-.*)?\$" | sort -V | tail -1; }
mcopy -i "$IMG@@$((START * 512))" "::$(pick vmlinuz)" "$WORK/vmlinuz"
mcopy -i "$IMG@@$((START * 512))" "::$(pick initrd.img)" "$WORK/initrd.img"

T0=$(date +%s)
qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 2048 -nographic -no-reboot \
  -kernel "$WORK/vmlinuz" -initrd "$WORK/initrd.img" \
  -append "root=LABEL=TCDROOT rootfstype=ext4 ro console=ttyAMA0 rootwait systemd.show_status=1 systemd.journald.forward_to_console=1" \
  -drive if=none,file="$IMG",format=raw,id=disk,snapshot=on -device virtio-blk-pci,drive=disk \
  -netdev user,id=net -device virtio-net-pci,netdev=net,romfile= \
  > "$WORK/console.log" 2>&1 < /dev/null &
QEMU_PID=$!

while [ $(( $(date +%s) - T0 )) -lt "$LIMIT" ]; do
  if grep -qE 'Reached target.*(Multi-User|Graphical)' "$WORK/console.log"; then
    cat "$WORK/console.log"
    echo "boot-qemu.sh: multi-user reached $(( $(date +%s) - T0 )) s after starting qemu"
    exit 0
  fi
  kill -0 "$QEMU_PID" 2>/dev/null || break
  sleep 5
done
cat "$WORK/console.log"
echo "boot-qemu.sh: no multi-user target within $(( $(date +%s) - T0 )) s" >&2
exit 1
