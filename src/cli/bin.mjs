#!/usr/bin/env node
// Entry point of the `ant` command. The sources are TypeScript run through tsx's loader, so an
// installed checkout needs no build step; the CLI proper lives in main.ts.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv);
