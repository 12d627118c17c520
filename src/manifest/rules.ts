import type { AuthoredManifest } from "./types.generated.js";
import type { ManifestIssue } from "./issue.js";
import type { ParsedManifest } from "./parse.js";

type Finding = Pick<ManifestIssue, "pointer" | "message" | "fix">;

const onnxSchemes = new Set(["onnx-int8", "onnx-int4", "onnx-fp16"]);
const ggufSchemes = new Set(["q8_0", "q4_0", "q4_k", "q4_k_m", "q6_k"]);

/**
 * Rules that span several fields, which the schema cannot say clearly.
 * They run only on a manifest that already matches the schema.
 */
export function checkRules(manifest: AuthoredManifest, parsed: ParsedManifest): ManifestIssue[] {
  const findings: Finding[] = [];
  const { sources } = manifest;
  const hasTensors = Boolean(sources.checkpoint ?? sources.safetensors);
  const hasOnnx = Boolean(sources.onnx ?? sources.export);

  if (sources.checkpoint && sources.safetensors) {
    findings.push({
      pointer: "/sources/safetensors",
      message: "sources name both a checkpoint and safetensors weights",
      fix: "keep one: `checkpoint` to convert it, or `safetensors` to publish existing weights",
    });
  }
  const seen = new Map<string, number>();
  (manifest.variants ?? []).forEach((variant, index) => {
    const pointer = `/variants/${index}`;
    if (onnxSchemes.has(variant.scheme) && !hasOnnx) {
      findings.push({
        pointer: `${pointer}/scheme`,
        message: `variant ${variant.scheme} needs an ONNX model, and the sources have none`,
        fix: "add `sources.onnx: path/to/model.onnx` or an `sources.export` command",
      });
    }
    if (!onnxSchemes.has(variant.scheme) && !hasTensors) {
      findings.push({
        pointer: `${pointer}/scheme`,
        message: `variant ${variant.scheme} needs weights, and the sources have no checkpoint or safetensors`,
        fix: "add `sources.checkpoint: path/to/model.pt` (or `sources.safetensors`)",
      });
    }
    if (ggufSchemes.has(variant.scheme) && !manifest.size) {
      findings.push({
        pointer: `${pointer}/scheme`,
        message: `GGUF variant ${variant.scheme} is named {id}-{size}-{quant}.gguf, and the manifest has no size`,
        fix: "add a top-level `size`, e.g. `size: 0.5b`",
      });
    }
    const identity = JSON.stringify({ ...variant, budget: undefined, branch: undefined });
    const first = seen.get(identity);
    if (first !== undefined) {
      findings.push({
        pointer,
        message: `variant ${variant.scheme} repeats variant ${first} with the same settings`,
        fix: "remove one of them, or give them different settings",
      });
    } else {
      seen.set(identity, index);
    }
  });
  if (manifest.card?.base_model_relation && !manifest.card.base_model) {
    findings.push({
      pointer: "/card/base_model_relation",
      message: "base_model_relation is set without base_model",
      fix: "add `card.base_model: owner/name` of the model this one derives from",
    });
  }
  (manifest.destinations?.ipfs?.providers ?? []).forEach((provider, index) => {
    if (provider.type !== "storacha" && !provider.url) {
      findings.push({
        pointer: `/destinations/ipfs/providers/${index}`,
        message: `IPFS provider ${provider.type} has no url`,
        fix:
          provider.type === "kubo"
            ? "add `url: http://127.0.0.1:5001` (the Kubo RPC API)"
            : "add `url:` with the Pinning Service API endpoint",
      });
    }
    const storachaOnly = (["key", "proof", "space", "serviceDid"] as const).filter(
      (field) => provider[field] !== undefined,
    );
    if (provider.type !== "storacha" && storachaOnly.length > 0) {
      findings.push({
        pointer: `/destinations/ipfs/providers/${index}/${storachaOnly[0] ?? ""}`,
        message: `${storachaOnly.join(", ")} ${storachaOnly.length === 1 ? "applies" : "apply"} to storacha providers only, not ${provider.type}`,
        fix: "remove it, or set `type: storacha`",
      });
    }
    if (provider.type === "storacha" && provider.tokenEnv !== undefined) {
      findings.push({
        pointer: `/destinations/ipfs/providers/${index}/tokenEnv`,
        message: "a storacha provider takes no token: it signs with an agent key and a delegation",
        fix: "remove tokenEnv; set `key: env:STORACHA_KEY` and `proof: env:STORACHA_PROOF` (the defaults)",
      });
    }
  });

  return findings.map((finding) => {
    const position = parsed.locate(finding.pointer);
    return {
      kind: "rule",
      file: parsed.file,
      line: position.line,
      column: position.column,
      ...finding,
    };
  });
}
