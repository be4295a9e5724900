/**
 * The entry schema in the real yaml-language-server (what VS Code's YAML extension runs): the test
 * speaks LSP over stdio itself, opens plans with the `$schema` modeline, and checks diagnostics,
 * completion and hover. Every wait is bounded.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..');
const server = path.join(root, 'node_modules/yaml-language-server/bin/yaml-language-server');
const schemaUri = pathToFileURL(path.join(root, 'schemas/plans.schema.json')).href;
const WAIT_MS = 20_000;
const yamlSettings: { validate: boolean; completion: boolean; hover: boolean; schemas: Record<string, string[]> } = { validate: true, completion: true, hover: true, schemas: {} };

interface Message {
  id?: number;
  method?: string;
  params?: any;
  result?: any;
  error?: { message: string };
}

/** A minimal LSP client: Content-Length framing, requests with ids, the server's own requests answered. */
class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private pending = new Map<number, (m: Message) => void>();
  private listeners: ((m: Message) => void)[] = [];
  readonly notifications: Message[] = [];
  stderr = '';

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const sep = this.buffer.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const header = this.buffer.subarray(0, sep).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < sep + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(sep + 4, sep + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(sep + 4 + length);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.method !== undefined && msg.id !== undefined) {
      // The server asks for settings (and may register capabilities): answer as VS Code would.
      let result: unknown = null;
      if (msg.method === 'workspace/configuration') {
        result = (msg.params.items as { section?: string }[]).map((item) => (item.section === 'yaml' ? yamlSettings : null));
      }
      this.send({ id: msg.id, result });
      return;
    }
    if (msg.method !== undefined) {
      this.notifications.push(msg);
      for (const l of this.listeners) l(msg);
      return;
    }
    if (msg.id !== undefined) this.pending.get(msg.id)?.(msg);
  }

  send(msg: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  request(method: string, params: unknown): Promise<any> {
    const id = ++this.nextId;
    return bounded(
      new Promise<any>((resolve, reject) => {
        this.pending.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
        this.send({ id, method, params });
      }),
      `${method} answer`,
      () => this.stderr,
    );
  }

  /** The first notification (seen already or to come) that satisfies `test`. */
  waitFor(method: string, test: (params: any) => boolean): Promise<any> {
    const seen = this.notifications.find((m) => m.method === method && test(m.params));
    if (seen) return Promise.resolve(seen.params);
    return bounded(
      new Promise<any>((resolve) => {
        this.listeners.push((m) => {
          if (m.method === method && test(m.params)) resolve(m.params);
        });
      }),
      method,
      () => this.stderr,
    );
  }
}

function bounded<T>(promise: Promise<T>, what: string, stderr: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} from yaml-language-server within ${WAIT_MS} ms; stderr: ${stderr().slice(0, 500)}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const modeline = `# yaml-language-server: $schema=${schemaUri}`;
// Line numbers (0-based, as LSP counts) are noted where the assertions use them.
const planText = [
  modeline, //                       0
  'kind: Plan', //                   1
  'campaign: fazhu-gongfu-2022', //  2
  'city: hangzhou', //               3
  'actions:', //                     4
  '  - id: HZ-01', //                5
  '    title: 共同富裕法治同行行动', // 6  hover on `title`
  '    tasks: [T01]', //             7
  '    lead: hz-sfj-fzdc', //        8
  '    suport: [hz-sfj-lfc]', //     9  unknown key
  '    due: 2022-12-31', //          10
  '  - id: HZ-02', //                11
  '    title: 共同富裕立法引领行动', // 12
  '    tasks: T02', //               13 wrong type: a list is expected
  '    lead: hz-sfj-lfc', //         14
  '',
].join('\n');

const completionText = [
  modeline, //                 0
  'kind: Plan', //             1
  'campaign: fazhu-gongfu-2022', // 2
  'city: hangzhou', //         3
  'actions:', //               4
  '  - id: HZ-01', //          5
  '    title: 行动', //         6
  '    tasks: [T01]', //       7
  '    ', //                   8  completion here, inside the action
  '',
].join('\n');

describe('schemas/plans.schema.json in yaml-language-server', () => {
  let child: ChildProcessWithoutNullStreams;
  let client: LspClient;

  beforeAll(async () => {
    child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    client = new LspClient(child);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: {},
        },
      },
    });
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  });

  afterAll(() => {
    child?.kill();
  });

  it('flags an unknown key and a wrong type on their lines', async () => {
    const uri = pathToFileURL(path.join(root, 'test/fixtures/editor/plan.yaml')).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: planText } });
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    const diagnostics = published.diagnostics as { range: { start: { line: number; character: number } }; message: string }[];
    const unknownKey = diagnostics.find((d) => /suport/.test(d.message));
    expect(unknownKey?.range.start).toEqual({ line: 9, character: 4 });
    const wrongType = diagnostics.find((d) => /array/i.test(d.message));
    expect(wrongType?.range.start).toEqual({ line: 13, character: 11 });
    // Nothing is flagged on the lines that are right.
    expect(diagnostics.filter((d) => ![9, 13].includes(d.range.start.line))).toEqual([]);
  });

  it('offers lead and support inside an action', async () => {
    const uri = pathToFileURL(path.join(root, 'test/fixtures/editor/completion.yaml')).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: completionText } });
    const result = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 4 } });
    const labels = ((Array.isArray(result) ? result : result?.items) ?? []).map((i: { label: string }) => i.label);
    expect(labels).toContain('lead');
    expect(labels).toContain('support');
    expect(labels).not.toContain('tasks'); // already there
  });

  it('follows a relative $schema path, as plans init writes it', async () => {
    const uri = pathToFileURL(path.join(root, 'test/fixtures/editor/relative.yaml')).href;
    const text = ['# yaml-language-server: $schema=../../../schemas/plans.schema.json', 'kind: Owners', 'owners:', '  - {id: hz-sfj, name: 杭州市司法局, cty: hangzhou}', ''].join('\n');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    expect(published.diagnostics.map((d: { range: { start: { line: number } }; message: string }) => [d.range.start.line, /cty/.test(d.message)])).toEqual([[3, true]]);
  });

  it('applies the schema by file pattern from the yaml.schemas setting (docs/editors.md), without a modeline', async () => {
    yamlSettings.schemas = { [schemaUri]: ['campaign.yaml', 'owners.yaml', '*/plan.yaml', '*/progress/*.yaml'] };
    client.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
    const uri = pathToFileURL(path.join(root, 'test/fixtures/editor/hangzhou/plan.yaml')).href;
    const text = planText.split('\n').slice(1).join('\n'); // no modeline: lines move up by one
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length > 0);
    const lines = published.diagnostics.map((d: { range: { start: { line: number } } }) => d.range.start.line).sort((a: number, b: number) => a - b);
    expect(lines).toEqual([8, 12]);
  });

  it('shows the description of a key on hover, in both languages', async () => {
    const uri = pathToFileURL(path.join(root, 'test/fixtures/editor/plan.yaml')).href;
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 6 } });
    const text = typeof hover?.contents === 'string' ? hover.contents : hover?.contents?.value ?? '';
    expect(text).toContain('行动名称');
    expect(text).toContain('Action title');
  });
});
