"""A plugin's stop runs off the signal handler, so it cannot deadlock on a lock the main thread
holds when the signal comes (the engine signals at any moment)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

PROGRAM = textwrap.dedent(
    """
    import os, signal, threading, time
    from pulumi_ssm_contacts.plugin_process.plugin_signals import StopSignals

    signals = StopSignals()
    held = threading.Lock()
    stopped = threading.Event()

    def stop():
        with held:  # what the plugin's stop needs, the main thread may hold (an Event's lock)
            stopped.set()

    signals.serving(stop)
    with held:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.3)  # the handler runs here, on this thread, while it holds the lock
    print("stopped" if stopped.wait(10) else "not stopped", flush=True)
    """
)


def test_a_signal_while_the_main_thread_holds_what_stop_needs_still_stops() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=20
    )
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "stopped", "")


def test_a_signal_before_serving_exits_at_once_with_status_0() -> None:
    program = (
        "import os, signal, time\n"
        "from pulumi_ssm_contacts.plugin_process.plugin_signals import StopSignals\n"
        "StopSignals()\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "time.sleep(5)\n"
        "print('still here')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=20
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
