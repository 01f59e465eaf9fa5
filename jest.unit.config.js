/**
 * `npm run test:unit`: each script's logic (sync/, core/) over fakes of its ports, and the bundle's
 * import graph, from the TypeScript sources: no build, no SFTP server, emulated account or browser,
 * seconds. `npm test` runs these too, and the tiers over the built files (test/lib, test/e2e, ...).
 */
const base = require('./jest.config.js');

module.exports = { ...base, roots: ['<rootDir>/test/unit'] };
