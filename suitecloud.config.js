// SuiteCloud CLI project settings: the SDF project lives in src/ (manifest.xml, deploy.xml,
// Objects/, FileCabinet/). `npm run deploy` builds and validates before the CLI deploys.
module.exports = {
  defaultProjectFolder: 'src',
  commands: {},
};
