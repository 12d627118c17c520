/** What the provider invokes on the space; `filecoin/offer` is invoked on the agent itself. */
export declare const STORACHA_SPACE_ABILITIES: readonly ["space/blob/add", "space/index/add", "upload/add", "upload/get"];
/** Where a credential comes from: an environment variable's value or a file. */
export type CredentialSource = {
    env: string;
    value: string;
} | {
    file: string;
};
/** The agent key and the space delegation, as the manifest names them. */
export interface StorachaCredentialOptions {
    /** The agent's private key as `storacha key create` prints it (multibase, starts with `M`). */
    key: string;
    /** For messages: where the key came from, e.g. `env:STORACHA_KEY` (never the key). */
    keyFrom: string;
    /** The delegation as `storacha delegation create … --base64` prints it (or a CAR file). */
    proof: CredentialSource;
    /** The space to upload to; default the one the proof names. */
    space?: string;
}
/** The parsed credentials, checked against each other. */
export interface StorachaAuth {
    signer: ReturnType<typeof import("@storacha/client/principal/ed25519").parse>;
    proof: Awaited<ReturnType<typeof import("@storacha/client/proof").parse>>;
    space: `did:key:${string}`;
}
/** The command that makes a delegation this provider can use, for error messages. */
export declare function delegationCommand(agent: string): string;
/**
 * Parses the agent key and the space delegation and checks them against each other before
 * anything is sent: the delegation must be addressed to this key, name the space, grant every
 * ability an upload needs, and be within its validity window. Messages name where each
 * credential came from and the command that makes a good one; never a credential itself.
 */
export declare function storachaAuth(label: string, options: StorachaCredentialOptions, now?: number): Promise<StorachaAuth>;
