// Each `n8n execute` is a fresh n8n process (a few seconds) and a render waits for the simulator:
// e2e tests need far more than jest's default 5 s. (A project-level `testTimeout` is not applied
// by jest 30, hence this setup file.)
jest.setTimeout(300_000);
