/**
 * Local stand-ins for the services model-publish publishes to, for tests and the demo: each
 * listens on 127.0.0.1 on a free port, keeps what it receives on disk, speaks the wire protocol
 * the real client library uses, and can inject faults (see {@link FaultInjector}).
 */
export { startHubServer } from "./hub-server.js";
export type { HubServer, HubServerOptions } from "./hub-server.js";
export { startGcsServer } from "./gcs-server.js";
export type { GcsServer, GcsServerOptions } from "./gcs-server.js";
export { startKuboServer } from "./kubo-server.js";
export type { KuboServer, KuboServerOptions } from "./kubo-server.js";
export { startPinningServer } from "./pinning-server.js";
export type { PinningServer, PinningServerOptions, PinStatus } from "./pinning-server.js";
export { startGitHubServer } from "./github-server.js";
export type { GitHubServer, GitHubServerOptions } from "./github-server.js";
export { startActionsCacheServer } from "./actions-cache-server.js";
export type { ActionsCacheServer, ActionsCacheServerOptions } from "./actions-cache-server.js";
export { startStorachaServer } from "./storacha-server.js";
export type { StorachaServer, StorachaServerOptions } from "./storacha-server.js";
export { FaultInjector } from "./faults.js";
export type { FaultKind, FaultRule, RandomFaults } from "./faults.js";
export type { RequestLogEntry } from "./http-server.js";
