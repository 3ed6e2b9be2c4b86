/** The lines a unified diff (the `--dry` diff) removes from the old text and adds in the new, 1-based, for the editors to tint. */
export function diffLines(diff: string): { removed: number[]; added: number[] } {
  const removed: number[] = [];
  const added: number[] = [];
  let old = 0;
  let now = 0;
  for (const line of diff.split("\n")) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) [old, now] = [Number(hunk[1]), Number(hunk[2])];
    else if (line.startsWith("---") || line.startsWith("+++") || old === 0) continue;
    else if (line.startsWith("-")) removed.push(old++);
    else if (line.startsWith("+")) added.push(now++);
    // "\ No newline at end of file" counts in neither text.
    else if (!line.startsWith("\\")) [old, now] = [old + 1, now + 1];
  }
  return { removed, added };
}
