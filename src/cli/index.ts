import { run } from "./main.js";
import { processIO } from "./io.js";

process.exitCode = await run(process.argv.slice(2), processIO);
