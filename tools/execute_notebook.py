"""Execute a notebook cell by cell on the Deno Jupyter kernel and write it back with its outputs.

Why not `jupyter nbconvert --execute`: the Deno kernel sometimes publishes a cell's execute_result
*after* its status:idle message, and nbclient stops listening at idle, so outputs went missing at
random. Here every cell's iopub stream is drained until it has been quiet for GRACE_S seconds after
both idle and the execute reply.

usage: python3 tools/execute_notebook.py NOTEBOOK.ipynb [--timeout SECONDS]
Exit 0 when executed (a cell error is recorded as an error output and stops the run), 2 on a
kernel failure.
"""
import json
import os
import queue
import sys
import time

import jupyter_client
import nbformat

GRACE_S = 0.3


def mime_bundle(data):
    """Strings stay whole: nbformat.writes splits the text ones into lines itself (not image/png)."""
    return dict(data)


def add_output(outputs, msg):
    kind, c = msg["msg_type"], msg["content"]
    if kind == "stream":
        if outputs and outputs[-1]["output_type"] == "stream" and outputs[-1]["name"] == c["name"]:
            outputs[-1]["text"] += c["text"]
        else:
            outputs.append({"output_type": "stream", "name": c["name"], "text": c["text"]})
    elif kind in ("display_data", "execute_result"):
        out = {"output_type": kind, "data": mime_bundle(c.get("data", {})), "metadata": c.get("metadata", {})}
        if kind == "execute_result":
            out["execution_count"] = c.get("execution_count")
        outputs.append(out)
    elif kind == "error":
        outputs.append({"output_type": "error", "ename": c["ename"], "evalue": c["evalue"],
                        "traceback": c.get("traceback", [])})
    elif kind == "clear_output":
        outputs.clear()


def run_cell(kc, source, timeout_s):
    msg_id = kc.execute(source, store_history=True, allow_stdin=False)
    outputs, idle, reply, count = [], False, False, None
    deadline = time.time() + timeout_s
    quiet_since = None
    while time.time() < deadline:
        if not reply:
            try:
                r = kc.get_shell_msg(timeout=0.05)
                if r["parent_header"].get("msg_id") == msg_id:
                    reply, count = True, r["content"].get("execution_count")
            except queue.Empty:
                pass
        try:
            m = kc.get_iopub_msg(timeout=0.05)
        except queue.Empty:
            if idle and reply:
                quiet_since = quiet_since or time.time()
                if time.time() - quiet_since >= GRACE_S:
                    return outputs, count
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        quiet_since = None
        if m["msg_type"] == "status":
            idle = idle or m["content"]["execution_state"] == "idle"
        else:
            add_output(outputs, m)
    outputs.append({"output_type": "error", "ename": "Timeout",
                    "evalue": f"cell did not finish within {timeout_s} s", "traceback": []})
    return outputs, count


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    path = args[0]
    timeout_s = float(args[args.index("--timeout") + 1]) if "--timeout" in args else 1200.0
    with open(path) as f:
        nb = json.load(f)
    km = jupyter_client.KernelManager(kernel_name="deno")
    km.start_kernel(cwd=os.path.dirname(os.path.abspath(path)))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        # The Notebook UI copies the kernel's language_info into the notebook when it opens it;
        # writing the same here means opening and saving a committed notebook changes nothing.
        info = kc.kernel_info(reply=True, timeout=30)["content"]
        nb["metadata"]["language_info"] = info["language_info"]
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            outputs, count = run_cell(kc, "".join(cell["source"]), timeout_s)
            cell["outputs"], cell["execution_count"] = outputs, count
            if any(o["output_type"] == "error" for o in outputs):
                break  # like "Run All" in Jupyter: later cells would only fail on missing state
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    # nbformat.writes is what the Notebook server saves with (sorted keys, text split into lines).
    with open(path, "w") as f:
        f.write(nbformat.writes(nbformat.from_dict(nb), version=nbformat.NO_CONVERT) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
