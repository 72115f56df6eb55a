/** Content types that cannot hold catalogue JSON, and what to call them in a message. */
const NOT_JSON: [RegExp, string][] = [
  // A dev server or SPA fallback answers unknown paths with index.html and status 200.
  [/^text\/html$|^application\/xhtml\+xml$/, 'a web page'],
  [/^image\//, 'an image'],
  [/^(audio|video)\//, 'a media file'],
  [/^font\//, 'a font'],
  [/^text\/css$/, 'a style sheet'],
  [/^(text|application)\/(javascript|ecmascript)$/, 'a script'],
  [/^(application|text)\/xml$/, 'an XML document'],
  [/^application\/pdf$/, 'a PDF document'],
  [/^application\/(zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.rar)$/, 'an archive'],
  [/^multipart\//, 'a form upload'],
];

/**
 * Why a response of this content type cannot be a catalogue, or null when it may be one. JSON
 * types, text/plain, octet-stream, unknown and missing types go on to the parser, which says
 * precisely what is wrong with the body: many static hosts label JSON loosely.
 */
export function refusedContentType(header: string | null): string | null {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const match = NOT_JSON.find(([pattern]) => pattern.test(type));
  if (!match) return null;
  return `This catalogue cannot be used: the server sent ${match[1]} (${type}), not catalogue JSON. Check the catalogue address.`;
}
