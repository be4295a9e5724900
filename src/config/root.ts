/** Where a repository starts: the nearest folder at or above a path that holds the campaign document. */
import path from 'node:path';
import { NOT_PLAN_FILES, YAML_FILE } from '../load/names.js';
import { NodeFileSystem, type FileSystem } from '../load/fs.js';

const CAMPAIGN_LINE = /^kind:[ \t]*(["']?)Campaign\1[ \t]*(#[^\r\n]*)?\r?$/m;
/** Files this large are not a campaign worth sniffing for (and would be slow to read). */
const MAX_SNIFF_BYTES = 2 * 1024 * 1024;

/**
 * The nearest folder at or above `start` (a folder) holding a YAML file with a top-level
 * `kind: Campaign` line (campaign.yaml first). Stops after a folder with `.git` and at the
 * filesystem root; undefined when there is none. `seen` remembers folders already looked at.
 */
export function findCampaignRoot(start: string, seen: Map<string, boolean> = new Map(), fs: FileSystem = new NodeFileSystem()): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    // many named files share their folders (pre-commit passes every changed file): look at each folder once
    let holds = seen.get(dir);
    if (holds === undefined) seen.set(dir, (holds = holdsCampaign(dir, fs)));
    if (holds) return dir;
    if (exists(path.join(dir, '.git'), fs)) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The folder to start from for a named path: itself when a folder, else its parent. */
export function startFolder(abs: string, fs: FileSystem = new NodeFileSystem()): string {
  try {
    if (fs.stat(abs).isDirectory()) return abs;
  } catch {
    // a missing path is reported by discovery; its parent is still a place to look from
  }
  return path.dirname(abs);
}

function holdsCampaign(dir: string, fs: FileSystem): boolean {
  let names: string[];
  try {
    names = fs.readdir(dir).map((e) => e.name).filter((n) => YAML_FILE.test(n) && !NOT_PLAN_FILES.has(n));
  } catch {
    return false;
  }
  const rank = (n: string) => (/^campaign\.ya?ml$/i.test(n) ? 0 : 1);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return names.some((name) => sniff(path.join(dir, name), fs));
}

function sniff(file: string, fs: FileSystem): boolean {
  try {
    const st = fs.stat(file);
    if (!st.isFile() || st.size > MAX_SNIFF_BYTES) return false;
    return CAMPAIGN_LINE.test(Buffer.from(fs.readFile(file)).toString('utf8'));
  } catch {
    return false;
  }
}

function exists(p: string, fs: FileSystem): boolean {
  try {
    fs.stat(p);
    return true;
  } catch {
    return false;
  }
}
