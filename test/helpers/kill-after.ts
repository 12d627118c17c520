import type { ChildProcess } from "node:child_process";

/**
 * Kills `child` with SIGKILL once `requests()` has grown by `killAt` (the servers' request logs),
 * or lets it finish; says which happened.
 */
export async function killAfterRequests(
  child: ChildProcess,
  requests: () => number,
  killAt: number,
): Promise<"killed" | "finished"> {
  const start = requests();
  const state = { killed: false };
  const timer = setInterval(() => {
    if (!state.killed && requests() - start >= killAt) {
      state.killed = true;
      child.kill("SIGKILL");
    }
  }, 1);
  await new Promise<void>((resolve) =>
    child.on("exit", () => {
      resolve();
    }),
  );
  clearInterval(timer);
  return state.killed ? "killed" : "finished";
}
