"""The Brian2 side of bench/emulator.ts: the same CUBA networks, run in Brian2 so the two
simulators can be compared on one machine.

Networks (matching bench/emulator.ts, which builds them from examples/cuba.ant):
  cuba     4,000 LIF neurons (3,200 exc, 800 inh), p = 0.02, 1 ms synaptic delay
  cuba40k  40,000 neurons, p = 0.002: the same 80 synapses per neuron
  sparse   cuba with v_rest = -60 mV (below threshold), driven by one Poisson input per neuron
  sparse40k  sparse at cuba40k's size

Brian2 integrates with a fixed step (dt = 0.1 ms, its default) where ANT is event-driven, so
spike counts agree only statistically. Prints one JSON object on stdout:
  {"network", "device", "duration_s", "wall_s", "run_s", "cpu_s", "spikes", "synaptic_events",
   "max_rss_kb", "children_max_rss_kb"}
wall_s is everything after the imports (network construction, code generation, compilation and
the run); run_s is the simulation loop alone (Brian2's own measurement in standalone mode).

Usage: python3 bench/brian2_cuba.py --network cuba --duration 1 --device runtime|cpp_standalone
"""

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time


# The sparse variant's drive, shared with bench/emulator.ts: one Poisson source per neuron.
SPARSE_DRIVE_HZ = 100
SPARSE_DRIVE_MV = 10


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--network", choices=["cuba", "cuba40k", "sparse", "sparse40k"], default="cuba")
    parser.add_argument("--duration", type=float, default=1.0, help="simulated seconds")
    parser.add_argument("--device", choices=["runtime", "cpp_standalone"], default="runtime")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import brian2 as b
    import numpy as np

    b.prefs.logging.console_log_level = "ERROR"
    build_dir = None
    if args.device == "cpp_standalone":
        build_dir = tempfile.mkdtemp(prefix="ant-brian2-")
        b.set_device("cpp_standalone", directory=build_dir, build_on_run=True)
        b.prefs.devices.cpp_standalone.openmp_threads = 0
    b.seed(args.seed)

    wall_start = time.perf_counter()
    ms, mV = b.ms, b.mV
    sparse = args.network in ("sparse", "sparse40k")
    size, p = (40000, 0.002) if args.network.endswith("40k") else (4000, 0.02)
    v_rest = -60 * mV if sparse else -49 * mV
    eqs = """
    dv/dt  = (ge + gi - (v - v_rest)) / (20*ms) : volt (unless refractory)
    dge/dt = -ge / (5*ms) : volt
    dgi/dt = -gi / (10*ms) : volt
    """
    cells = b.NeuronGroup(
        size,
        eqs,
        threshold="v > -50*mV",
        reset="v = -60*mV",
        refractory=5 * ms,
        method="exact",
        namespace={"v_rest": v_rest},
    )
    cells.v = "-60*mV + rand() * 10*mV"
    n_exc = size * 4 // 5
    exc = cells[:n_exc]
    inh = cells[n_exc:]
    se = b.Synapses(exc, cells, on_pre="ge += 1.62*mV", delay=1 * ms)
    se.connect(p=p)
    si = b.Synapses(inh, cells, on_pre="gi += -9*mV", delay=1 * ms)
    si.connect(p=p)
    objects = [cells, se, si]
    if sparse:
        drive = b.PoissonGroup(size, rates=SPARSE_DRIVE_HZ * b.Hz)
        sd = b.Synapses(drive, cells, on_pre=f"ge += {SPARSE_DRIVE_MV}*mV", delay=1 * ms)
        sd.connect(j="i")
        drive_monitor = b.SpikeMonitor(drive, record=False)
        objects += [drive, sd, drive_monitor]
    monitor = b.SpikeMonitor(cells)
    net = b.Network(*objects, monitor)

    run_start = time.perf_counter()
    cpu_start = time.process_time()
    net.run(args.duration * b.second)
    run_s = time.perf_counter() - run_start
    cpu_s = time.process_time() - cpu_start  # this process only: not the standalone binary
    if args.device == "cpp_standalone":
        run_s = float(b.device._last_run_time)
    wall_s = time.perf_counter() - wall_start

    # Synaptic events: every spike of a neuron reaches each of its outgoing synapses.
    counts = np.asarray(monitor.count[:], dtype=np.float64)
    out_degree = np.zeros(size)
    out_degree[:n_exc] += np.bincount(np.asarray(se.i[:]), minlength=n_exc)[:n_exc]
    out_degree[n_exc:] += np.bincount(np.asarray(si.i[:]), minlength=size - n_exc)[: size - n_exc]
    synaptic = float(counts @ out_degree)
    if sparse:
        synaptic += float(drive_monitor.num_spikes)  # one synapse per drive source

    result = {
        "network": args.network,
        "device": args.device,
        "duration_s": args.duration,
        "wall_s": wall_s,
        "run_s": run_s,
        "spikes": int(monitor.num_spikes),
        "synaptic_events": synaptic,
        "cpu_s": cpu_s,
        "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        # Standalone mode: the compiler and the simulation binary, whichever peaked higher.
        "children_max_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }
    # Results are read from the build directory in standalone mode: remove it only now.
    if build_dir is not None:
        shutil.rmtree(build_dir, ignore_errors=True)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
