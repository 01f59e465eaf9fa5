#!/bin/sh
# `npm test`'s checks before Jest, in two lanes side by side (each step keeps one core busy):
# - SuiteScript: type-check the sources, rollup's build, then ESLint (it also lints the built files);
# - Node: Prettier, tsc's build of dist/.
# Then, once both have ended, the SDF checks (they run from dist/ and read the files rollup writes) and
# the import circles. The same steps as `npm run build`, `npm run lint:style` and `npm run validate`.
# Each lane's output is printed whole; the exit status is non-zero if any step failed.
cd "$(dirname "$0")/.." || exit 1
PATH="$PWD/node_modules/.bin:$PATH"
out=$(mktemp -d) || exit 1
trap 'rm -rf "$out"' EXIT
(tsc -p tsconfig.json && rollup -c --silent && eslint .) >"$out/suitescript" 2>&1 &
suitescript=$!
(prettier --check . && tsc -p tsconfig.node.json) >"$out/node" 2>&1 &
node=$!
wait "$suitescript"
suitescript_status=$?
wait "$node"
node_status=$?
cat "$out/suitescript" "$out/node"
[ "$suitescript_status" -eq 0 ] || echo "npm test: the SuiteScript checks failed (type-check, rollup or ESLint, above)" >&2
[ "$node_status" -eq 0 ] || echo "npm test: the Node checks failed (Prettier or tsc -p tsconfig.node.json, above)" >&2
[ "$suitescript_status" -eq 0 ] && [ "$node_status" -eq 0 ] || exit 1
node dist/tools/sdf-validate/cli.js src && node tools/importCircles.mjs
