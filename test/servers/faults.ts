/**
 * Fault injection shared by the local servers: a rule fires on a chosen request (method, path
 * pattern, nth occurrence) or, in random mode, on a seeded fraction of requests so that a failing
 * run can be replayed exactly.
 */

/** What a fault does to the request it hits. */
export type FaultKind = "http500" | "http429" | "reset" | "slow";

/** The request as a fault rule sees it. */
export interface FaultRequest {
  method: string;
  /** URL path without the query string, still percent-encoded as sent. */
  path: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Where a reset cuts the exchange. */
export type ResetPhase = "request" | "response";

/** Settings shared by targeted rules and random mode. */
export interface FaultShape {
  /** Seconds sent in `Retry-After` (and the `RateLimit` header) with a 429. Default 1. */
  retryAfterSeconds?: number;
  /** Delay before a slow request is handled. Default 1000 ms. */
  delayMs?: number;
  /**
   * Bytes let through before a reset destroys the socket: request body bytes in the request phase,
   * response bytes in the response phase. Default: half the Content-Length (64 KiB when unknown
   * for a request, 1 byte for a response).
   */
  afterBytes?: number;
  /** Default: "request" when the request carries a body, else "response". */
  phase?: ResetPhase;
}

/** Which requests a rule applies to. Every given field must match. */
export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /** A pathname pattern: a string where `*` matches any run of characters, or a RegExp. */
  path?: string | RegExp;
  /** Any further test on the request (query parameters, headers). */
  where?: (request: FaultRequest) => boolean;
}

/** A fault on chosen requests. */
export interface FaultRule extends FaultMatch, FaultShape {
  kind: FaultKind;
  /** Fire on the nth matching request (1-based). Without it, fire on every match. */
  nth?: number;
  /** How many matching requests fire, starting at `nth`. Default 1 with `nth`, unlimited without. */
  count?: number;
}

/** Faults on a seeded random fraction of the requests. */
export interface RandomFaults extends FaultMatch, FaultShape {
  /** Probability in [0, 1] that a matching request fails. */
  rate: number;
  /** PRNG seed; the same seed and the same request order give the same faults. */
  seed: number;
  /** Kinds drawn from uniformly. Default: http500, http429 and reset. */
  kinds?: FaultKind[];
}

/** The fault chosen for one request, with its settings resolved. */
export interface FaultDecision {
  kind: FaultKind;
  retryAfterSeconds: number;
  delayMs: number;
  afterBytes: number | undefined;
  phase: ResetPhase | undefined;
  source: "rule" | "random";
}

/** A fault that fired, for tests to assert on. */
export interface FaultEvent {
  seq: number;
  kind: FaultKind;
  method: string;
  path: string;
  source: "rule" | "random";
}

interface RuleState {
  rule: FaultRule;
  matched: number;
  fired: number;
}

/** mulberry32: small, fast and good enough to spread faults; reproducible from its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`);
}

function matches(match: FaultMatch, request: FaultRequest): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== request.method.toUpperCase()) {
    return false;
  }
  if (match.path !== undefined) {
    const pattern = typeof match.path === "string" ? globToRegExp(match.path) : match.path;
    if (!pattern.test(request.path)) return false;
  }
  return match.where === undefined || match.where(request);
}

function resolve(shape: FaultShape, kind: FaultKind, source: "rule" | "random"): FaultDecision {
  return {
    kind,
    retryAfterSeconds: shape.retryAfterSeconds ?? 1,
    delayMs: shape.delayMs ?? 1000,
    afterBytes: shape.afterBytes,
    phase: shape.phase,
    source,
  };
}

const DEFAULT_RANDOM_KINDS: FaultKind[] = ["http500", "http429", "reset"];

/** Holds the fault rules of one server and records every fault that fired. */
export class FaultInjector {
  private rules: RuleState[] = [];
  private randomMode: { config: RandomFaults; next: () => number } | undefined;
  private readonly events: FaultEvent[] = [];

  /** Adds a targeted rule; rules are tried in the order they were added. */
  add(rule: FaultRule): this {
    if (rule.nth !== undefined && (!Number.isInteger(rule.nth) || rule.nth < 1)) {
      throw new RangeError(`fault rule nth must be a positive integer, got ${String(rule.nth)}`);
    }
    this.rules.push({ rule, matched: 0, fired: 0 });
    return this;
  }

  /** Turns random mode on with the given rate and seed, or off with `undefined`. */
  random(config: RandomFaults | undefined): this {
    if (config !== undefined && !(config.rate >= 0 && config.rate <= 1)) {
      throw new RangeError(`fault rate must be within [0, 1], got ${String(config.rate)}`);
    }
    this.randomMode = config === undefined ? undefined : { config, next: prng(config.seed) };
    return this;
  }

  /** Removes every rule and turns random mode off; the record of fired faults is kept. */
  clear(): this {
    this.rules = [];
    this.randomMode = undefined;
    return this;
  }

  /** Faults that fired so far, in request order. */
  get fired(): readonly FaultEvent[] {
    return this.events;
  }

  /** Chooses the fault for a request, if any; called once per request by the server. */
  decide(seq: number, request: FaultRequest): FaultDecision | undefined {
    const decision = this.fromRules(request) ?? this.fromRandom(request);
    if (decision !== undefined) {
      this.events.push({
        seq,
        kind: decision.kind,
        method: request.method,
        path: request.path,
        source: decision.source,
      });
    }
    return decision;
  }

  private fromRules(request: FaultRequest): FaultDecision | undefined {
    let chosen: FaultDecision | undefined;
    for (const state of this.rules) {
      if (!matches(state.rule, request)) continue;
      state.matched += 1;
      if (chosen !== undefined) continue;
      const { nth, count } = state.rule;
      const limit = count ?? (nth === undefined ? Infinity : 1);
      const reached = nth === undefined || state.matched >= nth;
      if (reached && state.fired < limit) {
        state.fired += 1;
        chosen = resolve(state.rule, state.rule.kind, "rule");
      }
    }
    return chosen;
  }

  private fromRandom(request: FaultRequest): FaultDecision | undefined {
    const mode = this.randomMode;
    if (mode === undefined || !matches(mode.config, request)) return undefined;
    const roll = mode.next();
    const pick = mode.next();
    if (roll >= mode.config.rate) return undefined;
    const kinds = mode.config.kinds ?? DEFAULT_RANDOM_KINDS;
    const kind = kinds[Math.floor(pick * kinds.length)] ?? "http500";
    return resolve(mode.config, kind, "random");
  }
}
