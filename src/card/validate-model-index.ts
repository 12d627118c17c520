import { closest } from "../manifest/suggest.js";
import type { CardIssue } from "./card-issue.js";
import { PIPELINE_TAGS } from "./hub-vocabulary.js";

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const SPEC = "see the model-index example in https://hf.co/docs/hub/model-cards";

function requireString(
  object: Fields,
  key: string,
  at: string,
  issues: CardIssue[],
  optional = false,
): string | undefined {
  const value = object[key];
  if (value === undefined && optional) return undefined;
  if (typeof value === "string" && value !== "") return value;
  issues.push({
    field: `${at}.${key}`,
    message: value === undefined ? "is missing" : "is not a non-empty string",
    fix: `give ${key} as text; ${SPEC}`,
  });
  return undefined;
}

function checkMetric(metric: unknown, at: string, issues: CardIssue[]): void {
  if (!isRecord(metric)) {
    issues.push({
      field: at,
      message: "is not a mapping",
      fix: `write { type, value, name }; ${SPEC}`,
    });
    return;
  }
  requireString(metric, "type", at, issues);
  requireString(metric, "name", at, issues, true);
  const value = metric.value;
  if (!(typeof value === "string" || (typeof value === "number" && Number.isFinite(value)))) {
    issues.push({
      field: `${at}.value`,
      message: value === undefined ? "is missing" : "is not a number or text",
      fix: "give the metric's value, e.g. 0.873",
    });
  }
  if (metric.verified !== undefined && typeof metric.verified !== "boolean") {
    issues.push({
      field: `${at}.verified`,
      message: "is not true or false",
      fix: "write true or false",
    });
  }
}

function checkResult(result: unknown, at: string, issues: CardIssue[]): void {
  if (!isRecord(result)) {
    issues.push({
      field: at,
      message: "is not a mapping",
      fix: `write { task, dataset, metrics }; ${SPEC}`,
    });
    return;
  }
  const task = result.task;
  if (!isRecord(task)) {
    issues.push({
      field: `${at}.task`,
      message: "is missing or not a mapping",
      fix: "write task: { type: text-generation }",
    });
  } else {
    const type = requireString(task, "type", `${at}.task`, issues);
    if (type !== undefined && !PIPELINE_TAGS.includes(type)) {
      const guess = closest(type, PIPELINE_TAGS);
      issues.push({
        field: `${at}.task.type`,
        message: `"${type}" is not a Hub task (@huggingface/tasks)`,
        fix:
          guess === undefined
            ? "use a pipeline tag such as text-generation"
            : `did you mean "${guess}"?`,
      });
    }
    requireString(task, "name", `${at}.task`, issues, true);
  }
  const dataset = result.dataset;
  if (!isRecord(dataset)) {
    issues.push({
      field: `${at}.dataset`,
      message: "is missing or not a mapping",
      fix: "write dataset: { type: <hub dataset id>, name: <display name> }",
    });
  } else {
    requireString(dataset, "type", `${at}.dataset`, issues);
    requireString(dataset, "name", `${at}.dataset`, issues);
    for (const key of ["config", "split", "revision"]) {
      requireString(dataset, key, `${at}.dataset`, issues, true);
    }
  }
  const metrics = result.metrics;
  if (!Array.isArray(metrics) || metrics.length === 0) {
    issues.push({
      field: `${at}.metrics`,
      message: "is missing or empty",
      fix: "list at least one { type, value }",
    });
  } else {
    metrics.forEach((metric: unknown, index) => {
      checkMetric(metric, `${at}.metrics[${index}]`, issues);
    });
  }
  if (result.source !== undefined) {
    if (!isRecord(result.source)) {
      issues.push({
        field: `${at}.source`,
        message: "is not a mapping",
        fix: "write source: { name, url }",
      });
    } else {
      requireString(result.source, "url", `${at}.source`, issues);
    }
  }
}

/** Checks the structure of a `model-index` (the Hub's evaluation results), adding issues. */
export function checkModelIndex(modelIndex: unknown, issues: CardIssue[]): void {
  if (modelIndex === undefined) return;
  if (!Array.isArray(modelIndex) || modelIndex.length === 0) {
    issues.push({
      field: "model-index",
      message: "is not a non-empty list",
      fix: `write model-index: [{ name, results: [...] }]; ${SPEC}`,
    });
    return;
  }
  modelIndex.forEach((entry: unknown, i) => {
    const at = `model-index[${i}]`;
    if (!isRecord(entry)) {
      issues.push({ field: at, message: "is not a mapping", fix: "write { name, results }" });
      return;
    }
    requireString(entry, "name", at, issues);
    const results = entry.results;
    if (!Array.isArray(results) || results.length === 0) {
      issues.push({
        field: `${at}.results`,
        message: "is missing or empty",
        fix: `list the results; ${SPEC}`,
      });
      return;
    }
    results.forEach((result: unknown, j) => {
      checkResult(result, `${at}.results[${j}]`, issues);
    });
  });
}
