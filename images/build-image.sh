#!/usr/bin/env bash
# Builds the arm64 kiosk image from Debian 12 (bookworm) packages: mmdebstrap + qemu-user-static,
# no loop devices (file systems are made from directories, then written into a partitioned file).
#
#   images/build-image.sh                      out/image/tcd-kiosk-<version>-arm64.img (+ .sha256, manifest)
#   images/build-image.sh --rootfs-only DIR    only the root file system (edge installed, firmware-config
#                                              applied) as a directory: what the image test runs under qemu-user
# Environment:
#   TCD_IMAGE_VERSION   version in names and in /opt/tcd-edge/releases/<version> (default: Directory.Build.props
#                       <Version> + "-g" + short commit)
#   SOURCE_DATE_EPOCH   every timestamp in the image (default: the last commit's time)
#   TCD_IMAGE_MIRROR    Debian mirror (default http://deb.debian.org/debian). For a bit-identical rebuild
#                       later, pin a snapshot: http://snapshot.debian.org/archive/debian/20261123T000000Z
#   TCD_IMAGE_SECURITY_MIRROR  (default http://deb.debian.org/debian-security; with a snapshot mirror use
#                       http://snapshot.debian.org/archive/debian-security/<same timestamp>)
#   TCD_EDGE_PUBLISH_DIR  an already published linux-arm64 tcd-edge (skips `dotnet publish`)
#   TCD_IMAGE_WORK      work directory (default /var/tmp/tcd-image-work); TCD_IMAGE_OUT (default out/image)
# Needs root (chroot, file ownership) and: mmdebstrap qemu-user-static binfmt-support arch-test dosfstools
# mtools e2fsprogs fdisk (sfdisk), and the .NET 10 SDK unless TCD_EDGE_PUBLISH_DIR is given.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
FW="$REPO/firmware-config"
SUITE=bookworm
ARCH=arm64

log() { printf '\033[1m== image: %s\033[0m\n' "$*" >&2; }
die() { printf 'build-image.sh: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

ROOTFS_ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rootfs-only) ROOTFS_ONLY="${2:?--rootfs-only needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "must run as root (chroot into the arm64 root, files owned by its users)"

# --- tools ----------------------------------------------------------------------------------
need=()
for t in mmdebstrap:mmdebstrap arch-test:arch-test mkfs.ext4:e2fsprogs dpkg-query:dpkg; do
  command -v "${t%%:*}" >/dev/null 2>&1 || need+=("${t##*:}")
done
[ -e /usr/libexec/qemu-binfmt/aarch64-binfmt-P ] || [ -x /usr/bin/qemu-aarch64-static ] || need+=(qemu-user-static)
if [ -z "$ROOTFS_ONLY" ]; then
  for t in mkfs.vfat:dosfstools mcopy:mtools sfdisk:fdisk; do
    command -v "${t%%:*}" >/dev/null 2>&1 || need+=("${t##*:}")
  done
fi
[ ${#need[@]} -eq 0 ] || die "missing tools; install them: apt-get install --no-install-recommends ${need[*]}"

# --- arm64 programs run here through binfmt_misc + qemu-user-static ---------------------------
ensure_binfmt() {
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc \
    || die "cannot mount binfmt_misc (a container without it cannot run arm64 programs)"
  if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
    if command -v update-binfmts >/dev/null 2>&1; then
      update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
    fi
    if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] && [ -f /usr/lib/binfmt.d/qemu-aarch64.conf ]; then
      cat /usr/lib/binfmt.d/qemu-aarch64.conf > /proc/sys/fs/binfmt_misc/register
    fi
  fi
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || die "qemu-aarch64 is not registered in binfmt_misc (install qemu-user-static)"
  arch-test arm64 >/dev/null || die "arm64 programs do not run here even with qemu-aarch64 registered (arch-test arm64 failed)"
}

# --- inputs ------------------------------------------------------------------------------------
T0=$(now)
BASE_VERSION="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$REPO/Directory.Build.props" | head -1)"
COMMIT="$(git -C "$REPO" rev-parse --short=8 HEAD 2>/dev/null || echo unknown)"
VERSION="${TCD_IMAGE_VERSION:-${BASE_VERSION:-0.0.0}-g$COMMIT}"
[[ "$VERSION" =~ ^[A-Za-z0-9._+-]+$ ]] || die "version '$VERSION' has characters a file name should not have"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$REPO" log -1 --format=%ct 2>/dev/null || echo 0)}"
MIRROR="${TCD_IMAGE_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${TCD_IMAGE_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
WORK="${TCD_IMAGE_WORK:-/var/tmp/tcd-image-work}"
OUT="${TCD_IMAGE_OUT:-$REPO/out/image}"
export LC_ALL=C.UTF-8 TZ=UTC

# Package lists: firmware-config/packages.txt is what the kiosk needs; images/packages-image.txt adds
# what only a bootable image needs (kernel, Raspberry Pi firmware, network).
read_list() { sed -e 's/#.*//' "$1" | tr -s ' \t\r\n' '\n' | sed '/^$/d'; }
[ -f "$FW/packages.txt" ] || die "firmware-config/packages.txt is missing"
[ -f "$FW/install-map.txt" ] || die "firmware-config/install-map.txt is missing"
PACKAGES="$( { read_list "$FW/packages.txt"; read_list "$HERE/packages-image.txt"; } | sort -u | paste -sd, -)"

ensure_binfmt

# --- the edge, self-contained for linux-arm64 --------------------------------------------------
T_EDGE=$(now)
if [ -n "${TCD_EDGE_PUBLISH_DIR:-}" ]; then
  EDGE_DIR="$TCD_EDGE_PUBLISH_DIR"
  [ -x "$EDGE_DIR/tcd-edge" ] || die "TCD_EDGE_PUBLISH_DIR=$EDGE_DIR has no tcd-edge executable"
else
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is missing (or set TCD_EDGE_PUBLISH_DIR)"
  EDGE_DIR="$WORK/edge-linux-arm64"
  rm -rf "$EDGE_DIR"
  log "publishing tcd-edge for linux-arm64 (self-contained)"
  dotnet publish "$REPO/edge/TiepCongDan.Edge.Service" -c Release -r linux-arm64 --self-contained true \
    -p:PublishSingleFile=false -p:ContinuousIntegrationBuild=true --artifacts-path "$WORK/dotnet-artifacts" \
    -o "$EDGE_DIR" --nologo -clp:ErrorsOnly
fi
file -b "$EDGE_DIR/tcd-edge" 2>/dev/null | grep -q 'ARM aarch64' || [ ! -x /usr/bin/file ] \
  || die "$EDGE_DIR/tcd-edge is not an arm64 program"
EDGE_BYTES=$(du -sb "$EDGE_DIR" | cut -f1)
T_EDGE=$(( $(now) - T_EDGE ))

# --- the root file system ------------------------------------------------------------------------
ROOT="${ROOTFS_ONLY:-$WORK/rootfs}"
[ -n "$ROOT" ] && [ "$ROOT" != "/" ] || die "refusing to build into '/'"
# Anything a previous, interrupted run left mounted inside must go before the directory does.
for m in $(awk -v r="$ROOT/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r); do umount -l "$m" || true; done
rm -rf "$ROOT"
mkdir -p "$(dirname "$ROOT")" "$WORK"

SOURCES=(
  "deb $MIRROR $SUITE main non-free-firmware"
  "deb $MIRROR $SUITE-updates main non-free-firmware"
  "deb $SECURITY_MIRROR $SUITE-security main non-free-firmware"
)

T_ROOTFS=$(now)
log "mmdebstrap $SUITE/$ARCH with $(tr ',' '\n' <<<"$PACKAGES" | wc -l) packages (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
# raspi-firmware reads these when the kernel is installed: the cmdline.txt it writes is replaced
# below anyway (the image owns root= and the layout), but its first one must not point elsewhere.
# force-confold keeps our /etc/default/raspi-firmware: without it dpkg stops at a conffile prompt
# (seen: "end of file on stdin at conffile prompt", the whole mmdebstrap run fails after ~45 min).
mmdebstrap --mode=root --format=directory --arch="$ARCH" --variant=apt \
  --components=main,non-free-firmware \
  --aptopt='APT::Install-Recommends "false"' \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/vi/*' \
  --dpkgopt='path-include=/usr/share/locale/locale.alias' \
  --dpkgopt='force-confdef' --dpkgopt='force-confold' \
  --setup-hook='mkdir -p "$1/etc/default" "$1/boot/firmware"' \
  --setup-hook='printf "ROOTPART=LABEL=TCDROOT\nCONSOLES=\"tty1\"\n" > "$1/etc/default/raspi-firmware"' \
  --include="$PACKAGES" \
  "$SUITE" "$ROOT" "${SOURCES[@]}"
T_ROOTFS=$(( $(now) - T_ROOTFS ))

# --- firmware-config files (install-map.txt) ----------------------------------------------------
log "applying firmware-config/install-map.txt"
while read -r src dst mode rest; do
  [ -n "${src:-}" ] && [ "${src:0:1}" != "#" ] || continue
  [ -n "${dst:-}" ] && [ -n "${mode:-}" ] && [ -z "${rest:-}" ] || die "install-map.txt: bad line '$src $dst $mode $rest'"
  [[ "$dst" == /* && "$dst" != *..* ]] || die "install-map.txt: target '$dst' must be an absolute path without '..'"
  [ -f "$FW/$src" ] || die "install-map.txt names firmware-config/$src, which does not exist"
  install -D -o root -g root -m "$mode" "$FW/$src" "$ROOT$dst"
done < "$FW/install-map.txt"

# --- image-level files (images/rootfs/: fstab, network, hostname) --------------------------------
( cd "$HERE/rootfs" && find . -type f ) | while read -r f; do
  install -D -o root -g root -m 0644 "$HERE/rootfs/$f" "$ROOT/${f#./}"
done

# --- the edge: /opt/tcd-edge/releases/<version>, /opt/tcd-edge/current -> it ----------------------
log "installing tcd-edge $VERSION"
RELEASE="$ROOT/opt/tcd-edge/releases/$VERSION"
mkdir -p "$RELEASE"
cp -a "$EDGE_DIR/." "$RELEASE/"
chown -R root:root "$RELEASE"
chmod -R u=rwX,go=rX "$RELEASE"
chmod 0755 "$RELEASE/tcd-edge"
ln -sfn "releases/$VERSION" "$ROOT/opt/tcd-edge/current"
mkdir -p "$ROOT/usr/local/bin"
ln -sfn /opt/tcd-edge/current/tcd-edge "$ROOT/usr/local/bin/tcd-edge"
printf '%s\n' "$VERSION" > "$ROOT/opt/tcd-edge/image-version"

# --- users, directories, units (as install-map.txt says) -----------------------------------------
log "systemd-sysusers, systemd-tmpfiles, enabling units"
# The host's systemd (bookworm's 252, the same as the kiosk's) works on the root without emulation.
systemd-sysusers --root="$ROOT" >/dev/null
systemd-tmpfiles --root="$ROOT" --create --prefix=/var/lib/tcd-edge --prefix=/var/lib/tcd-kiosk \
  --prefix=/etc/tcd-edge --prefix=/etc/systemd/timesyncd.conf.d --prefix=/opt/tcd-edge >/dev/null
if [ -f "$FW/enable-units.txt" ]; then
  read_list "$FW/enable-units.txt" | while read -r unit; do
    systemctl --root="$ROOT" enable "$unit" >/dev/null 2>&1 || die "systemctl --root enable $unit failed"
  done
fi
for unit in $(read_list "$HERE/enable-units-image.txt"); do
  systemctl --root="$ROOT" enable "$unit" >/dev/null 2>&1 || die "systemctl --root enable $unit failed"
done
# resolv.conf follows systemd-resolved (the read-only root cannot take a DHCP-written one).
ln -sfn ../run/systemd/resolve/stub-resolv.conf "$ROOT/etc/resolv.conf"
# Each kiosk gets its own machine id at boot (systemd mounts one over the empty file on a read-only root).
: > "$ROOT/etc/machine-id"
rm -f "$ROOT/var/lib/dbus/machine-id"

# --- clean for size and reproducibility ----------------------------------------------------------
rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/apt/*.bin "$ROOT"/var/cache/apt/archives/*.deb \
  "$ROOT"/var/cache/ldconfig/aux-cache "$ROOT"/var/log/* "$ROOT"/tmp/* "$ROOT"/var/tmp/* \
  "$ROOT"/etc/ssh/ssh_host_* "$ROOT"/var/lib/systemd/random-seed "$ROOT"/var/cache/debconf/*-old \
  "$ROOT"/var/lib/dpkg/*-old
mkdir -p "$ROOT/var/log" "$ROOT/var/lib/tcd-edge" "$ROOT/boot/firmware"

MANIFEST_TMP="$WORK/manifest.txt"
dpkg-query --admindir="$ROOT/var/lib/dpkg" -W -f='${Package}\t${Version}\t${Architecture}\n' | sort > "$MANIFEST_TMP"
{ echo "# tcd-kiosk $VERSION ($ARCH, Debian $SUITE), SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
  echo "# tcd-edge $VERSION $(du -sb "$RELEASE" | cut -f1) bytes in /opt/tcd-edge/releases/$VERSION"
  cat "$MANIFEST_TMP"; } > "$WORK/manifest.with-header.txt"
cp "$WORK/manifest.with-header.txt" "$ROOT/opt/tcd-edge/image-manifest.txt"

# Clamp every timestamp to SOURCE_DATE_EPOCH (files written after mmdebstrap carry today's time).
find "$ROOT" -xdev -newermt "@$SOURCE_DATE_EPOCH" -print0 | xargs -0r touch -h -d "@$SOURCE_DATE_EPOCH"

if [ -n "$ROOTFS_ONLY" ]; then
  printf '%s\n' "$VERSION" > "$ROOT.version"
  log "root file system ready in $ROOT (rootfs ${T_ROOTFS}s, edge publish ${T_EDGE}s, edge $EDGE_BYTES bytes, total $(( $(now) - T0 ))s)"
  exit 0
fi

# --- the three file systems, made from directories (no loop device, no mount) --------------------
T_FS=$(now)
STAGE="$WORK/stage"; rm -rf "$STAGE"; mkdir -p "$STAGE/boot" "$STAGE/data"
# boot: everything raspi-firmware and the kernel hooks put in /boot/firmware; the mount point stays empty.
cp -a "$ROOT/boot/firmware/." "$STAGE/boot/"
find "$ROOT/boot/firmware" -mindepth 1 -delete
# raspi-firmware's kernel hook copies vmlinuz-<version> and initrd.img-<version>; firmware-config's
# config.txt boots the stable names (FAT has no symlinks), so the newest pair is renamed to them.
kernel_file="$(ls -1 "$STAGE"/boot/vmlinuz-* 2>/dev/null | sort -V | tail -1 || true)"
initrd_file="$(ls -1 "$STAGE"/boot/initrd.img-* 2>/dev/null | sort -V | tail -1 || true)"
[ -n "$kernel_file" ] && [ -n "$initrd_file" ] || die "no vmlinuz-*/initrd.img-* in /boot/firmware (raspi-firmware's kernel hook did not run): the image would not boot a Pi"
mv "$kernel_file" "$STAGE/boot/vmlinuz"
mv "$initrd_file" "$STAGE/boot/initrd.img"
rm -f "$STAGE"/boot/vmlinuz-* "$STAGE"/boot/initrd.img-*
# cmdline.txt: the image owns root= and the layout; firmware-config adds its extras.
EXTRA="$(tr -s ' \n' ' ' < "$ROOT/usr/share/tcd-edge/boot/cmdline-extra.txt" 2>/dev/null || true)"
printf 'console=serial0,115200 root=LABEL=TCDROOT rootfstype=ext4 ro %s\n' "$EXTRA" | tr -s ' ' > "$STAGE/boot/cmdline.txt"
# firmware-config's config.txt replaces the one raspi-firmware generated.
[ -f "$FW/boot/raspberry-pi/config.txt" ] && install -m 0644 "$FW/boot/raspberry-pi/config.txt" "$STAGE/boot/config.txt"
# The per-kiosk bundle goes here (tcd-provision writes it onto the card; first boot reads and deletes it).
printf 'Đặt tệp tcd-kiosk.bundle (do tcd-provision tạo) vào phân vùng này trước lần khởi động đầu tiên.\nPut tcd-kiosk.bundle (made by tcd-provision) on this partition before the first boot.\n' \
  > "$STAGE/boot/README-tcd-kiosk.txt"
# data: /var/lib/tcd-edge as systemd-tmpfiles made it (owner tcd-edge, 0700).
cp -a "$ROOT/var/lib/tcd-edge/." "$STAGE/data/" 2>/dev/null || true
find "$ROOT/var/lib/tcd-edge" -mindepth 1 -delete
chown --reference="$ROOT/var/lib/tcd-edge" "$STAGE/data"; chmod --reference="$ROOT/var/lib/tcd-edge" "$STAGE/data"
find "$STAGE" -newermt "@$SOURCE_DATE_EPOCH" -print0 | xargs -0r touch -h -d "@$SOURCE_DATE_EPOCH"

# Deterministic identifiers derived from the version, so the same inputs give the same bytes.
hex() { printf '%s' "$1" | sha256sum | cut -c1-"$2"; }
uuid_of() { local h; h="$(hex "$1" 32)"; echo "${h:0:8}-${h:8:4}-4${h:13:3}-a${h:17:3}-${h:20:12}"; }
export E2FSPROGS_FAKE_TIME="$SOURCE_DATE_EPOCH"
MiB=$((1024 * 1024))
BOOT_MB=256
DATA_MB=${TCD_IMAGE_DATA_MB:-512}
ROOT_USED_MB=$(( $(du -sxm "$ROOT" | cut -f1) ))
ROOT_MB=$(( (ROOT_USED_MB * 115 / 100 + 200 + 3) / 4 * 4 ))

log "file systems: boot ${BOOT_MB} MiB (FAT32), root ${ROOT_MB} MiB (ext4, ${ROOT_USED_MB} MiB used), data ${DATA_MB} MiB (ext4)"
rm -f "$WORK"/boot.vfat "$WORK"/root.ext4 "$WORK"/data.ext4
mkfs.vfat -F 32 -n TCDBOOT --invariant -i "$(hex "boot-$VERSION" 8)" -C "$WORK/boot.vfat" $((BOOT_MB * 1024)) >/dev/null
# mcopy: -s recursive, -m keep times, -Q stop on error; MTOOLS_SKIP_CHECK for an image file.
MTOOLS_SKIP_CHECK=1 mcopy -i "$WORK/boot.vfat" -s -m -Q "$STAGE/boot/"* ::/
mkfs.ext4 -q -L TCDROOT -U "$(uuid_of "root-$VERSION")" -E "hash_seed=$(uuid_of "root-hash-$VERSION")" \
  -m 0 -d "$ROOT" "$WORK/root.ext4" "${ROOT_MB}M"
mkfs.ext4 -q -L TCDDATA -U "$(uuid_of "data-$VERSION")" -E "hash_seed=$(uuid_of "data-hash-$VERSION")" \
  -m 1 -d "$STAGE/data" "$WORK/data.ext4" "${DATA_MB}M"
T_FS=$(( $(now) - T_FS ))

# --- the partitioned image: MBR (the Pi's boot ROM reads it), 4 MiB aligned -----------------------
mkdir -p "$OUT"
NAME="tcd-kiosk-$VERSION-$ARCH"
IMG="$OUT/$NAME.img"
START_MB=4
BOOT_AT=$START_MB; ROOT_AT=$((BOOT_AT + BOOT_MB)); DATA_AT=$((ROOT_AT + ROOT_MB)); TOTAL_MB=$((DATA_AT + DATA_MB))
rm -f "$IMG"
truncate -s "${TOTAL_MB}M" "$IMG"
sfdisk --quiet --no-reread --no-tell-kernel "$IMG" <<EOF
label: dos
label-id: 0x$(hex "disk-$VERSION" 8)
unit: sectors

start=$((BOOT_AT * 2048)), size=$((BOOT_MB * 2048)), type=c, bootable
start=$((ROOT_AT * 2048)), size=$((ROOT_MB * 2048)), type=83
start=$((DATA_AT * 2048)), size=$((DATA_MB * 2048)), type=83
EOF
dd if="$WORK/boot.vfat" of="$IMG" bs=1M seek=$BOOT_AT conv=notrunc,sparse status=none
dd if="$WORK/root.ext4" of="$IMG" bs=1M seek=$ROOT_AT conv=notrunc,sparse status=none
dd if="$WORK/data.ext4" of="$IMG" bs=1M seek=$DATA_AT conv=notrunc,sparse status=none
touch -d "@$SOURCE_DATE_EPOCH" "$IMG"

( cd "$OUT" && sha256sum "$NAME.img" > "$NAME.img.sha256" )
cp "$WORK/manifest.with-header.txt" "$OUT/$NAME.manifest.txt"
rm -f "$WORK"/boot.vfat "$WORK"/root.ext4 "$WORK"/data.ext4

TOTAL=$(( $(now) - T0 ))
log "done: $IMG"
printf '%-22s %s\n' \
  "image" "$IMG" \
  "image size" "$(stat -c %s "$IMG") bytes (${TOTAL_MB} MiB; $(du -k "$IMG" | cut -f1) KiB allocated)" \
  "sha256" "$(cut -d' ' -f1 "$IMG.sha256")" \
  "packages" "$(wc -l < "$MANIFEST_TMP")" \
  "root fs used" "${ROOT_USED_MB} MiB" \
  "edge (published)" "$EDGE_BYTES bytes" \
  "time: edge publish" "${T_EDGE}s" \
  "time: rootfs" "${T_ROOTFS}s" \
  "time: file systems" "${T_FS}s" \
  "time: total" "${TOTAL}s"
