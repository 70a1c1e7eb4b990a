// binary-parser ships its types at dist/binary_parser.d.ts, but its package.json "exports" has no
// "types" condition, so NodeNext resolution cannot find them. This shim points the module at them.
declare module "binary-parser" {
  export { Parser } from "binary-parser/dist/binary_parser.js";
}
