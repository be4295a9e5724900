// The language-server part of the bench (`npm run bench -- --lsp`): `plans lsp` on the generated
// 2,202-file repository, driven over stdio with vscode-jsonrpc as an editor drives it. Each case
// times, from the didChange sent to the publishDiagnostics that answers it (with the findings the
// edit must give), and reports the median and the 95th percentile:
//
//   action edit   a lead mistyped and mended in an open action file (lint in context: narrowed
//                 when clean; the unknown owner's did-you-mean reads the whole repository)
//   owner rename  an owner id renamed (unsaved) in the open plan header, whose Owners document
//                 defines it: the open action file that names it gets its unknown-reference
//                 (the header is checked with the whole repository, then the action file)
//   header edit   the plan header itself edited: its own diagnostics (a whole-repository check)
//
// Each edit is sent with the server idle (nothing published for 250 ms), so that a time is the
// latency of that edit alone, not of the queue of checks before it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PLANS = path.join(here, 'plans-entry.mjs');

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Times the three cases `rounds` times each on `repo` ({dir, files}); returns the rows and the lines of a report section. */
export async function benchLsp(repo, rounds = 20) {
  const child = spawn(process.execPath, [PLANS, 'lsp', '--stdio'], { cwd: repo.dir, env: { ...process.env, LANG: 'en_US.UTF-8' }, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  let lastPublish = 0;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    lastPublish = at;
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].test(p)) {
        waiters[i].resolve(at);
        waiters.splice(i, 1);
      }
    }
  });
  conn.onNotification('window/logMessage', (p) => console.log(`  server: ${p.message}`));
  conn.listen();
  const uri = (rel) => pathToFileURL(path.join(repo.dir, rel)).href;
  const wait = (test, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench lsp: no diagnostics for ${what} in 30 s`)), 30_000);
      waiters.push({ test, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  const versions = new Map();
  const texts = new Map();
  const open = async (rel) => {
    const text = fs.readFileSync(path.join(repo.dir, rel), 'utf8');
    versions.set(rel, 1);
    texts.set(rel, text);
    const shown = wait((p) => p.uri === uri(rel), rel);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(rel), languageId: 'yaml', version: 1, text } });
    await shown;
  };
  /** Waits until the server has published nothing for 250 ms: each timed edit starts with the server idle. */
  const settle = async () => {
    for (;;) {
      const before = lastPublish;
      await new Promise((r) => setTimeout(r, 250));
      if (lastPublish === before) return;
    }
  };
  /** The server's CPU time so far, in ms (Linux: /proc/PID/schedstat, in ns); NaN elsewhere. */
  const cpuMs = () => {
    try {
      return Number(fs.readFileSync(`/proc/${child.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return NaN;
    }
  };
  const cpu = [];
  /** Sends a change of `rel` (the server idle) and resolves with the ms until diagnostics of `watch` satisfy `test`; its CPU time goes to `cpu`. */
  const change = async (rel, text, watch, test) => {
    await settle();
    const version = versions.get(rel) + 1;
    versions.set(rel, version);
    const done = wait((p) => p.uri === uri(watch) && (watch !== rel || p.version === version) && test(p.diagnostics), watch);
    const start = performance.now();
    const cpuStart = cpuMs();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(rel), version }, contentChanges: [{ text }] });
    const ms = (await done) - start;
    cpu.push(cpuMs() - cpuStart);
    return ms;
  };

  const started = performance.now();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(repo.dir).href, workspaceFolders: [{ uri: pathToFileURL(repo.dir).href, name: 'bench' }], capabilities: {} });
  await conn.sendNotification('initialized', {});
  const action = 'c0001/actions/01.yaml';
  const header = 'c0001/plan.yaml';
  await open(action);
  await open(header);
  await open('owners.yaml');
  const openMs = performance.now() - started;

  const base = texts.get(action);
  const lead = /^( +lead: )(\S+)$/m.exec(base);
  if (!lead) throw new Error('bench lsp: no lead in the action file');
  const owner = lead[2];
  const typo = base.replace(lead[0], `${lead[1]}${owner}x`);
  const unknown = (d) => d.some((x) => x.code === 'unknown-reference');
  const clean = (d) => !unknown(d);
  const headerText = texts.get(header);
  if (!headerText.includes(`id: ${owner}\n`)) throw new Error(`bench lsp: ${owner} is not defined in ${header}`);
  const renamed = headerText.replace(`id: ${owner}\n`, `id: ${owner}-renamed\n`);
  const retitled = (i) => headerText.replace(/^title: (.*)$/m, (_m, t) => `title: ${t}（修订 ${i}）`);

  const cases = { 'action edit': [], 'owner rename': [], 'header edit': [] };
  const cpus = { 'action edit': [], 'owner rename': [], 'header edit': [] };
  const warmup = 3;
  for (let i = 0; i < rounds + warmup; i++) {
    const keep = i >= warmup;
    const a = await change(action, typo, action, unknown);
    const aCpu = cpu.at(-1);
    const a2 = await change(action, base, action, clean);
    const a2Cpu = cpu.at(-1);
    const b = await change(header, renamed, action, unknown);
    const bCpu = cpu.at(-1);
    await change(header, headerText, action, clean);
    const c = await change(header, retitled(i), header, () => true);
    const cCpu = cpu.at(-1);
    await change(header, headerText, header, () => true);
    if (keep) {
      cases['action edit'].push(a, a2);
      cases['owner rename'].push(b);
      cases['header edit'].push(c);
      cpus['action edit'].push(aCpu, a2Cpu);
      cpus['owner rename'].push(bCpu);
      cpus['header edit'].push(cCpu);
    }
  }
  // the server's peak memory (Linux: VmHWM)
  let peakMiB = NaN;
  try {
    peakMiB = Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    // not Linux
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();

  const rows = Object.entries(cases).map(([name, xs]) => ({ name, median: median(xs), p95: quantile(xs, 0.95), max: Math.max(...xs), cpu: median(cpus[name]), n: xs.length }));
  const lines = [
    `## plans lsp: didChange to publishDiagnostics, ${repo.files} files`,
    '',
    `Open documents: ${action}, ${header} (a Plan and an Owners document) and owners.yaml; start and first diagnostics of all three ${(openMs / 1000).toFixed(2)} s; the server's peak memory ${peakMiB.toFixed(0)} MiB. ${rounds} timed rounds after ${warmup} warm-up rounds; times include the server's 40 ms debounce.`,
    '',
    '| case | median | p95 | max | server CPU (median) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${r.median.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.max.toFixed(0)} ms | ${r.cpu.toFixed(0)} ms |`),
    '',
  ];
  console.log(`  server peak memory ${peakMiB.toFixed(0)} MiB; start and first diagnostics ${(openMs / 1000).toFixed(2)} s`);
  for (const r of rows) console.log(`  ${r.name.padEnd(14)} median ${r.median.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, max ${r.max.toFixed(0)} ms, server CPU ${r.cpu.toFixed(0)} ms (${r.n} edits)`);
  return { rows, lines, openMs };
}
