// Side-by-side peer comparison: chrono-node's German parser (chrono.de) on
// the gold sets of Dateline's timex package, and its speed on 10kGNAD.
//
//   cd tools/chrono-compare && npm install && TZ=UTC node compare.mjs
//
// Gold format: see timex/testdata/de-wire-gold.txt. A gold expression counts
// as correct when a chrono result overlaps it and chrono's value, written
// as a TimeML value (YYYY-MM-DD, YYYY-MM, YYYY, with THH:MM when the hour is
// known), equals the gold value. chrono has no durations, sets or
// PRESENT_REF-style values, so those count as missed.
import * as chrono from "chrono-node";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");

function readGold(file) {
  const docs = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("# doc ")) {
      const a = line.slice(6).trim();
      docs.push({ anchor: a === "none" ? null : new Date(a + "T12:00:00Z"), text: "", gold: [] });
      continue;
    }
    if (line.startsWith("#") || line.trim() === "") continue;
    const d = docs[docs.length - 1];
    if (d.text !== "") d.text += "\n";
    let rest = line;
    for (;;) {
      const i = rest.indexOf("[");
      if (i < 0) { d.text += rest; break; }
      const j = rest.indexOf("]", i);
      const f = rest.slice(i + 1, j).split("|");
      d.text += rest.slice(0, i);
      const start = d.text.length;
      d.text += f[0];
      d.gold.push({ start, end: d.text.length, value: f[1], text: f[0] });
      rest = rest.slice(j + 1);
    }
  }
  return docs;
}

const pad = (n, w = 2) => String(n).padStart(w, "0");

function timemlValue(c) {
  const d = c.date();
  const y = pad(d.getUTCFullYear(), 4), m = pad(d.getUTCMonth() + 1), day = pad(d.getUTCDate());
  let v;
  if (c.isCertain("day") || c.isCertain("weekday")) v = `${y}-${m}-${day}`;
  else if (c.isCertain("month")) v = `${y}-${m}`;
  else if (c.isCertain("year")) v = y;
  else v = `${y}-${m}-${day}`; // relative days ("heute") are implied
  if (c.isCertain("hour")) v += `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return v;
}

function score(file) {
  let total = 0, found = 0, correct = 0;
  for (const d of readGold(file)) {
    const ref = d.anchor ?? new Date();
    const res = chrono.de.parse(d.text, ref, { forwardDate: false });
    for (const g of d.gold) {
      total++;
      const hits = res.filter(r => r.index < g.end && g.start < r.index + r.text.length);
      if (hits.length) found++;
      if (hits.some(r => timemlValue(r.start) === g.value)) correct++;
    }
  }
  console.log(`${path.relative(repo, file)}: ${total} gold, chrono found ${found} (${(100 * found / total).toFixed(1)}%), correct ${correct} (${(100 * correct / total).toFixed(1)}%)`);
}

// Every German gold set of the timex package: the tuning set and the held-out ones.
for (const f of readdirSync(path.join(repo, "timex", "testdata")).filter(f => /^de-wire-.*\.txt$/.test(f)).sort()) {
  score(path.join(repo, "timex", "testdata", f));
}

// Speed on real German news (10kGNAD test split), when the shared data is there.
const gnad = process.env.DATELINE_DATA
  ? path.join(process.env.DATELINE_DATA, "news/de/10kGNAD/test.csv")
  : path.resolve(repo, "..", "shared", "data", "news", "de", "10kGNAD", "test.csv");
if (existsSync(gnad)) {
  const texts = readFileSync(gnad, "utf8").split("\n").filter(Boolean).map(l => l.slice(l.indexOf(";") + 1).replace(/^'|'$/g, ""));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const ref = new Date("2016-05-04T12:00:00Z");
  let n = 0;
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  for (const t of texts) n += chrono.de.parse(t, ref).length;
  const cpu = process.cpuUsage(t0);
  const wall = (performance.now() - w0) / 1000;
  const cpuS = (cpu.user + cpu.system) / 1e6;
  console.log(`10kGNAD: ${(bytes / 1e6).toFixed(2)} MB, ${n} results, ${(bytes / 1e6 / wall).toFixed(2)} MB/s wall, ${(bytes / 1e6 / cpuS).toFixed(2)} MB/s cpu`);
}
