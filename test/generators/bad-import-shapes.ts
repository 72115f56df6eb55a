/** Bad import files as a whole: truncated, binary, huge, not JSON Lines, or mixed. */
import { IMPORT_LIMITS } from '../../src/shared/interactions/import-file';
import { seededRandom } from '../../src/shared/random';
import type { BadImport, Lines } from './import-cases';

function bytes(seed: number, length: number, prefix: number[] = []): Uint8Array {
  const random = seededRandom(seed);
  const out = Uint8Array.from({ length }, () => Math.floor(random() * 256));
  out.set(prefix);
  return out;
}

/** Lines in bytes as countLines() counts them in the decoded text. */
export function byteLines(bytes: Uint8Array): number {
  const breaks = bytes.reduce((n, byte) => n + (byte === 0x0a ? 1 : 0), 0);
  return bytes.length === 0 || bytes[bytes.length - 1] === 0x0a ? breaks : breaks + 1;
}

/** Exports cut off mid-line: the complete lines are kept, the cut one rejected. */
function truncated(lines: Lines): BadImport[] {
  const cut = (name: string, count: number, keep: number): BadImport => {
    const { text, events } = lines.events(count);
    const last = text[count - 1] ?? '';
    const body = [...text.slice(0, count - 1), last.slice(0, keep)].join('\n');
    return {
      name,
      kind: 'truncated',
      body: () => body,
      adds: events.slice(0, count - 1),
      rejected: 1,
      mentions: /line \d+: not valid JSON/,
    };
  };
  const settingsFirst = (() => {
    const { text, events } = lines.events(3);
    const body = [
      '{"settings":{"learningPaused":false}}',
      text[0],
      (text[1] ?? '').slice(0, 30),
    ].join('\n');
    return {
      name: 'settings, one event, then a cut line',
      kind: 'truncated' as const,
      body: () => body,
      adds: events.slice(0, 1),
      rejected: 1,
      mentions: /line 3: not valid JSON/,
    };
  })();
  const escape = (() => {
    const [line] = lines.event();
    const body = line.slice(0, line.indexOf('"item":"') + 12) + '\\';
    return {
      name: 'cut inside an escape',
      kind: 'truncated' as const,
      body: () => body,
      adds: [],
      rejected: 1,
      mentions: /not valid JSON/,
    };
  })();
  return [
    cut('cut in the first and only line', 1, 20),
    cut('five lines, the last cut in half', 5, 30),
    cut('a hundred lines, the last cut after its opening brace', 100, 1),
    cut('a thousand lines, the last missing its closing brace', 1000, -1),
    settingsFirst,
    escape,
  ];
}

/** Files that are not text at all. */
function binary(): BadImport[] {
  const files: [string, Uint8Array][] = [
    ['random bytes', bytes(31, 8192)],
    ['a gzip-compressed file', bytes(32, 4096, [0x1f, 0x8b, 8, 0])],
    ['a PNG image', bytes(33, 4096, [0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10])],
    ['NUL bytes', new Uint8Array(512)],
    [
      'UTF-16 text',
      new Uint8Array(Uint16Array.from('{"user":"me","item":"x"}\n', (c) => c.charCodeAt(0)).buffer),
    ],
  ];
  return files.map(([name, data]) => ({
    name,
    kind: 'binary',
    body: () => data,
    adds: [],
    rejected: byteLines(data),
    mentions: /binary data/,
  }));
}

/** A 50 MB line, alone and between valid lines, and a line just over the limit. */
function hugeLines(lines: Lines): BadImport[] {
  const size = 50 * 1024 * 1024;
  const huge = { head: '{"user":"me","note":"', unit: 'x', count: size, tail: '"}' };
  const { text, events } = lines.events(2);
  const over = lines.event()[0].replace('{', `{"pad":"${'p'.repeat(IMPORT_LIMITS.lineLength)}",`);
  return [
    {
      name: 'one line of 50 MB',
      kind: 'huge-line',
      body: () => huge,
      adds: [],
      rejected: 1,
      mentions: /line 1: the line is too long \(52,428,8\d\d characters/,
    },
    {
      name: 'a 50 MB line between two valid lines',
      kind: 'huge-line',
      body: () => ({
        ...huge,
        head: `${text[0] ?? ''}\n${huge.head}`,
        tail: `${huge.tail}\n${text[1] ?? ''}`,
      }),
      adds: events,
      rejected: 1,
      mentions: /line 2: the line is too long/,
    },
    {
      name: `a line of ${IMPORT_LIMITS.lineLength + 100} characters`,
      kind: 'huge-line',
      body: () => over,
      adds: [],
      rejected: 1,
      mentions: /the line is too long/,
    },
  ];
}

/** Files over the line and size limits: refused before any line is read. */
function tooBig(): BadImport[] {
  const million = { head: '', unit: '{"item":"a"}\n', count: 1_000_000, tail: '' };
  const blank = { head: '', unit: '\n', count: IMPORT_LIMITS.lines + 1, tail: '' };
  const large = { head: '', unit: 'x'.repeat(1023) + '\n', count: 70 * 1024, tail: '' };
  return [
    {
      name: 'a million lines',
      kind: 'too-many-lines',
      body: () => million,
      adds: [],
      rejected: 1_000_000,
      mentions: /1,000,000 lines; at most 500,000/,
    },
    {
      name: `${IMPORT_LIMITS.lines + 1} empty lines`,
      kind: 'too-many-lines',
      body: () => blank,
      adds: [],
      rejected: IMPORT_LIMITS.lines + 1,
      mentions: /500,001 lines/,
    },
    {
      name: 'a 70 MB file',
      kind: 'too-large',
      body: () => large,
      adds: [],
      rejected: 0,
      mentions: /larger than 64 MB/,
    },
  ];
}

/** JSON that is not JSON Lines, other formats, and empty files. */
function notJsonl(lines: Lines): BadImport[] {
  const { text } = lines.events(3);
  const list = `[${text.join(',')}]`;
  const pretty = JSON.stringify(JSON.parse(list), null, 2);
  const files: [string, string, number, RegExp][] = [
    [
      'a pretty-printed JSON list',
      pretty,
      pretty.split('\n').length,
      /one JSON document, not JSON Lines/,
    ],
    ['a one-line JSON list', list, 1, /one JSON document, not JSON Lines/],
    ['an object holding a list', `{"interactions":${list}}`, 1, /one JSON document/],
    ['CSV', 'user,item,type,ts\nme,sku-0001,view,1700000000000\n', 2, /line 1: not valid JSON/],
    ['an HTML page', '<!doctype html>\n<html><body>export</body></html>\n', 2, /not valid JSON/],
    ['YAML', '- user: me\n  item: sku-0001\n', 2, /not valid JSON/],
    ['an empty file', '', 0, /the file is empty/],
    ['only blank lines', '\n \n\t\n', 0, /the file is empty/],
  ];
  return files.map(([name, body, rejected, mentions]) => ({
    name,
    kind: 'not-jsonl',
    body: () => body,
    adds: [],
    rejected,
    mentions,
  }));
}

/** Valid lines mixed with bad ones, and harmless oddities that must import in full. */
function mixed(lines: Lines): BadImport[] {
  const { text, events } = lines.events(20);
  const bad = ['nonsense', '{"item":1}', '{"type":"view"}', '[]', '{"settings":{"colour":"red"}}'];
  const interleaved = text.flatMap((line, i) => (i % 4 === 0 ? [line, bad[i / 4] ?? ''] : [line]));
  const clean = lines.events(4);
  const again = lines.events(1);
  return [
    {
      name: 'twenty valid lines and five bad ones',
      kind: 'mixed',
      body: () => interleaved.join('\n'),
      adds: events,
      rejected: 5,
      mentions: /not valid JSON/,
    },
    {
      name: 'a byte-order mark, CRLF line ends and blank lines',
      kind: 'mixed',
      body: () => `\uFEFF${clean.text.join('\r\n\r\n')}\r\n`,
      adds: clean.events,
      rejected: 0,
      mentions: /./,
    },
    {
      name: 'the same event three times',
      kind: 'mixed',
      body: () => Array(3).fill(again.text[0]).join('\n'),
      adds: again.events,
      rejected: 0,
      mentions: /./,
    },
  ];
}

/** Every whole-file case. */
export function shapeCases(lines: Lines): BadImport[] {
  return [
    ...truncated(lines),
    ...binary(),
    ...hugeLines(lines),
    ...tooBig(),
    ...notJsonl(lines),
    ...mixed(lines),
  ];
}
