#!/bin/bash
# By-hand figures for the session goals, until the benchmark program counts the session server too.
# Usage: tests/TuiProcManager.Benchmarks/scripts/sessions-by-hand.sh PATH-TO-NATIVE-TUIPROC
# Needs tmux and python3; uses its own tmux server (-L m) and XDG_RUNTIME_DIR, and ends its session.
T=$1; export XDG_RUNTIME_DIR=/tmp/xdgmeasure; rm -rf $XDG_RUNTIME_DIR; mkdir -p $XDG_RUNTIME_DIR
tmux -L m kill-server 2>/dev/null
printf 'set -g remain-on-exit on\nset -g status off\n' > /tmp/m.conf
cmds=(); for i in $(seq 1 10); do cmds+=(--cmd "sh -c 'seq 1 1000; sleep 3600'"); done
tmux -L m -f /tmp/m.conf new-session -d -x 160 -y 45 -s a "exec env XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR $T --session m $(printf "%q " "${cmds[@]}")"
sleep 4; tmux -L m send-keys -t a d; sleep 1
SERVER=$(sed -n 's/.*(pid \([0-9]*\)).*/\1/p' $XDG_RUNTIME_DIR/tuiproc/m.log | head -1)
echo "server $SERVER"; $T ls
# idle: 30 s of the server's CPU (all its threads) and its RSS, nobody attached
sleep 5
t0=$(awk '{print $14+$15}' /proc/$SERVER/stat); s0=$(cat /proc/$SERVER/task/*/schedstat | awk '{s+=$1} END {print s}')
sleep 30
t1=$(awk '{print $14+$15}' /proc/$SERVER/stat); s1=$(cat /proc/$SERVER/task/*/schedstat | awk '{s+=$1} END {print s}')
echo "idle server: ticks $((t1-t0)) in 30 s; schedstat $(python3 -c "print(round(($s1-$s0)/1e9/30*100,3))")% of a core; RSS $(awk '/VmRSS/{print $2/1024 " MiB"}' /proc/$SERVER/status)"
# ctl ps --json whole process, 20 runs
python3 - "$T" <<'PY'
import subprocess,sys,time,os
t=[]
for i in range(20):
    a=time.perf_counter(); subprocess.run([sys.argv[1],'ctl','m','ps','--json'],stdout=subprocess.DEVNULL,check=True); t.append((time.perf_counter()-a)*1000)
t.sort(); print("ctl ps --json: median %.1f ms, min %.1f, max %.1f (20 runs)" % (t[10], t[0], t[-1]))
PY
# attach: first full screen (10 rows and output) with 10 workers and 10,000 lines of history
for r in 1 2 3 4 5; do
  tmux -L m kill-session -t b 2>/dev/null
  python3 - "$T" "$XDG_RUNTIME_DIR" <<'PY'
import subprocess,sys,time
T,X=sys.argv[1],sys.argv[2]
a=time.perf_counter()
subprocess.run(['tmux','-L','m','new-session','-d','-x','160','-y','45','-s','b',f'exec env XDG_RUNTIME_DIR={X} {T} attach m'],check=True)
while True:
    s=subprocess.run(['tmux','-L','m','capture-pane','-p','-t','b'],capture_output=True,text=True).stdout
    if 'sleep 3600' in s and s.count('sleep 3600')>=10 and '1000' in s.split('Output')[-1]: break
    if time.perf_counter()-a>10: print('timeout'); break
print("attach to full screen: %.0f ms" % ((time.perf_counter()-a)*1000))
PY
  tmux -L m send-keys -t b d; sleep 0.5
done
$T ctl m end; tmux -L m kill-server
