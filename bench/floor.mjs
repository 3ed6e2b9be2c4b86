// Baseline (d), the floor: a Node process that only reads every file of the tree (recursive
// readdir + readFileSync), the least any tool that looks at every file has to pay: process
// start-up, directory walk and I/O, no parsing. Usage: node bench/floor.mjs <dir>
import fs from "node:fs";
import path from "node:path";

let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile()) {
      // Decoded as the tools do, so the floor includes UTF-8 decoding too.
      bytes += fs.readFileSync(full, "utf8").length;
      files++;
    }
  }
};
walk(process.argv[2] ?? ".");
console.log(`${files} files, ${bytes} characters`);
