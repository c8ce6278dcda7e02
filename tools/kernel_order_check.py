"""Smallest reproduction of the Deno kernel's late results: run `1 + 1` N times and count the
execute_result messages that arrive after the kernel reported the cell idle.

With Deno 2.9.6 about 1 run in 10 does, which is why a notebook run with Kernel > Restart & Run All
can file a cell's output under the next cell (see README, Notebooks). Run it again after changing
the pinned Deno: 0 late results over many runs means the workaround may no longer be needed.

usage: python3 tools/kernel_order_check.py [RUNS]   (Debian's python3 with jupyter_client)
"""
import queue
import sys

import jupyter_client


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    km = jupyter_client.KernelManager(kernel_name="deno")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    late = 0
    try:
        kc.wait_for_ready(timeout=120)
        for _ in range(runs):
            msg_id = kc.execute("1 + 1")
            idle = False
            while True:
                try:
                    m = kc.get_iopub_msg(timeout=1.0)
                except queue.Empty:
                    break  # quiet for 1 s after idle: this run is over
                if m["parent_header"].get("msg_id") != msg_id:
                    continue
                if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                    idle = True
                elif m["msg_type"] == "execute_result" and idle:
                    late += 1
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(f"{late} of {runs} results arrived after the kernel reported idle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
