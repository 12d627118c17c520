export interface ReleaseCarFile {
    path: string;
    /** The release root CID the CAR's header names. */
    root: string;
    size: number;
}
/**
 * Writes a signed release folder as one CAR file (`ipfs dag import` pins its root): the same
 * blocks the IPFS destination publishes, streamed from the files into a temporary file that is
 * renamed into place only when complete.
 */
export declare function writeReleaseCar(dir: string, path: string, options: {
    gateways: readonly string[];
}): Promise<ReleaseCarFile>;
