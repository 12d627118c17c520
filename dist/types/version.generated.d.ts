/** model-publish's own version. */
export declare const VERSION = "0.1.0";
/** The onnxruntime-node the lockfile pins: what the action installs beside itself. */
export declare const ONNXRUNTIME_NODE_VERSION = "1.30.0";
