// SuiteCloud CLI project settings. `suitecloud` deploys a project GENERATED from src/ by
// tools/sdf-deploy (see docs/UPGRADE.md), never src/ itself:
// - dist/sdf/update (default; `npm run deploy`): no script deployments and no HotWax-owned object, so a
//   deploy never resets what an administrator set and never changes HotWax's objects;
// - dist/sdf/first-install, dist/sdf/add-deployments: chosen with HC_SDF_PROJECT by the npm scripts
//   `deploy:first-install` and `deploy:add-deployments`.
// Run the npm scripts (they generate and validate the folder first) rather than `suitecloud` directly.
module.exports = {
  defaultProjectFolder: process.env.HC_SDF_PROJECT || 'dist/sdf/update',
  commands: {},
};
