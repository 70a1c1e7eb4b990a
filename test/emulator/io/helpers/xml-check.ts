/**
 * A small well-formedness check for the SVG the raster writer produces: every tag is closed in
 * order, attributes are quoted, and text holds no raw '<' or stray '&'. Enough for generated
 * markup without comments, CDATA or processing instructions.
 */
export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;

  for (let match = token.exec(text); match !== null; match = token.exec(text)) {
    checkText(text.slice(last, match.index), problems);
    last = token.lastIndex;
    const [, closing, name, , selfClosing] = match;
    if (closing === "/") {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
    } else if (selfClosing !== "/") {
      stack.push(name as string);
    }
  }
  checkText(text.slice(last), problems);
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(", ")}`);
  return problems;
}

function checkText(segment: string, problems: string[]): void {
  if (segment.includes("<") || segment.includes(">"))
    problems.push(`malformed tag near '${segment.slice(0, 40)}'`);
  const stray = segment.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, "");
  if (stray.includes("&")) problems.push(`stray '&' in '${segment.slice(0, 40)}'`);
}
