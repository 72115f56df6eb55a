/** Malformed catalogue bodies: broken JSON syntax, cut-off files, wrong content, HTTP errors. */
import { seededRandom } from '../../src/shared/random';
import { baseCatalogue, family, type BadCatalogue } from './catalogue-cases';

const NOT_JSON = /not valid JSON/;
const TRUNCATED = /truncated|cut off/;

function bytes(seed: number, length: number, prefix: number[] = []): Uint8Array {
  const random = seededRandom(seed);
  const out = Uint8Array.from({ length }, () => Math.floor(random() * 256));
  out.set(prefix);
  return out;
}

/** Text that is almost, or not at all, JSON. */
export function invalidJsonCases(): BadCatalogue[] {
  const good = JSON.stringify(baseCatalogue());
  const spliced = (from: string, to: string) => () => good.replace(from, to);
  const bodies: [string, () => string | Uint8Array][] = [
    ['empty body', () => ''],
    ['only whitespace', () => ' \n\t \r\n'],
    ['trailing comma in an object', spliced('"version":"1"', '"version":"1",}')],
    ['trailing comma in the item list', () => good.replace(/\]\}$/, ',]}')],
    ['single-quoted strings', () => good.replaceAll('"', "'")],
    ['unquoted keys', () => good.replace(/"(\w+)":/g, '$1:')],
    ['a line comment', () => `// the catalogue\n${good}`],
    ['a block comment', spliced('"items"', '/* items */ "items"')],
    ['NaN as a value', spliced('"price":120', '"price":NaN')],
    ['Infinity as a value', spliced('"price":120', '"price":Infinity')],
    ['undefined as a value', spliced('"version":"1"', '"version":undefined')],
    ['a hexadecimal number', spliced('"price":120', '"price":0x78')],
    ['a number with a leading zero', spliced('"price":120', '"price":0120')],
    ['a number with a plus sign', spliced('"price":120', '"price":+120')],
    ['a raw line break inside a string', spliced('Two-person', 'Two-\nperson')],
    ['a bad escape', spliced('Two-person', 'Two\\xperson')],
    ['a bad unicode escape', spliced('Two-person', 'Two\\u12G4person')],
    ['two objects in a row', () => `${good}${good}`],
    ['text after the object', () => `${good} thanks!`],
    ['a missing colon', spliced('"version":"1"', '"version" "1"')],
    ['a missing comma between items', () => good.replace('},{', '}{')],
    ['an extra closing brace', () => `${good}}`],
    ['mismatched brackets', () => good.replace(/\]\}$/, '}}')],
    ['a JavaScript assignment', () => `var catalogue = ${good};`],
    ['a JSONP callback', () => `callback(${good})`],
    ['YAML', () => 'schema: private-recs/catalogue@1\nid: shop\nitems:\n  - id: a\n    title: A\n'],
    ['CSV', () => 'id,title,price\na-1,Enamel kettle,20\nb-2,Trail tent,120\n'],
    ['Python literals', () => good.replace('true', 'True').replace('"version":"1"', '"v":None')],
    ['binary garbage', () => bytes(11, 4096)],
    ['NUL bytes', () => '\u0000'.repeat(64)],
    [
      'a UTF-16 encoded body',
      () =>
        new Uint8Array(
          Uint16Array.from({ length: good.length }, (_, i) => good.charCodeAt(i)).buffer,
        ),
    ],
  ];
  return family(
    'invalid-json',
    bodies.map(([name, body]) => ({ name, body, mentions: NOT_JSON })),
  );
}

/** The good catalogue cut at many places, and responses shorter than they announce. */
export function truncatedCases(good: string): BadCatalogue[] {
  const text = good.trimEnd();
  const cuts = [1, 2, 10, 60, 61, 100, 1_000, 4_096, 65_536, 131_072, 262_144, 400_000];
  for (let k = 1; k <= 19; k++) cuts.push(Math.floor((text.length * k) / 20));
  cuts.push(text.length - 2, text.length - 1);
  const specs = cuts.map((at) => ({
    name: `cut after ${at} of ${text.length} characters`,
    body: () => text.slice(0, at),
    mentions: TRUNCATED,
  }));
  return family('truncated', specs);
}

/** Responses whose content type says they are not JSON (an HTML fallback page, media, …). */
export function contentCases(good: string): BadCatalogue[] {
  const page = '<!doctype html><html><head><title>Shop</title></head><body>Hi</body></html>';
  const cases: [string, string, () => string | Uint8Array][] = [
    ['text/html', 'an HTML page', () => page],
    ['text/html; charset=utf-8', 'an HTML page with a charset', () => page],
    ['text/html', 'the good catalogue labelled as HTML', () => good],
    ['application/xhtml+xml', 'XHTML', () => `<?xml version="1.0"?>${page}`],
    ['application/xml', 'XML', () => '<?xml version="1.0"?><catalogue><item id="a"/></catalogue>'],
    ['image/png', 'a PNG image', () => bytes(21, 2048, [0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10])],
    ['image/jpeg', 'a JPEG image', () => bytes(22, 2048, [0xff, 0xd8, 0xff, 0xe0])],
    ['image/svg+xml', 'an SVG image', () => '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['application/pdf', 'a PDF document', () => `%PDF-1.7\n${'x'.repeat(500)}`],
    ['application/zip', 'a ZIP archive', () => bytes(23, 1024, [0x50, 0x4b, 3, 4])],
    ['application/gzip', 'a gzip file', () => bytes(24, 1024, [0x1f, 0x8b, 8, 0])],
    ['text/css', 'a style sheet', () => 'body { color: red; }'],
    ['text/javascript', 'a script', () => `window.catalogue = ${good.slice(0, 200)}`],
    ['font/woff2', 'a font', () => bytes(25, 1024, [0x77, 0x4f, 0x46, 0x32])],
    ['video/mp4', 'a video', () => bytes(26, 1024)],
    ['audio/mpeg', 'an audio file', () => bytes(27, 1024)],
  ];
  return family(
    'content-type',
    cases.map(([contentType, name, body]) => ({
      name: `${name} (${contentType})`,
      body,
      contentType,
      mentions: /not catalogue JSON/,
      // The good catalogue labelled as HTML parses fine: only the download check refuses it.
      parseRefuses: body !== cases[2]?.[2],
    })),
  );
}

/** HTTP errors, and a success with nothing in it. */
export function httpCases(): BadCatalogue[] {
  const statuses = [400, 401, 403, 404, 410, 429, 500, 502, 503];
  const errors = statuses.map((status) => ({
    name: `status ${status}`,
    body: () => `Error ${status}`,
    contentType: 'text/plain',
    status,
    mentions: new RegExp(`server answered ${status}`),
    parseRefuses: true,
  }));
  const empty = { name: 'status 204, no body', body: () => '', status: 204, mentions: /empty/ };
  return family('http-status', [...errors, empty]);
}
