#!/usr/bin/env bash
# Every entry point of TiepCongDan.Edge. Each subcommand installs what it needs first.
#   ./build.sh run       hub + 3 simulated kiosks (each its own tcd-edge process); Ctrl-C stops all
#   ./build.sh test      apt packages, NuGet restore, build, every test project; prints "N passed, N failed"
#   ./build.sh bench ... benchmarks (fleet, kill, edge-idle); see README
#   ./build.sh publish   self-contained tcd-edge for linux-arm64 and linux-x64 into out/edge/<rid>
#   ./build.sh image     arm64 kiosk image: out/image/tcd-kiosk-<version>-arm64.img, .sha256, manifest (root)
#   ./build.sh test --full   also the slow tests (Category=Full: the kiosk image's edge under qemu-user)
#   ./build.sh build     restore and build everything (Release)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
SLN="TiepCongDan.Edge.sln"
CONFIG="${CONFIG:-Release}"
STATE_DIR="${TCD_STATE_DIR:-$ROOT/.state}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests and the run need (gstreamer comes with a later issue).
# ffmpeg: capture and encode; libsrt1.5-openssl: our SRT binding; srt-tools: the reference
# receiver (srt-live-transmit) the media tests compare against.
# pcscd + vsmartcard-vpcd: real PC/SC with virtual readers; python3-virtualsmartcard (+ pycryptodome):
# the independent vicc ePass card; systemd: systemd-socket-activate gives each test its own pcscd
# socket; zbar-tools/qrencode: the front QR decoded from a camera frame, and test QR images.
# espeak-ng + sox: the Vietnamese voice prompts (rendered, then normalised); alsa-utils: the technician's sound checks.
APT_PACKAGES=(mosquitto mosquitto-clients chromium sqlite3 curl iproute2 iptables procps ca-certificates libicu72
  ffmpeg libsrt1.5-openssl srt-tools
  pcscd libpcsclite1 vsmartcard-vpcd python3-virtualsmartcard python3-pycryptodome systemd libzbar0 zbar-tools qrencode
  espeak-ng sox alsa-utils)
# The arm64 kiosk image (images/build-image.sh) and its test (test --full): mmdebstrap builds the
# root, qemu-user-static (+ binfmt-support, arch-test) runs its arm64 maintainer scripts and edge;
# dosfstools/mtools/e2fsprogs/fdisk make and place the file systems without loop devices.
IMAGE_APT_PACKAGES=(mmdebstrap qemu-user-static binfmt-support arch-test dosfstools mtools e2fsprogs fdisk file)

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

ensure_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is missing: install dotnet-sdk-10.0 and re-run"
  dotnet --list-sdks | grep -q '^10\.' || die "the .NET 10 SDK is required (found: $(dotnet --list-sdks | tr '\n' ' '))"
}

restore() {
  ensure_dotnet
  log "restoring NuGet packages"
  dotnet restore "$SLN" --verbosity quiet
}

build_all() {
  restore
  log "building ($CONFIG)"
  dotnet build "$SLN" -c "$CONFIG" --no-restore --nologo -clp:ErrorsOnly
}

# Processes started by `run`; global so the EXIT trap still sees them after cmd_run returns.
CHILD_PIDS=()
stop_children() {
  trap - INT TERM EXIT
  [ ${#CHILD_PIDS[@]} -gt 0 ] || return 0
  log "stopping ${#CHILD_PIDS[@]} processes"
  local p
  for p in "${CHILD_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for _ in $(seq 1 20); do
    local alive=0
    for p in "${CHILD_PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.5
  done
  for p in "${CHILD_PIDS[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

bin_of() { # project-dir assembly-name -> path to the built dll
  echo "$ROOT/$1/bin/$CONFIG/net10.0/$2.dll"
}

cmd_test() {
  local full=0
  if [ "${1:-}" = "--full" ]; then full=1; shift; fi
  # Category=Full tests take many minutes (a cold arm64 root file system build); only --full runs them.
  local filter=(--filter "Category!=Full") hang=10m
  if [ "$full" -eq 1 ]; then APT_PACKAGES+=("${IMAGE_APT_PACKAGES[@]}"); filter=(); hang=60m; fi
  ensure_apt
  build_all
  local passed=0 failed=0 skipped=0 rc=0 out line
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results"; mkdir -p "$results"
  for proj in tests/*.Tests/*.Tests.csproj; do
    local name; name="$(basename "$proj" .csproj)"
    log "testing $name"
    out="$results/$name.log"
    set +e
    dotnet test "$proj" -c "$CONFIG" --no-build --nologo "${filter[@]}" \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      --blame-hang-timeout "$hang" 2>&1 | tee "$out"
    local status=${PIPESTATUS[0]}
    set -e
    [ "$status" -eq 0 ] || rc=1
    line="$(grep -E '(Passed|Failed)!  *- *Failed: *[0-9]+, *Passed: *[0-9]+, *Skipped: *[0-9]+' "$out" | tail -1 || true)"
    if [ -n "$line" ]; then
      failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$line")))
      passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+),.*/\1/' <<<"$line")))
      skipped=$((skipped + $(sed -E 's/.*Skipped: *([0-9]+),.*/\1/' <<<"$line")))
    else
      # A project that crashed or ran nothing counts as a failure, never as silence.
      failed=$((failed + 1)); rc=1
      echo "build.sh: $name produced no test summary (crash or no tests); see $out" >&2
    fi
  done
  [ "$skipped" -eq 0 ] || { echo "build.sh: $skipped skipped test(s): skips are not allowed" >&2; rc=1; }
  echo
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  return $rc
}

cmd_run() {
  ensure_apt
  build_all
  local hub edge; hub="$(bin_of hub/TiepCongDan.Hub tcd-hub)"; edge="$(bin_of edge/TiepCongDan.Edge.Service tcd-edge)"
  mkdir -p "$STATE_DIR/hub" "$STATE_DIR/kiosks"
  trap stop_children INT TERM EXIT

  log "starting the hub (state in $STATE_DIR/hub)"
  dotnet "$hub" --Hub:DataDirectory="$STATE_DIR/hub" "$@" &
  CHILD_PIDS+=($!)
  for _ in $(seq 1 60); do curl -fsS http://127.0.0.1:8080/healthz >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS http://127.0.0.1:8080/healthz >/dev/null 2>&1 || die "the hub did not become healthy on http://127.0.0.1:8080 (see its log above)"

  local kiosks=(14-04171 14-04174 11-03202)
  local n=0
  for k in "${kiosks[@]}"; do
    local pw; pw="$(dotnet "$hub" kiosk password "$k" --data-dir "$STATE_DIR/hub")"
    mkdir -p "$STATE_DIR/kiosks/$k"
    printf '%s' "$pw" > "$STATE_DIR/kiosks/$k/mqtt-password"; chmod 600 "$STATE_DIR/kiosks/$k/mqtt-password"
    # The SRT passphrase comes from the same fleet secret, as provisioning would write it.
    dotnet "$hub" kiosk srt-passphrase "$k" --data-dir "$STATE_DIR/hub" > "$STATE_DIR/kiosks/$k/srt-passphrase"
    chmod 600 "$STATE_DIR/kiosks/$k/srt-passphrase"
    log "starting kiosk $k (state in $STATE_DIR/kiosks/$k)"
    dotnet "$edge" --Edge:KioskId="$k" --Edge:DataDirectory="$STATE_DIR/kiosks/$k" \
      --Edge:Mqtt:PasswordFile="$STATE_DIR/kiosks/$k/mqtt-password" \
      --Edge:Media:Srt:PassphraseFile="$STATE_DIR/kiosks/$k/srt-passphrase" \
      --Edge:Simulation:Enabled=true --Edge:Simulation:Port=$((8790 + n)) \
      --Edge:Screen:Enabled=true --Edge:Screen:Port=$((8787 - n)) &
    CHILD_PIDS+=($!)
    log "  kiosk $k: page http://127.0.0.1:$((8787 - n))/  console: tcd-edge sim --port $((8790 + n)) ..."
    n=$((n + 1))
  done
  log "fleet page: http://127.0.0.1:8080/  (user admin; password from TCD_ADMIN_PASSWORD or printed by the hub above)"
  log "make a device faulty: echo '{\"camera\":{\"status\":\"faulty\",\"reason\":\"Không nhận được khung hình\"}}' > $STATE_DIR/kiosks/14-04171/simulated-devices.json"
  log "record a session on kiosk 14-04171 (simulated camera and microphone, encrypted local copy uploaded to the hub's archive in $STATE_DIR/hub/archive):"
  log "  curl -u admin:PASSWORD -H 'Content-Type: application/json' -d '{\"command\":\"start-session\"}' http://127.0.0.1:8080/api/devices/14-04171/commands   (then stop-session)"
  log "a citizen's visit on kiosk 14-04171 (docs/simulation.md):"
  log "  dotnet $edge sim --port 8790 card --citizen an; dotnet $edge sim --port 8790 button verySatisfied click   (khiếu nại; officials are called)"
  log "  dotnet $edge sim --port 8790 button staff hold; dotnet $edge sim --port 8790 button satisfied click      (end, then rate)"
  log "  the register: curl -u admin:PASSWORD http://127.0.0.1:8080/api/reception/sessions"
  log "Ctrl-C stops everything; a kiosk killed meanwhile stays dead (watch it go offline on the page)"
  wait || true
}

cmd_bench() {
  ensure_apt
  build_all
  ulimit -n 65536 2>/dev/null || true
  dotnet "$(bin_of tests/TiepCongDan.Benchmarks tcd-bench)" "$@"
}

cmd_publish() {
  restore
  local rid
  for rid in linux-arm64 linux-x64; do
    log "publishing tcd-edge for $rid"
    dotnet publish edge/TiepCongDan.Edge.Service -c Release -r "$rid" --self-contained true \
      -p:PublishSingleFile=false -o "out/edge/$rid" --nologo -clp:ErrorsOnly
  done
  log "published into out/edge/{linux-arm64,linux-x64}"
}

cmd_image() {
  APT_PACKAGES=("${IMAGE_APT_PACKAGES[@]}")
  ensure_apt
  ensure_dotnet
  "$ROOT/images/build-image.sh" "$@"
}

main() {
  local sub="${1:-}"; shift || true
  case "$sub" in
    run) cmd_run "$@" ;;
    test) cmd_test "$@" ;;
    bench) cmd_bench "$@" ;;
    publish) cmd_publish "$@" ;;
    image) cmd_image "$@" ;;
    build) ensure_apt; build_all ;;
    ""|-h|--help|help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown subcommand '$sub' (run, test, bench, publish, image, build)" ;;
  esac
}

main "$@"
