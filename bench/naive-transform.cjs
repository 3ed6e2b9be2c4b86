// Baseline (b): the codemod a user would write by hand with jscodeshift. It parses and walks
// every file (no text pre-check), finds the calls of v0 members on any receiver, and renames
// the receiver path to the v1 one without touching arguments (an `execHostCmd` command line
// is not split, a spawn callback not converted). What the jscodeshift docs teach, not a
// migration: the least a user would run, so the cost (a) is compared against is a floor.
// Run: jscodeshift -t bench/naive-transform.cjs <dir> --dry --parser=tsx --extensions=ts,tsx,js,jsx

/** v0 member → v1 path, from deprecations/table.ts (bench/run.mjs checks it covers every row). */
const V1 = {
  "backend.get": "extension.vm.service.get",
  "backend.post": "extension.vm.service.post",
  "backend.put": "extension.vm.service.put",
  "backend.patch": "extension.vm.service.patch",
  "backend.delete": "extension.vm.service.delete",
  "backend.head": "extension.vm.service.head",
  "backend.request": "extension.vm.service.request",
  "backend.execInVMExtension": "extension.vm.cli.exec",
  "backend.spawnInVMExtension": "extension.vm.cli.exec",
  "backend.execInContainer": "docker.cli.exec",
  execHostCmd: "extension.host.cli.exec",
  spawnHostCmd: "extension.host.cli.exec",
  execDockerCmd: "docker.cli.exec",
  spawnDockerCmd: "docker.cli.exec",
  toastSuccess: "desktopUI.toast.success",
  toastWarning: "desktopUI.toast.warning",
  toastError: "desktopUI.toast.error",
  listContainers: "docker.listContainers",
  listImages: "docker.listImages",
  navigateToContainers: "desktopUI.navigate.viewContainers",
  navigateToContainer: "desktopUI.navigate.viewContainer",
  navigateToContainerLogs: "desktopUI.navigate.viewContainerLogs",
  navigateToContainerInspect: "desktopUI.navigate.viewContainerInspect",
  navigateToContainerStats: "desktopUI.navigate.viewContainerStats",
  navigateToImages: "desktopUI.navigate.viewImages",
  navigateToImage: "desktopUI.navigate.viewImage",
  navigateToVolumes: "desktopUI.navigate.viewVolumes",
  navigateToVolume: "desktopUI.navigate.viewVolume",
  openExternal: "host.openExternal",
  // No v1 counterpart: found (a user would grep the output for them) but left as they are.
  navigateToRoute: null,
  navigateToDevEnvironments: null,
};

/** `backend`, `x.backend` or `x.backend!`: the object a `backend.*` member hangs off. */
function isBackend(node) {
  if (node.type === "TSNonNullExpression") return isBackend(node.expression);
  if (node.type === "Identifier") return node.name === "backend";
  return (node.type === "MemberExpression" || node.type === "OptionalMemberExpression") && !node.computed && node.property.name === "backend";
}

const BY_MEMBER = new Map(Object.keys(V1).map((id) => [id.split(".").pop(), id]));

function transform(file, api) {
  const j = api.jscodeshift;
  const root = j(file.source);
  let changed = 0;
  // One walk over the calls, looking each callee name up. The textbook form, one
  // `root.find(j.CallExpression, { callee: { property: { name } } })` per v0 member, walks the
  // tree 31 times: about 3x the cost per file (53 vs 17 ms measured), too slow to run 3 times
  // on 10,000 files in the time the bench has, and a weaker baseline than a user could write.
  // find(j.CallExpression) also yields optional calls (`backend?.get()`): ast-types makes
  // OptionalCallExpression a subtype of CallExpression.
  root.find(j.CallExpression).forEach((path) => {
    const callee = path.node.callee;
    if ((callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") || callee.computed) return;
    const id = BY_MEMBER.get(callee.property.name);
    if (id === undefined) return;
    const nested = id.includes(".");
    if (nested && !isBackend(callee.object)) return;
    const v1 = V1[id];
    if (v1 === null) return;
    // `x.backend.get` → `x.extension.vm.service.get`; a bare destructured `backend` → `extension.vm.service.get`.
    const backend = nested && callee.object.type === "TSNonNullExpression" ? callee.object.expression : callee.object;
    const receiver = !nested ? callee.object : backend.type === "Identifier" ? null : backend.object;
    const names = v1.split(".");
    callee.object = names.slice(0, -1).reduce((object, name) => (object ? j.memberExpression(object, j.identifier(name)) : j.identifier(name)), receiver);
    callee.property = j.identifier(names[names.length - 1]);
    changed++;
  });
  return changed > 0 ? root.toSource() : undefined;
}

module.exports = transform;
module.exports.V1 = V1;
