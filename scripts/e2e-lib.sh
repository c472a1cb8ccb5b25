# The tmux harness for end-to-end tests: each test starts the built binary in a detached tmux
# session of a given size, sends keys, and polls capture-pane until the expected text appears
# or a timeout passes. No bare sleeps. Source it from scripts/e2e.
set -uo pipefail

E2E_BIN="${E2E_BIN:-$(pwd)/.build/debug/liaison-desk}"
E2E_SOCKET="liaison-e2e-$$"
E2E_DIR="$(mktemp -d)"
E2E_PASSED=0
E2E_FAILED=0
E2E_CURRENT=""

tm() { tmux -L "$E2E_SOCKET" "$@"; }

e2e_cleanup() {
  tm kill-server 2>/dev/null
  rm -rf "$E2E_DIR"
}
trap e2e_cleanup EXIT

# start_desk SESSION COLUMNS ROWS ARGS... : runs liaison-desk ARGS in a fresh session. When the program
# exits, the pane prints its exit status and the terminal's modes, so tests can check what it left behind.
start_desk() {
  local session="$1" columns="$2" rows="$3"
  shift 3
  # E2E_ENV adds variables for one test (NO_COLOR=1, TERM=vt100).
  local command="env LANG=C.UTF-8 TERM=xterm-256color ${E2E_ENV:-} $(printf '%q ' "$E2E_BIN" "$@")"
  tm new-session -d -s "$session" -x "$columns" -y "$rows" \
    "$command; echo __EXIT__\$?; stty -a | tr '\\n' ' '; echo; echo __STTY_DONE__; sleep 600"
}

# sign_in SESSION INITIALS PIN: on the sign-in layer, picks the operator by pinyin initials and types the PIN.
sign_in() {
  wait_for "$1" "请选择操作员并输入 PIN" || return 1
  send_text "$1" "$2"
  send "$1" Enter
  send_text "$1" "$3"
  send "$1" Enter
  wait_gone "$1" "请选择操作员并输入 PIN"
}

# start_clerk SESSION COLUMNS ROWS ARGS...: the desk on the demo station, signed in as its clerk 前台小李.
start_clerk() {
  start_desk "$@"
  sign_in "$1" qtxl 1234
}

screen_text() { tm capture-pane -t "$1" -p 2>/dev/null; }
# The screen with its attributes as escape sequences, to check colours and reverse video.
screen_codes() { tm capture-pane -t "$1" -p -e 2>/dev/null; }

# wait_for SESSION TEXT [SECONDS]: polls the screen every 50 ms until TEXT (fixed string) appears.
wait_for() {
  local session="$1" text="$2" seconds="${3:-10}"
  local deadline=$((SECONDS + seconds))
  while [ $SECONDS -le $deadline ]; do
    screen_text "$session" | grep -qF -- "$text" && return 0
    sleep 0.05
  done
  e2e_fail "did not see «$text» within ${seconds}s; the screen was:" "$(screen_text "$session")"
  return 1
}

# wait_gone SESSION TEXT [SECONDS]: polls until TEXT is no longer on the screen.
wait_gone() {
  local session="$1" text="$2" seconds="${3:-10}"
  local deadline=$((SECONDS + seconds))
  while [ $SECONDS -le $deadline ]; do
    screen_text "$session" | grep -qF -- "$text" || return 0
    sleep 0.05
  done
  e2e_fail "«$text» stayed on the screen for ${seconds}s:" "$(screen_text "$session")"
  return 1
}

send() { local session="$1"; shift; tm send-keys -t "$session" "$@"; }
send_text() { tm send-keys -t "$1" -l "$2"; }
send_hex() { local session="$1"; shift; tm send-keys -t "$session" -H "$@"; }

# desk_pid DB: the program running on that database file (anchored: the tmux server's own
# command line also contains the command).
desk_pid() { pgrep -f -- "^$E2E_BIN --db $1" | head -1; }

# assert_sane_terminal SESSION: after the program ended, stty shows canonical mode and echo on.
assert_sane_terminal() {
  wait_for "$1" "__STTY_DONE__" 10 || return 1
  local modes
  modes="$(screen_text "$1" | tr '\n' ' ')"
  for mode in icanon echo; do
    if ! grep -qE "(^| )$mode( |$)" <<<"$modes"; then
      e2e_fail "terminal left without $mode:" "$modes"
      return 1
    fi
  done
}

e2e_fail() {
  echo "  FAILED in $E2E_CURRENT: $1" >&2
  [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/  | /' >&2
  E2E_FAILED=$((E2E_FAILED + 1))
}

# run_test NAME FUNCTION: runs one test in its own tmux server state.
run_test() {
  # E2E_ONLY=text runs only the tests whose title holds it, for a quick try of one.
  case "$1" in *"${E2E_ONLY:-}"*) ;; *) return ;; esac
  E2E_CURRENT="$1"
  local before=$E2E_FAILED
  "$2"
  tm kill-server 2>/dev/null
  # The server exits after kill-server returns: the next test's first session must not reach the dying
  # one ("server exited unexpectedly"), so wait for its process (named by the socket) to go.
  local waited=0
  while pgrep -f -- "-L $E2E_SOCKET " >/dev/null && [ "$waited" -lt 100 ]; do sleep 0.05; waited=$((waited + 1)); done
  if [ $E2E_FAILED -eq $before ]; then
    E2E_PASSED=$((E2E_PASSED + 1))
    echo "  ok  $1"
  fi
}

e2e_summary() {
  echo "e2e: $E2E_PASSED passed, $E2E_FAILED failed"
  [ $E2E_FAILED -eq 0 ]
}
