// Node's own `import()`: this file is loaded by Node's require (see load-module.ts), not by vitest.
"use strict";
module.exports = (url) => import(url);
