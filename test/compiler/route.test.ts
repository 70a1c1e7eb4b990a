// Routing and the separate IR validator: XY multicast trees worked out by hand, and a validator
// that catches a routing table broken after the fact.
import { describe, expect, it } from "vitest";
import { compileProgram } from "../../src/compiler/index.ts";
import { Port, type ChipIR } from "../../src/ir/types.ts";
import { validateIr } from "../../src/ir/validate.ts";
import { population, program, target } from "./helpers.ts";

/**
 * a (10 neurons) -> b (10) and c (10), all to all, at 10 neurons a core on a 4 x 4 mesh with
 * in-order placement: a on core 0 at (0,0), b on core 1 at (1,0), c on core 2 at (2,0). Every
 * spike of a goes east to (1,0), delivers there, and goes on east to (2,0).
 */
function threeCores(): ChipIR {
  const all = { kind: "all_to_all", allowSelf: true } as const;
  const result = compileProgram(
    program({
      populations: [population("a", 10), population("b", 10), population("c", 10)],
      projections: [
        { pre: "a", post: "b", connector: all },
        { pre: "a", post: "c", connector: all },
      ],
    }),
    target({ mesh: [4, 4], core: { maxNeurons: 10 } }),
    { placer: "naive" },
  );
  expect(result.diagnostics).toEqual([]);
  return result.ir!;
}

function withPorts(ir: ChipIR, change: (ports: Uint8Array) => void): ChipIR {
  const nodePorts = ir.routes.nodePorts.slice();
  change(nodePorts);
  return { ...ir, routes: { ...ir.routes, nodePorts } };
}

describe("routing", () => {
  const ir = threeCores();

  it("builds one east-going multicast tree shared by the neurons of a", () => {
    expect(ir.routes.count).toBe(1);
    expect(Array.from(ir.routes.neuronRoute.subarray(0, 10))).toEqual(new Array(10).fill(0));
    expect(Array.from(ir.routes.neuronRoute.subarray(10))).toEqual(new Array(20).fill(-1));
    expect(Array.from(ir.routes.nodeRouter)).toEqual([0, 1, 2]);
    expect(Array.from(ir.routes.nodeParent)).toEqual([-1, 0, 1]);
    expect(Array.from(ir.routes.nodePorts)).toEqual([
      Port.East,
      Port.East | Port.Local,
      Port.Local,
    ]);
  });

  it("passes the IR validator as compiled", () => {
    expect(validateIr(ir)).toEqual([]);
  });

  it("catches a route that no longer delivers to a destination core", () => {
    const broken = withPorts(ir, (ports) => {
      ports[2] = 0; // the last router forgets to deliver to c's core
    });
    const problems = validateIr(broken);

    // One report for each of the ten neurons of a that share the route.
    expect(problems.map((d) => d.code)).toEqual(new Array(10).fill("ANT3903"));
    expect(problems[0]!.message).toBe(
      "Spikes of neuron 0 ('a' 0) never reach core 2: its route tree has no local delivery at router 2.",
    );
  });

  it("catches a route that sends through a port with no next node", () => {
    const broken = withPorts(ir, (ports) => {
      ports[1] = Port.East | Port.South | Port.Local;
    });

    expect(validateIr(broken).map((d) => d.code)).toEqual(["ANT3904"]);
  });

  it("catches a router whose table holds more entries than the target allows", () => {
    const small = { ...ir, target: { ...ir.target, routerTableEntries: 0 } };

    expect(validateIr(small).map((d) => d.code)).toContain("ANT3905");
  });
});
