/**
 * `npm run test:unit`: the fast tests only, the built library's logic over fakes (test/unit) and its
 * pure helpers (test/lib), with no SFTP server, emulated account or browser. `npm test` runs these too.
 */
const base = require('./jest.config.js');

module.exports = { ...base, roots: ['<rootDir>/test/unit', '<rootDir>/test/lib'] };
